"""What a spreadsheet would run as a formula is exported as text; numbers and phone numbers stay values."""

import pytest

from extranet.core.spreadsheets import spreadsheet_safe


@pytest.mark.parametrize(
    "value",
    ["=SUM(A1)", '=1+HYPERLINK("http://evil.test")', "+1+cmd|'/C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formulas_get_a_quote(value):
    """Any cell opening with =, +, -, @, a tab or a carriage return gets a leading quote unless it is a number."""
    assert spreadsheet_safe(value) == f"'{value}"


@pytest.mark.parametrize("value", ["+33 2 38 59 70 08", "-1 200,50", "-12", "02 38 59 70 08", "Mairie", "", 1500])
def test_values_stay_as_they_are(value):
    """Phone numbers, signed amounts and ordinary text are written unchanged."""
    assert spreadsheet_safe(value) == str(value)


def test_none_is_an_empty_cell():
    """A missing value is an empty cell, not the word None."""
    assert spreadsheet_safe(None) == ""
