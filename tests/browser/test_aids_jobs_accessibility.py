"""axe-core finds no WCAG 2.1 A/AA violation on the aid directory and the job board; they fit a 360 px screen."""

import pprint

import pytest
from playwright.sync_api import expect

from extranet.aids.pages import AidPage
from extranet.jobs.pages import JobOfferPage
from tests.aids.factories import aid, days, provider
from tests.jobs.factories import expired_offer, offer
from tests.organisations.factories import OrganisationFactory

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, indexes, the aid directory's fixed lists).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def aids():
    departement = provider(kind="departement", name="Département du Loiret", slug="loiret")
    syndicat = provider(kind="syndicat", name="Loiret Numérique", slug="loiret-numerique")
    aid(
        departement,
        title="Aide à l'investissement des communes rurales",
        slug="investissement-communes-rurales",
        themes=["amenagement", "urbanisme"],
        subvention_rate_lower_bound=20,
        subvention_rate_upper_bound=40,
        eligibility="<p>Communes de moins de 2 000 habitants.</p>",
        application_instructions="<p>Déposez le dossier sur le portail des aides.</p>",
        application_url="https://aides.loiret.test/investissement",
        contact="<p>Direction de l'appui aux territoires</p>",
        co_financers=[syndicat],
    )
    aid(departement, title="Fonds pour le patrimoine rural", themes=["culture"], submission_deadline=days(-3))
    aid(
        syndicat,
        title="Fonds de soutien à la numérisation des écoles",
        themes=["numerique", "education"],
        targeted_audiences=["commune", "epci"],
    )


@pytest.fixture
def jobs():
    departement = provider(kind="departement", name="Département du Loiret", slug="loiret")
    jargeau = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    offer(departement, title="Agent d'exploitation des routes", slug="agent-exploitation", category="C")
    offer(
        jargeau,
        title="Animateur périscolaire",
        category="C",
        contract_type="cdd",
        working_time="non-complet",
        weekly_hours=24,
    )
    expired_offer(jargeau, title="Secrétaire de mairie", slug="secretaire-de-mairie")


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def assert_fits(page):
    """Nothing is wider than the screen: no horizontal scrolling."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_aid_directory_with_filters_and_results(page, live_server, axe, aids):
    page.goto(live_server.url + "/aides/")
    page.get_by_label("Communes (2)").check()
    page.get_by_label("Afficher aussi les aides clôturées (1)").check()
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page.get_by_role("heading", level=2, name="3 aides")).to_be_visible()
    expect(page.get_by_text("Clôturée", exact=True)).to_be_visible()
    assert_no_violations(axe, page)


def test_aid_directory_on_a_small_screen(new_page, live_server, axe, aids):
    page = new_page(width=360, height=740)
    page.goto(live_server.url + "/aides/?theme=numerique")

    expect(page.get_by_role("link", name="Fonds de soutien à la numérisation des écoles")).to_be_visible()
    assert_fits(page)
    assert_no_violations(axe, page)


def test_aid_page(page, live_server, axe, aids):
    page.goto(live_server.url + AidPage.objects.get(slug="investissement-communes-rurales").url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Aide à l'investissement des communes rurales")
    expect(page.get_by_role("link", name="Déposer une demande en ligne")).to_be_visible()
    assert_no_violations(axe, page)


def test_job_board_with_filters(page, live_server, axe, jobs):
    page.goto(live_server.url + "/emplois/")
    page.get_by_label("Catégorie").select_option("C")
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page.get_by_role("heading", level=2, name="2 offres ouvertes")).to_be_visible()
    assert_no_violations(axe, page)


def test_job_board_on_a_small_screen(new_page, live_server, axe, jobs):
    page = new_page(width=360, height=740)
    page.goto(live_server.url + "/emplois/")

    expect(page.get_by_role("link", name="Animateur périscolaire")).to_be_visible()
    assert_fits(page)


@pytest.mark.parametrize("slug", ["agent-exploitation", "secretaire-de-mairie"])
def test_job_offer_pages(page, live_server, axe, jobs, slug):
    page.goto(live_server.url + JobOfferPage.objects.get(slug=slug).url)

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(axe, page)
