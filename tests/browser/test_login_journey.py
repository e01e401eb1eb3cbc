"""A member's journey in a real browser: home page, login form, dashboard, private space, logout."""

import re

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import DEFAULT_PASSWORD
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


def has_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_member_logs_in_reaches_the_space_and_logs_out(page, live_server, member):
    page.goto(live_server.url + "/")
    page.get_by_role("banner").get_by_role("link", name="Se connecter", exact=True).click()
    expect(page).to_have_url(re.compile(r"/connexion/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")

    page.get_by_label("Adresse e-mail").fill(member.email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()

    expect(page).to_have_url(live_server.url + "/tableau-de-bord/")
    expect(page).to_have_title(re.compile(r"^Tableau de bord"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bonjour {member.first_name}")
    page.get_by_role("main").get_by_role("link", name="Jargeau", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Jargeau")
    expect(page.get_by_text("Espace privé", exact=False)).to_be_visible()

    page.get_by_role("banner").get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Se connecter", exact=True)).to_be_visible()

    page.goto(live_server.url + "/tableau-de-bord/")
    expect(page).to_have_url(re.compile(r"/connexion/\?next=(/|%2F)tableau-de-bord(/|%2F)$"))
    expect(page.get_by_label("Adresse e-mail")).to_be_visible()


def test_wrong_password_shows_the_french_error_and_keeps_the_email(page, live_server, member):
    page.goto(live_server.url + "/connexion/")
    page.get_by_label("Adresse e-mail").fill(member.email)
    page.get_by_label("Mot de passe").fill("pas-le-bon-mot-de-passe")
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()

    expect(page.get_by_role("alert")).to_have_text("Adresse e-mail ou mot de passe incorrect.")
    expect(page.get_by_label("Adresse e-mail")).to_have_value(member.email)
    expect(page.get_by_label("Mot de passe")).to_have_value("")
    expect(page).to_have_url(re.compile(r"/connexion/$"))


def test_no_horizontal_scroll_on_a_small_phone(new_page, live_server, log_in, member):
    page = new_page(width=360, height=740)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not has_horizontal_scroll(page), "The home page scrolls horizontally at 360 px"

    log_in(page, member)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bonjour {member.first_name}")
    assert not has_horizontal_scroll(page), "The dashboard scrolls horizontally at 360 px"


def test_members_table_scrolls_inside_its_box_on_a_small_phone(new_page, live_server, log_in, jargeau):
    """The wide members table scrolls in its own box; its visually hidden texts do not widen the page."""
    admin = membership(jargeau, role="admin").user
    membership(jargeau, role="editor")
    invitation(jargeau, email="nouvelle.recrue@jargeau.test", invited_by=admin)
    page = new_page(width=360, height=740)

    log_in(page, admin)
    page.goto(live_server.url + "/espaces/jargeau/membres/")
    expect(page.get_by_role("table")).to_be_visible()
    assert not has_horizontal_scroll(page), "The members page scrolls horizontally at 360 px"


def test_the_login_page_names_the_platform(page, live_server):
    """The login page's title and header name the platform, not the host it is served from."""
    page.goto(live_server.url + "/connexion/")

    expect(page).to_have_title("Se connecter · Territoires", timeout=1000)
    expect(page.get_by_role("banner").get_by_role("link").first).to_have_text("Territoires", timeout=1000)
