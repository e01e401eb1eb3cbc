"""Result snippets: the part of an item's text around the first words that match, matches marked."""

from html import escape  # Django's escape() is this one behind a lazy-string wrapper, a cost per piece

from django.utils.safestring import SafeString, mark_safe

from .analysis import french_analyzer
from .lending import Lender

CONTEXT_BEFORE = 60

# Building an analyzer costs more than a page of snippets, and its stem cache is worth keeping between requests,
# but that cache is not safe to share between threads.
ANALYZERS = Lender(french_analyzer)


def query_terms(query: str) -> frozenset[str]:
    """The query's words as the index holds them (stemmed, accents folded): what `snippet` marks."""
    with ANALYZERS.lend() as analyzer:
        return frozenset(token.text for token in analyzer(query))


def _matches(text: str, terms: frozenset[str], length: int):
    """(start, end) of the matching words, up to the last one a snippet of `length` from the first match can show."""
    last = None
    # Whoosh reuses one token object: read its fields while iterating.
    with ANALYZERS.lend() as analyzer:
        for token in analyzer(text, chars=True):
            if last is not None and token.startchar > last:
                return
            if token.text in terms:
                if last is None:
                    last = max(token.startchar, CONTEXT_BEFORE) + length
                yield token.startchar, token.endchar


def snippet(text: str, terms: frozenset[str], *, length: int = 240) -> SafeString:
    """Escaped text of about `length` characters starting a little before the first match, matches in <mark>."""
    text = " ".join((text or "").split())
    matches = list(_matches(text, terms, length)) if terms else []
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
