"""Checks of the procurement identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CPV_PATTERN = re.compile(r"\d{8}-\d")


def validate_cpv_code(value: str) -> None:
    """A CPV code is 8 digits, a hyphen and a check digit (45000000-7).

    Only the format is checked: the check digit's algorithm is not published with the CPV regulation.
    """
    if not CPV_PATTERN.fullmatch(value):
        raise ValidationError(
            _("A CPV code is made of 8 digits, a hyphen and a check digit, for example 45000000-7."),
            code="cpv_format",
        )
