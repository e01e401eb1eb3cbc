"""A notice's journey in a real browser: Jargeau's editor submits it in Wagtail's admin, the département's
editor approves it there, and it appears on /communiques/."""

import pytest
from playwright.sync_api import expect

from extranet.notices.pages import NoticePage, NoticeSectionPage
from extranet.notices.services import notice_section_set_approval
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, spaces index, notices index).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Fête de la Saint-Martin : fermeture de la place du Martroi"


@pytest.fixture
def loiret():
    return OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")


@pytest.fixture
def jargeau(loiret):
    jargeau = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", parent=loiret)
    notice_section_set_approval(section=NoticeSectionPage.objects.get(organisation=jargeau), required=True)
    return jargeau


def test_jargeau_submits_the_departement_approves_and_the_notice_is_public(new_page, live_server, log_in, jargeau):
    author = membership(jargeau, role="editor").user
    moderator = membership(jargeau.parent, role="editor").user
    section = NoticeSectionPage.objects.get(organisation=jargeau)

    # Jargeau's editor writes the notice and submits it: no "Publish" is offered.
    page = new_page()
    log_in(page, author)
    page.goto(f"{live_server.url}/admin/pages/add/notices/noticepage/{section.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_kind").select_option(label="Information")
    page.locator("#id_summary").fill("La place du Martroi sera fermée à la circulation pendant la fête.")
    expect(page.locator('button[name="action-publish"]')).to_have_count(0)
    page.get_by_role("button", name="Plus d'actions").click()
    page.locator('button[name="action-submit"]').click()
    expect(page.get_by_text("créée et soumise pour modération")).to_be_visible()
    notice = NoticePage.objects.get(title=TITLE)
    assert not notice.live

    # The département's editor finds it awaiting review and approves it.
    page = new_page()
    log_in(page, moderator)
    page.goto(f"{live_server.url}/admin/pages/{notice.pk}/edit/")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Approuver et Publier", exact=True).click()
    expect(page.get_by_text(f"La page « {TITLE} » a été mise à jour.")).to_be_visible()
    notice.refresh_from_db()
    assert notice.live

    # Anyone now reads it on /communiques/.
    page = new_page()
    page.goto(f"{live_server.url}/communiques/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("La place du Martroi sera fermée")).to_be_visible()
