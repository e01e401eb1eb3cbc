"""A message's text as HTML: escaped, line breaks kept, @mentions highlighted."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# @ followed by a name written like the local part of an e-mail address: @marie.dupont
MENTION_RE = re.compile(r"(?<![\w.@])@([A-Za-z0-9][\w.\-]{0,63}[\w])", re.UNICODE)


def mentioned_names(body: str) -> set[str]:
    return {name.lower() for name in MENTION_RE.findall(body or "")}


def message_html(body: str) -> SafeString:
    pieces = []
    position = 0
    for match in MENTION_RE.finditer(body or ""):
        pieces.append(escape(body[position : match.start()]))
        pieces.append(format_html('<strong class="mention">@{}</strong>', match.group(1)))
        position = match.end()
    pieces.append(escape((body or "")[position:]))
    # Every piece above is escaped or built by format_html.
    return mark_safe("".join(pieces).replace("\n", "<br>"))  # noqa: S308 # nosec B308, B703 # escaped above
