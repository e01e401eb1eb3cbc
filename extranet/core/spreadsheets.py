"""Cells of the CSV files people open in a spreadsheet."""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A phone number or a signed amount ("+33 2 38 59 70 08", "-1 200,50") is read as a value, never as a formula.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9 .,\u00a0\u202f]*")


def spreadsheet_safe(value) -> str:
    """The value as text, a quote put before what a spreadsheet would run as a formula (CSV injection):
    anything starting with =, +, -, @, a tab or a carriage return, unless it is a plain number."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(text):
        return f"'{text}"
    return text
