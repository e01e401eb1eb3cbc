"""SVG and HTML are told by their first element, past what editors put before it (declaration, comments, doctype)."""

import pytest
from django.core.exceptions import ValidationError

from documents.uploads import upload_check
from tests.documents.factories import upload_file

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize(
    "prolog",
    [
        b"",
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n',
        b"<!-- Generator: Adobe Illustrator 27.0 -->\n",
        b'<?xml version="1.0"?>\n<!-- Created with Inkscape -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
        b'<!DOCTYPE svg [\n  <!ENTITY ns "http://www.w3.org/2000/svg">\n]>\n',
        b"<!-- " + b"Licence CC BY-SA 4.0, auteur et historique du dessin. " * 80 + b"-->\n",
    ],
)
def test_a_drawing_is_an_svg_whatever_precedes_its_root(prolog):
    """The files of Illustrator and Inkscape pass as SVG, not as text to rename."""
    assert upload_check(upload_file("logo.svg", prolog + SVG)).file_format == "svg"


def test_a_page_behind_a_comment_is_still_html_and_refused():
    """A comment before <html> (browsers' "saved from url") does not make a web page pass for plain text."""
    page = b"<!-- saved from url=(0014)about:internet -->\n<html><body><script>alert(1)</script></body></html>"

    with pytest.raises(ValidationError, match="n’est pas dans un format accepté"):
        upload_check(upload_file("page.txt", page))
