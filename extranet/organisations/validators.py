"""Validators for French public identifiers (SIREN, SIRET, INSEE code)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# La Poste's establishments share one SIREN and use a different check rule on the SIRET.
LA_POSTE_SIREN = "356000000"


def luhn_is_valid(digits: str) -> bool:
    """Tell whether a string of digits passes the Luhn checksum used by SIREN and SIRET."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def validate_siren(value: str) -> None:
    if not re.fullmatch(r"\d{9}", value):
        raise ValidationError(_("A SIREN number is made of exactly 9 digits."), code="siren_format")
    if not luhn_is_valid(value):
        raise ValidationError(_("This SIREN number is not valid (wrong check digit)."), code="siren_checksum")


def validate_siret(value: str) -> None:
    if not re.fullmatch(r"\d{14}", value):
        raise ValidationError(_("A SIRET number is made of exactly 14 digits."), code="siret_format")
    valid = sum(map(int, value)) % 5 == 0 if value.startswith(LA_POSTE_SIREN) else luhn_is_valid(value)
    if not valid:
        raise ValidationError(_("This SIRET number is not valid (wrong check digit)."), code="siret_checksum")


def validate_insee_code(value: str) -> None:
    if not re.fullmatch(r"(\d{2}|2A|2B)\d{3}", value):
        raise ValidationError(
            _("An INSEE code is made of 5 characters: the département (2 digits, 2A or 2B) and 3 digits."),
            code="insee_format",
        )
