"""A training session in a real browser: a member joins a full session's waiting list and gets the seat given up."""

import pprint

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.agenda.factories import private_calendar
from tests.agenda.training.factories import register
from tests.agenda.training.factories import session as make_session
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_waiting_list_then_promotion(new_page, live_server, log_in, axe):
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    editor = membership(commune, role="editor").user
    holder, latecomer = membership(commune).user, membership(commune).user
    session = make_session(private_calendar(commune), user=editor, capacity=1, title="Initiation au RGPD")
    register(session, holder, commune)

    page = new_page()
    log_in(page, latecomer)
    page.goto(f"{live_server.url}/agenda/")
    page.get_by_role("link", name="Formations").click()
    expect(page.get_by_role("row", name="Initiation au RGPD")).to_contain_text("Complet")
    page.get_by_role("link", name="Initiation au RGPD").click()
    page.get_by_role("button", name="M’inscrire en liste d’attente").click()
    expect(page.get_by_role("status")).to_contain_text("Vous recevrez un e-mail si une place se libère")
    expect(page.get_by_text("Vous êtes en liste d’attente.", exact=True)).to_be_visible()
    violations = axe(page)
    assert not violations, pprint.pformat(violations, width=120)

    other = new_page()
    log_in(other, holder)
    other.goto(page.url)
    other.get_by_role("button", name="Annuler mon inscription").click()
    expect(other.get_by_text("Votre inscription a été annulée.")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Vous êtes inscrit.", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Annuler mon inscription")).to_be_visible()
    [promotion] = [message for message in mail.outbox if "Une place pour vous" in message.subject]
    assert promotion.to == [latecomer.email]
