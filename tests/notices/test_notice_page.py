"""A notice's own page: what a visitor reads, the attachments they download, what stays hidden."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from extranet.notices.pages import NoticeKind
from tests.notices.factories import document, notice
from tests.notices.helpers import add_url, admin_form, page_text

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_notice_with_its_context(client, commune):
    """Title, type, organisation, publication date, summary and body blocks are shown, with a breadcrumb."""
    created = notice(
        commune,
        title="Arrêté de circulation rue du Pont",
        kind=NoticeKind.OFFICIAL_NOTICE,
        body=[
            ("paragraph", RichText("<p>La circulation est interdite de 8 h à 18 h.</p>")),
            ("quote", {"text": "La sécurité des riverains passe avant tout.", "source": "Le maire"}),
        ],
    )

    response = client.get(created.url)
    text = page_text(response)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "<h1>Arrêté de circulation rue du Pont</h1>" in text
    assert "Avis officiel" in text
    assert '<a href="/communiques/jargeau/">Jargeau</a>' in text
    assert f'Publié le <time datetime="{created.publication_date:%Y-%m-%d}">' in text
    assert "La circulation est interdite de 8 h à 18 h." in text
    assert "<blockquote><p>La sécurité des riverains passe avant tout.</p></blockquote>" in text
    assert "<figcaption>— Le maire</figcaption>" in text


def test_the_attachments_are_listed_with_their_format(client, commune):
    """Each attachment links to its document under its label, with its format and size."""
    order = document(title="Arrêté signé", filename="arrete-signe.pdf")
    created = notice(commune, attachments=[(order, "Arrêté signé du 3 mars")])

    text = page_text(client.get(created.url))

    assert "Pièces jointes" in text
    assert f'<a href="{order.url}">Arrêté signé du 3 mars</a>' in text
    assert "(PDF, " in text
    assert client.get(order.url).status_code == 200


def test_a_draft_notice_is_not_reachable(client, commune):
    """A notice that was never published answers 404 to the public."""
    draft = notice(commune, slug="brouillon", publish=False)

    assert client.get("/communiques/jargeau/brouillon/").status_code == 404
    assert not draft.live


def test_the_editor_previews_a_new_notice_in_the_admin(client, editor, section):
    """Wagtail's preview of a notice being written renders the public template with its section."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["notices", "noticepage", section.pk])
    data = admin_form(
        client,
        add_url(section),
        title="Avis en préparation",
        slug="avis-en-preparation",
        kind="press_release",
        summary="Un communiqué encore en brouillon.",
    )

    assert client.post(url, data).json()["is_valid"]
    text = page_text(client.get(url))

    assert "<h1>Avis en préparation</h1>" in text
    assert "Communiqué de presse" in text
    assert '<a href="/communiques/jargeau/">Jargeau</a>' in text
