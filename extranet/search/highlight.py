"""Result snippets: the part of an item's text around the first words that match, matches marked."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import french_analyzer

CONTEXT_BEFORE = 60


def _matches(text: str, query: str) -> list[tuple[int, int]]:
    analyzer = french_analyzer()
    terms = {token.text for token in analyzer(query)}
    if not terms:
        return []
    # Whoosh reuses one token object: read its fields while iterating.
    return [(token.startchar, token.endchar) for token in analyzer(text, chars=True) if token.text in terms]


def snippet(text: str, query: str, *, length: int = 240) -> SafeString:
    """Escaped text of about `length` characters starting a little before the first match, matches in <mark>."""
    text = " ".join((text or "").split())
    matches = _matches(text, query)
    start = 0
    if matches and matches[0][0] > CONTEXT_BEFORE:
        start = text.rfind(" ", 0, matches[0][0] - CONTEXT_BEFORE) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    parts = ["… " if start else ""]
    cursor = start
    for match_start, match_end in matches:
        if match_start < cursor or match_end > end:
            continue
        parts += [escape(text[cursor:match_start]), "<mark>", escape(text[match_start:match_end]), "</mark>"]
        cursor = match_end
    parts += [escape(text[cursor:end]), " …" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 # nosec B308, B703 # every piece is escaped above
