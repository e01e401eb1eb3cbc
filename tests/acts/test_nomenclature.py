"""The ACTES nomenclature read from the CSV shipped with the app."""

import re

from extranet.acts.nomenclature import matter_choices, matter_get, matter_level_one_names, matters


def test_the_nomenclature_has_its_57_matters_with_well_formed_codes():
    """Every level-2 matter of the CSV is loaded, each code like 7.5 or 7.10."""
    codes = list(matters())

    assert len(codes) == 57
    assert all(re.fullmatch(r"^\d\.\d{1,2}$", code) for code in codes)
    assert (codes[0], codes[-1]) == ("1.1", "9.4")


def test_the_nomenclature_is_read_once():
    """The CSV is parsed once and cached: two calls return the same object."""
    assert matters() is matters()


def test_the_admin_select_labels_name_the_matter_and_sub_matter():
    """The admin's select shows "1.1 — Commande publique / Marchés publics"."""
    assert matter_choices()[0] == ("1.1", "1.1 — Commande publique / Marchés publics")


def test_a_matter_gives_its_scdl_name_and_level_one():
    """7.5 is "finances locales/subventions" under level 1 "7" (Finances locales); 7.10 keeps its two digits."""
    subsidies = matter_get("7.5")

    assert subsidies.delib_matiere_nom == "finances locales/subventions"
    assert (subsidies.level_one, matter_level_one_names()["7"]) == ("7", "Finances locales")
    assert matter_get("7.10").sub_matter == "Divers"
    assert matter_get("12.3") is None
