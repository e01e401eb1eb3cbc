"""Checks of the procurement identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CPV_PATTERN = re.compile(r"\d{8}-\d")


def validate_cpv_code(value: str) -> None:
    """A CPV code is 8 digits, a hyphen and a check digit (45000000-7).

    Only the format is checked: the check digits published in the CPV 2008 do not all follow the documented
    algorithm (the Publications Office acknowledged it, OP-TED/ePO discussion 589), so computing the digit
    would refuse official codes such as 03300000-2.
    """
    if not CPV_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A CPV code is made of 8 digits, a hyphen and a check digit, for example 45000000-7."),
            code="cpv_format",
        )


# The shape of each kind of place code, as INSEE and ISO 3166 write them (Corsica's 2A and 2B, overseas 97x).
PLACE_CODE_PATTERNS = {
    "postal": (re.compile(r"\d{5}"), _("A postal code is 5 digits, for example 45150.")),
    "commune": (
        re.compile(r"(\d{2}|2[AB])\d{3}"),
        _("A commune's INSEE code is 5 characters, for example 45173, 2A004 or 97411."),
    ),
    "departement": (
        re.compile(r"\d{2}|2[AB]|97\d"),
        _("A département code is 2 characters, or 3 overseas: for example 45, 2A or 974."),
    ),
    "region": (re.compile(r"\d{2}"), _("A region code is 2 digits, for example 24.")),
    "pays": (re.compile(r"[A-Z]{2}"), _("A country code is 2 capital letters (ISO 3166), for example FR.")),
}


def place_code_errors(*, code: str, code_type: str) -> str | None:
    """Why this code of the place of execution does not fit its kind, or None when it does."""
    pattern, message = PLACE_CODE_PATTERNS.get(code_type, (None, None))
    if pattern is None or pattern.fullmatch(code or ""):
        return None
    return message
