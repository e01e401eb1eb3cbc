"""The search box in a real browser: completion as one types, results, facets, and no accessibility violation."""

import pprint

import pytest
from playwright.sync_api import expect

from tests.organisations.factories import OrganisationFactory, membership
from tests.search.factories import searchable_world

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def commune(db):
    return OrganisationFactory(
        kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", siren="214501736", siret="21450173600018"
    )


@pytest.fixture
def world(search_index, commune):
    other = OrganisationFactory(kind="commune", name="Darvoy", slug="darvoy", insee_code="45122")
    return searchable_world(commune=commune, other_commune=other)


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_a_member_searches_from_the_header_and_refines(world, commune, page, live_server, log_in, axe):
    """Typing proposes titles; submitting lists public and own-space results; a facet narrows them."""
    log_in(page, membership(commune).user)

    box = page.get_by_role("search").first.get_by_label("Rechercher sur le site")
    box.press_sequentially("reun", delay=30)
    expect(page.locator("#site-search-suggestions option")).to_have_count(1)
    assert page.locator("#site-search-suggestions option").get_attribute("value") == world["private"].title

    box.fill("voirie")
    box.press("Enter")
    page.wait_for_url("**/recherche/?q=voirie")
    results = page.locator(".search-result")
    expect(results).to_have_count(6)
    expect(page.get_by_role("link", name=world["other_private"].title)).to_have_count(0)
    assert_no_violations(axe, page)

    page.get_by_role("link", name="Espace privé (1)").click()
    expect(results).to_have_count(1)
    expect(page.get_by_role("link", name=world["private"].title)).to_be_visible()


def test_no_results_page_on_a_phone(world, new_page, live_server, axe):
    """A search without results, on a narrow screen, gives advice and passes axe."""
    page = new_page(width=375, height=740)
    page.goto(f"{live_server.url}/recherche/?q=photovoltaique")

    expect(page.get_by_role("heading", name="Aucun résultat")).to_be_visible()
    assert_no_violations(axe, page)
