"""The ACTES nomenclature of matters (levels 1 and 2), read once from data/actes-nomenclature.csv."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

NOMENCLATURE_CSV = Path(__file__).resolve().parent / "data" / "actes-nomenclature.csv"
MATTER_CODE_PATTERN = re.compile(r"^\d\.\d{1,2}$")


@dataclass(frozen=True)
class Matter:
    """One level-2 matter, such as 7.5 "Finances locales / Subventions"."""

    code: str
    matter: str
    sub_matter: str
    delib_matiere_nom: str

    @property
    def level_one(self) -> str:
        return self.code.split(".")[0]

    @property
    def label(self) -> str:
        return f"{self.code} — {self.matter} / {self.sub_matter}"


@cache
def matters() -> dict[str, Matter]:
    """Every matter by code, in the nomenclature's order (7.9 before 7.10)."""
    with NOMENCLATURE_CSV.open(encoding="utf-8", newline="") as source:
        return {
            row["code"]: Matter(
                code=row["code"],
                matter=row["matiere"],
                sub_matter=row["sous_matiere"],
                delib_matiere_nom=row["delib_matiere_nom"],
            )
            for row in csv.DictReader(source)
        }


def matter_get(code: str) -> Matter | None:
    return matters().get(code)


def matter_choices() -> list[tuple[str, str]]:
    """Level-2 matters for a select: ("1.1", "1.1 — Commande publique / Marchés publics")."""
    return [(matter.code, matter.label) for matter in matters().values()]


def matter_level_one_names() -> dict[str, str]:
    """Level-1 matters: {"7": "Finances locales", ...}."""
    return {matter.level_one: matter.matter for matter in matters().values()}
