"""Amounts in euros the way French people read and type them: "12 500,50 €"."""

import re
from decimal import Decimal

from django import forms
from django.utils.formats import number_format

# Spaces of any kind (the narrow no-break space Django's French format groups with, a copied no-break space...)
# and the euro sign are what people add around the digits.
DECORATION = re.compile(r"[\s\u00a0\u202f€]")


def euros(amount) -> str:
    """An amount in euros with two decimals, grouped the local way ("12 500,50 €"); computed on the Decimal."""
    if amount is None or amount == "":
        return "—"
    return f"{number_format(Decimal(amount), decimal_pos=2, use_l10n=True, force_grouping=True)} €"


class EuroAmountField(forms.DecimalField):
    """A localized amount that also reads what it shows: grouped digits and a euro sign ("185 000,00 €")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = DECORATION.sub("", value)
        return super().to_python(value)
