"""Another organisation's drafts in the Wagtail admin: neither their pages nor their titles, for its editors."""

import html

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


def test_the_departements_approvers_see_a_communes_draft_only_once_submitted(client, commune, editor):
    """Before the commune submits its notice, the département's editor finds it neither in the explorer nor in
    the admin's page search; submitted for approval, it is listed for them."""
    from extranet.notices.services import notice_section_set_approval, notice_submit_for_moderation
    from tests.notices.factories import section_of
    from tests.organisations.factories import OrganisationFactory

    departement = OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")
    notice_section_set_approval(section=section_of(commune), required=True)
    draft = notice(commune, user=editor, publish=False, title=TITLE)
    client.force_login(membership(departement, role="editor").user)

    def listed() -> list[bool]:
        section = section_of(commune).pk
        pages = [
            client.get(reverse("wagtailadmin_explore", args=[section])),
            client.get(reverse("wagtailadmin_pages:search"), {"q": "Jean-Moulin"}),
            client.get("/admin/reports/site-history/"),
            client.get("/admin/api/main/pages/", {"descendant_of": section, "fields": "title"}),
        ]
        return ["Fermeture de l" in html.unescape(page.content.decode()) for page in pages]

    before = listed()
    notice_submit_for_moderation(notice=draft, user=editor)

    assert before == [False, False, False, False]
    assert listed() == [True, True, True, True]
