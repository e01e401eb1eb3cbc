"""Names as people see them: one line of visible characters.

Control and format characters (zero-width spaces, right-to-left overrides that would show "exe.pdf" for
"fdp.exe") are dropped, and so are the letters that draw nothing (Hangul fillers, the blank braille pattern);
the joiners that Persian words and emoji sequences need stay, but do not make a name on their own.
"""

import unicodedata

JOINERS = {"\u200c", "\u200d"}
BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def visible_text(value: str) -> str:
    """The value in NFC, without invisible characters, its spaces collapsed; "" when nothing visible is left."""
    value = unicodedata.normalize("NFC", value or "")
    kept = "".join(
        char
        for char in value
        if char in JOINERS or (unicodedata.category(char)[0] != "C" and char not in BLANK_LETTERS)
    )
    text = " ".join(kept.split())
    return text if text.strip("".join(JOINERS)) else ""


def same_name(first: str, second: str) -> bool:
    """Whether two names read the same, whatever their case (accented letters included) and invisible characters."""
    return visible_text(first).casefold() == visible_text(second).casefold()
