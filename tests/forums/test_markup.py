"""The renderer: markdown that stays useful, HTML that can carry no script (checked in a browser too)."""

from html.parser import HTMLParser

import pytest

from forums.markup import ALLOWED_TAGS, render
from tests.forums.xss_corpus import PAYLOADS


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements_of(html):
    collector = ElementCollector()
    collector.feed(html)
    return collector.elements


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_harmless(payload):
    """Only allowed elements survive, with no event attribute and no script or data URL."""
    for tag, attributes in elements_of(render(payload)):
        assert tag in ALLOWED_TAGS
        assert not [name for name in attributes if name.startswith("on") or name == "style"]
        for name in ("href", "src"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:"))


def test_markdown_still_formats():
    html = render("**gras** *italique*\n\n> citation\n\n- un\n- deux\n\n[lien](https://www.loiret.fr)")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html and "<blockquote>" in html
    assert '<a href="https://www.loiret.fr" rel="nofollow noopener">lien</a>' in html


def test_code_is_shown_not_run():
    assert "&lt;script&gt;" in render("`<script>alert(1)</script>`")
