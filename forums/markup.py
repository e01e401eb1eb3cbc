"""The forums' markdown renderer (machina's MACHINA_MARKUP_LANGUAGE): Python-Markdown, then nh3's allow-list.

machina's default, markdown2's `safe_mode`, has a long record of XSS bypasses; here nothing the author types
survives unless nh3 allows it: no script, no event attribute, no style, no URL but http(s), mailto and
relative ones, and every link gets rel="nofollow noopener".
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["fenced_code", "tables", "sane_lists", "nl2br"]


def render(text, **kwargs) -> str:
    """Turn a post's markdown into HTML that is safe to show as it is."""
    html = markdown.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()
