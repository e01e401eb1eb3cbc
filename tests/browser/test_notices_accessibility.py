"""axe-core finds no WCAG 2.1 A/AA violation on the notices' pages, which also fit a 360 px wide screen."""

import pprint

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from tests.notices.factories import document, notice
from tests.organisations.factories import OrganisationFactory

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, spaces index, notices index).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def notices():
    """A current notice with a quotation and a PDF attachment, and an expired one, in Jargeau's section."""
    jargeau = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    current = notice(
        jargeau,
        title="Avis d'enquête publique sur le plan local d'urbanisme",
        slug="enquete-plu",
        kind="official_notice",
        expires_in_days=20,
        body=[
            ("paragraph", RichText("<p>Le dossier est consultable en mairie aux heures d'ouverture.</p>")),
            ("quote", {"text": "Chacun peut consigner ses observations.", "source": "Le commissaire enquêteur"}),
        ],
        attachments=[(document(title="Arrêté d'ouverture", filename="arrete.pdf"), "Arrêté d'ouverture (PDF)")],
    )
    expired = notice(jargeau, title="Vigilance canicule", slug="canicule", published_days_ago=30, expires_in_days=-3)
    return current, expired


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def assert_fits(page):
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), page.url


@pytest.mark.parametrize("width", [1280, 360])
def test_the_notices_index(new_page, live_server, axe, notices, width):
    page = new_page(width=width)
    page.goto(live_server.url + "/communiques/?show_expired=on")
    expect(page.get_by_role("heading", level=1)).to_have_text("Communiqués et avis")
    expect(page.get_by_label("Afficher les avis expirés")).to_be_checked()
    assert_no_violations(axe, page)
    assert_fits(page)


@pytest.mark.parametrize("width", [1280, 360])
def test_a_section(new_page, live_server, axe, notices, width):
    page = new_page(width=width)
    page.goto(live_server.url + "/communiques/jargeau/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jargeau")
    assert_no_violations(axe, page)
    assert_fits(page)


@pytest.mark.parametrize("width", [1280, 360])
def test_a_notice_page(new_page, live_server, axe, notices, width):
    current, _expired = notices
    page = new_page(width=width)
    page.goto(live_server.url + current.url)
    expect(page.get_by_role("link", name="Arrêté d'ouverture (PDF)")).to_be_visible()
    assert_no_violations(axe, page)
    assert_fits(page)


def test_an_expired_notice_page(page, live_server, axe, notices):
    _current, expired = notices
    page.goto(live_server.url + expired.url)
    expect(page.get_by_text("Expiré le", exact=False)).to_be_visible()
    assert_no_violations(axe, page)
