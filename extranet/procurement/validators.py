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
