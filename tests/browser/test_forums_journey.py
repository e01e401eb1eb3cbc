"""A forum conversation in a real browser: a topic is started, another member replies, the author is told."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.forums.factories import organisation_forum
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_topic_reply_and_notification(new_page, live_server, log_in):
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    author = membership(commune, role="admin").user
    colleague = membership(commune).user
    forum = organisation_forum(commune)

    page = new_page()
    log_in(page, author)
    page.get_by_role("banner").get_by_role("link", name="Forums").click()
    page.get_by_role("link", name=forum.name).first.click()
    page.get_by_role("link", name="Nouveau sujet").click()
    page.get_by_role("textbox", name="Sujet").fill("Permanences de l'été")
    page.get_by_role("textbox", name="Message").fill("Merci d'indiquer vos **disponibilités** avant vendredi.")
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Permanences de l'été")
    expect(page.locator(".post__content strong")).to_have_text("disponibilités")
    page.get_by_role("link", name="Suivre ce sujet").first.click()
    page.get_by_role("button", name="Oui, je confirme").click()
    expect(page.get_by_role("link", name="Ne plus suivre ce sujet").first).to_be_visible()

    other = new_page()
    log_in(other, colleague)
    other.goto(page.url)
    other.get_by_role("link", name="Répondre").first.click()
    other.get_by_role("textbox", name="Message").fill("Je peux assurer la première quinzaine de juillet.")
    other.get_by_role("button", name="Publier").click()
    expect(other.get_by_text("Je peux assurer la première quinzaine de juillet.")).to_be_visible()

    [message] = [message for message in mail.outbox if message.to == [author.email]]
    assert "Permanences de l'été" in message.subject
    link = re.search(r"(http\S+\?post=\d+#\d+)", message.body).group(1)
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    expect(page.get_by_text("Je peux assurer la première quinzaine de juillet.")).to_be_visible()
