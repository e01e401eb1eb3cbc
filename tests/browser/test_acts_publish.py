"""An editor publishes an act through the Wagtail admin, then finds it in the public list and in the feed."""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from extranet.acts.models import ActPage, ActSectionPage
from extranet.core.demo_files import minimal_pdf
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, /actes/).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Attribution du marché de rénovation énergétique de l'école"


@pytest.fixture
def jargeau():
    return OrganisationFactory(
        kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", siren="214501736", siret="21450173600018"
    )


@pytest.fixture
def editor(jargeau):
    return membership(jargeau, role="editor").user


def test_an_editor_publishes_an_act_seen_in_the_list_and_the_feed(page, live_server, log_in, editor, jargeau):
    """Fill the act's form, attach the signed PDF, publish: the act is listed on /actes/ and in the feed."""
    section = ActSectionPage.objects.get(organisation=jargeau)
    log_in(page, editor)

    page.goto(f"{live_server.url}/admin/pages/add/acts/actpage/{section.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_internal_id").fill("2024-015")
    page.locator("#id_adoption_date").fill("2024-03-14")
    page.keyboard.press("Escape")
    page.locator("#id_matter_code").select_option("1.1")
    for field, value in {"theoretical": "27", "actual": "23", "for": "21", "against": "2", "abstention": "0"}.items():
        page.locator(f"#id_votes_{field}").fill(value)
    page.locator("#id_signatory_name").fill("Bernard Lemoine")
    page.locator("#id_signatory_title").fill("maire")
    page.locator("#id_signed_pdf").set_input_files(
        files=[{"name": "deliberation.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf([TITLE])}]
    )
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{section.pk}/"))

    act = ActPage.objects.get()
    assert act.live and act.organisation == jargeau

    page.goto(f"{live_server.url}/actes/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Mis en ligne le")).to_be_visible()
    expect(page.locator("code")).to_have_text(act.signed_pdf_sha256)

    feed = page.request.get(f"{live_server.url}/actes/jargeau/flux/")
    assert feed.ok
    entries = ET.fromstring(feed.body()).findall(f"{ATOM}entry")  # noqa: S314 (our own server's output)
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [TITLE]
