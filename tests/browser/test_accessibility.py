"""axe-core finds no WCAG 2.1 A/AA violation on the main pages; the skip link comes first and focus shows."""

import pprint

import pytest
from playwright.sync_api import expect

from tests.organisations.factories import OrganisationFactory, invitation, membership

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, spaces index).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def jargeau():
    return OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")


@pytest.fixture
def member(jargeau):
    return membership(jargeau, role="member").user


@pytest.fixture
def admin(jargeau):
    """An administrator, with a colleague and a pending invitation so that every part of the members page shows."""
    admin = membership(jargeau, role="admin").user
    membership(jargeau, role="editor")
    invitation(jargeau, email="nouvelle.recrue@jargeau.test", invited_by=admin)
    return admin


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_the_axe_helper_reports_violations(page, live_server, axe):
    """Guard against a silently broken helper: an image without text and an unlabelled field are reported."""
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => document.querySelector("main").insertAdjacentHTML(
            "beforeend", '<img src="/static/img/favicon.svg"><input type="text" name="nameless">')"""
    )

    reported = {violation["id"] for violation in axe(page)}

    assert {"image-alt", "label"} <= reported, reported


def test_home_page(page, live_server, axe, jargeau):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(axe, page)


def test_login_page(page, live_server, axe):
    page.goto(live_server.url + "/connexion/")
    expect(page.get_by_label("Adresse e-mail")).to_be_visible()
    assert_no_violations(axe, page)


def test_login_page_with_errors(page, live_server, axe, member):
    page.goto(live_server.url + "/connexion/")
    page.get_by_label("Adresse e-mail").fill(member.email)
    page.get_by_label("Mot de passe").fill("pas-le-bon-mot-de-passe")
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_violations(axe, page)

    # Empty fields: an error under each field.
    page.get_by_label("Adresse e-mail").fill("")
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(page.locator(".field--error")).to_have_count(2)
    email = page.get_by_label("Adresse e-mail")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description("Champ requis.")
    assert_no_violations(axe, page)


def test_dashboard(page, log_in, axe, member):
    log_in(page, member)
    expect(page.get_by_role("link", name="Jargeau", exact=True)).to_be_visible()
    assert_no_violations(axe, page)


def test_private_space_page(page, log_in, axe, member):
    log_in(page, member)
    page.get_by_role("link", name="Jargeau", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jargeau")
    assert_no_violations(axe, page)


def test_members_page_of_an_admin(page, live_server, log_in, axe, admin):
    log_in(page, admin)
    page.goto(live_server.url + "/espaces/jargeau/membres/")
    expect(page.get_by_role("heading", name="Inviter une personne")).to_be_visible()
    expect(page.get_by_text("nouvelle.recrue@jargeau.test", exact=True)).to_be_visible()
    assert_no_violations(axe, page)


def test_profile_page(page, live_server, log_in, axe, member):
    log_in(page, member)
    page.get_by_role("banner").get_by_role("link", name="Mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    assert_no_violations(axe, page)


def test_two_factor_security_page(page, live_server, log_in, axe, member):
    log_in(page, member)
    page.goto(live_server.url + "/compte/securite/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Double authentification")
    assert_no_violations(axe, page)


def test_skip_link_is_first_and_focus_is_visible(page, live_server, jargeau):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    expect(focused).to_have_text("Aller au contenu principal")
    expect(focused).to_be_in_viewport()
    outline = focused.evaluate(
        "el => { const s = getComputedStyle(el); return {style: s.outlineStyle, width: s.outlineWidth}; }"
    )
    assert outline["style"] != "none", outline
    assert outline["width"] != "0px", outline

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
