"""Stored and reflected XSS: hostile text in every field that members and editors write, rendered by the server."""

from urllib.parse import quote

import lxml.html
import pytest
from django.urls import reverse

from extranet.core.richtext import rich_text_clean
from tests.security.web.html_checks import dangerous_markup

pytestmark = pytest.mark.django_db


def test_no_payload_survives_in_any_page(client, hostile_world):
    """Every page shows its hostile fields as text: no script, event handler, style or script URL comes through."""
    client.force_login(hostile_world["viewer"])
    viewer_frame = reverse("documents:preview", args=[hostile_world["document"].pk])
    problems = {}
    for url, fields in hostile_world["pages"].items():
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        text = lxml.html.document_fromstring(html).text_content()
        missing = [field for field in fields if f"XSS-{field}" not in text]
        found = dangerous_markup(html, allowed_frames=[viewer_frame])
        if missing or found:
            problems[url] = {"fields not shown": missing, "dangerous markup": found}
    assert problems == {}


def test_a_hostile_search_query_is_not_reflected_as_markup(client, hostile_world):
    """The search page echoes the query in its form and title, escaped."""
    client.force_login(hostile_world["viewer"])
    query = "\"'><script>xss()</script><img src=x onerror=xss()>"

    response = client.get(reverse("search:search") + "?q=" + quote(query), secure=True)

    assert response.status_code == 200
    assert dangerous_markup(response.content.decode()) == []
    assert lxml.html.document_fromstring(response.content).get_element_by_id("id_q").value == query


def test_rich_text_from_code_keeps_only_what_the_editor_could_write():
    """Rich text given to the page services keeps Wagtail's links and embeds and loses scripts and script URLs."""
    html = (
        '<h2>Titre</h2><p onclick="xss()" style="color:red">Texte <b>gras</b> <a href="https://example.fr">lien</a>'
        ' <a linktype="page" id="3">page</a> <a href="javascript:xss()">j</a></p>'
        '<embed embedtype="image" id="7" format="left" alt="Photo"/><script>xss()</script><iframe src="//x"></iframe>'
    )

    assert rich_text_clean(html) == (
        '<h2>Titre</h2><p>Texte <b>gras</b> <a href="https://example.fr">lien</a>'
        ' <a linktype="page" id="3">page</a> <a>j</a></p><embed embedtype="image" id="7" format="left" alt="Photo"/>'
    )
