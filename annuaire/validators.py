"""Phone numbers as French offices write them: national (01 23 45 67 89) or international (+33 1 23 45 67 89)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[\s.\-()]")
FRENCH_NATIONAL = re.compile(r"^0[1-9][0-9]{8}$")
FRENCH_INTERNATIONAL = re.compile(r"^\+33[1-9][0-9]{8}$")
INTERNATIONAL = re.compile(r"^\+[1-9][0-9]{6,14}$")


def phone_digits(value: str) -> str:
    """The number without its separators, as tel: links and vCards want it."""
    return SEPARATORS.sub("", value or "")


def validate_phone(value: str) -> None:
    digits = phone_digits(value)
    if digits.startswith("+33"):
        valid = bool(FRENCH_INTERNATIONAL.match(digits))
    else:
        valid = bool(FRENCH_NATIONAL.match(digits) or INTERNATIONAL.match(digits))
    if not valid:
        raise ValidationError(
            _("Enter a French number of ten digits (01 23 45 67 89) or an international one starting with +."),
            code="invalid_phone",
        )
