"""Rich text written by code rather than by Wagtail's editor, held to what the editor itself could store.

Wagtail's admin converts what editors type (Draftail's content state) into its own database format and drops
anything else (scripts, event attributes, `javascript:` links). The services that create pages for the demo data,
imports and tests take that database format directly, and Wagtail renders it as is: they clean it here, so that
no path can store markup the admin would have refused.
"""

import re

import nh3
from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

# Wagtail's database format: plain elements, internal links (`linktype`) and embeds (`embedtype`: images, media).
TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code",
    "blockquote", "ul", "ol", "li", "a", "embed",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# nh3 writes void elements as HTML (`<embed ...>`); Wagtail only expands the self-closed form (`<embed .../>`).
EMBED = re.compile(r"<embed([^>]*?)\s*/?>")


def rich_text_clean(html: str) -> str:
    """The HTML without what Wagtail's editor could not have produced (no script, handler, style or foreign URL)."""
    cleaned = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
    return EMBED.sub(r"<embed\1/>", cleaned)


def _clean_value(value):
    if isinstance(value, RichText):
        return RichText(rich_text_clean(value.source))
    if isinstance(value, StreamValue):
        for child in value:
            child.value = _clean_value(child.value)
    elif isinstance(value, StructValue):
        for name in list(value):
            value[name] = _clean_value(value[name])
    return value


def page_rich_text_clean(page) -> None:
    """Clean, in place, every rich text field of a page and every rich text block of its stream fields."""
    for field in page._meta.get_fields():
        if isinstance(field, RichTextField):
            setattr(page, field.attname, rich_text_clean(getattr(page, field.attname) or ""))
        elif isinstance(field, StreamField):
            setattr(page, field.attname, _clean_value(getattr(page, field.attname)))
