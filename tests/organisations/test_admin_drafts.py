"""Another organisation's drafts in the Wagtail admin: neither their pages nor their titles, for its editors."""

import pytest
from django.urls import reverse

from tests.notices.factories import notice
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

TITLE = "Fermeture de l'école Jean-Moulin"


@pytest.fixture
def draft(commune, editor):
    return notice(commune, user=editor, publish=False, title=TITLE)


def test_another_organisations_editor_gets_404_on_the_draft(client, draft, other_commune):
    """The explorer, the bulk actions' confirmation and the chooser's search named the draft: 404, and not found."""
    client.force_login(membership(other_commune, role="editor").user)

    explorer = client.get(reverse("wagtailadmin_explore", args=[draft.pk]))
    bulk = client.get(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}")
    chooser = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Jean-Moulin"}).content.decode()

    assert (explorer.status_code, bulk.status_code) == (404, 404)
    assert "Jean-Moulin" not in chooser.replace("q=Jean-Moulin", "")


def test_its_own_editors_keep_the_draft(client, draft, editor):
    """Jargeau's editors open, explore and choose their draft as before."""
    client.force_login(editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    chooser = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Jean-Moulin"}).content.decode()

    assert edit.status_code == 200 and "Fermeture de l" in chooser
