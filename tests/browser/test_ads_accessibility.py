"""axe-core finds no WCAG 2.1 A/AA violation on the small ads' pages."""

import pprint

import pytest
from playwright.sync_api import expect

from extranet.ads import services
from tests.ads.factories import ad, departement
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def loiret():
    return departement()


@pytest.fixture
def jargeau(loiret):
    return OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", parent=loiret)


@pytest.fixture
def moderator(loiret):
    return membership(loiret, role="editor").user


@pytest.fixture
def author(jargeau):
    return membership(jargeau, role="member").user


@pytest.fixture
def published(jargeau, author, moderator):
    """A published sale with photos, next to another published ad and a pending one."""
    ad(jargeau, author=author, title="Recherche de barrières de police", kind="recherche", category="evenementiel")
    services.ad_approve(ad=ad(jargeau, title="Don de 40 chaises", kind="don", photos=1), moderator=moderator)
    sale = ad(jargeau, author=author, title="Vente d'un minibus 9 places", kind="vente", category="vehicules", photos=2)
    return services.ad_approve(ad=sale, moderator=moderator)


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_the_list(page, live_server, axe, published):
    page.goto(f"{live_server.url}/annonces/")
    expect(page.get_by_role("link", name="Vente d'un minibus 9 places")).to_be_visible()
    assert_no_violations(axe, page)


def test_the_list_with_an_invalid_filter(page, live_server, axe, published):
    page.goto(f"{live_server.url}/annonces/?type=troc")
    expect(page.locator(".field--error")).to_have_count(1)
    assert_no_violations(axe, page)


def test_an_ad_page_and_its_contact_form_with_errors(page, live_server, axe, published):
    page.goto(f"{live_server.url}{published.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vente d'un minibus 9 places")
    assert_no_violations(axe, page)

    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_violations(axe, page)


def test_the_posting_form_with_errors(page, live_server, log_in, axe, author):
    log_in(page, author)
    page.goto(f"{live_server.url}/annonces/deposer/")
    assert_no_violations(axe, page)

    page.get_by_label("Type d'annonce").select_option(label="Vente")
    page.get_by_label("Alternative textuelle").first.fill("Minibus blanc")
    page.get_by_role("button", name="Envoyer l'annonce").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_label("Titre")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Prix (euros)")).to_have_accessible_description(
        "Pour une vente uniquement. Indiquez un prix pour une vente (0 est accepté)."
    )
    assert_no_violations(axe, page)


def test_my_ads(page, live_server, log_in, axe, author, published):
    log_in(page, author)
    page.goto(f"{live_server.url}/annonces/mes-annonces/")
    expect(page.get_by_role("table")).to_be_visible()
    assert_no_violations(axe, page)


def test_the_moderation_queue_and_an_ad_to_moderate(page, live_server, log_in, axe, moderator, published):
    log_in(page, moderator)
    page.goto(f"{live_server.url}/annonces/moderation/")
    expect(page.get_by_role("table")).to_be_visible()
    assert_no_violations(axe, page)

    page.get_by_role("link", name="Recherche de barrières de police").click()
    page.get_by_role("button", name="Refuser l'annonce").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_violations(axe, page)
