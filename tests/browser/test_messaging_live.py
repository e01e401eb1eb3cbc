"""The conversation page's script against a real ASGI server: live delivery, and a refused message kept."""

import sqlite3

import pytest

from extranet.messaging.models import BODY_MAX_LENGTH
from tests.messaging.servers import colleagues_in_conversation, database_copy, uvicorn_servers

# serialized_rollback: see test_accessibility.py.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_servers,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def server(tmp_path):
    """Alice and Bob, their sessions and their direct conversation, served by uvicorn (sockets included)."""
    (alice, alice_key), (bob, bob_key), conversation = colleagues_in_conversation()
    path = database_copy(tmp_path / "db.sqlite3")
    with uvicorn_servers(database=path, extra_env={"DEBUG": "1"}) as (port,):
        yield {
            "url": f"http://127.0.0.1:{port}/messages/{conversation.pk}/",
            "alice": alice_key,
            "bob": bob_key,
            "path": path,
        }


def open_conversation(browser, server, who):
    context = browser.new_context(locale="fr-FR", viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "sessionid", "value": server[who], "url": server["url"]}])
    page = context.new_page()
    page.goto(server["url"])
    page.locator("#chat-status:not(:empty)").wait_for()
    return page


def test_a_message_reaches_the_other_page_live(browser, server):
    """Bob's open page shows Alice's message without reloading, and her box is ready for the next one."""
    alice, bob = open_conversation(browser, server, "alice"), open_conversation(browser, server, "bob")

    alice.fill("#chat-form textarea", "Le conseil est avancé à 18 h.")
    alice.click("#chat-form button[type=submit]")

    bob.locator("#chat-messages li[data-id]", has_text="Le conseil est avancé à 18 h.").wait_for()
    alice.locator("#chat-messages li[data-id]", has_text="Le conseil est avancé à 18 h.").wait_for()
    assert alice.input_value("#chat-form textarea") == ""
    alice.context.close()
    bob.context.close()


def test_a_refused_message_goes_back_in_the_box(browser, server):
    """A message the server refuses (over the length limit) is not lost: its text is back in the box to shorten."""
    alice = open_conversation(browser, server, "alice")
    too_long = "Compte rendu. " * (BODY_MAX_LENGTH // 14 + 1)
    alice.evaluate("document.querySelector('#chat-form textarea').removeAttribute('maxlength')")

    alice.fill("#chat-form textarea", too_long)
    alice.click("#chat-form button[type=submit]")

    alice.locator("#chat-messages li.chat-message--pending", has_text=str(BODY_MAX_LENGTH)).wait_for()
    assert alice.input_value("#chat-form textarea") == too_long.strip()
    with sqlite3.connect(server["path"]) as served:
        assert served.execute("SELECT COUNT(*) FROM messaging_message").fetchone() == (0,)
    alice.context.close()


def test_a_message_sent_live_can_be_deleted_without_reloading(browser, server):
    """Alice's message, shown live, offers "Supprimer"; confirming it shows the deletion on Bob's page too."""
    alice, bob = open_conversation(browser, server, "alice"), open_conversation(browser, server, "bob")
    alice.fill("#chat-form textarea", "Rendez-vous à 9 h, pas 8 h.")
    alice.click("#chat-form button[type=submit]")
    sent = alice.locator("#chat-messages li[data-id]", has_text="Rendez-vous à 9 h")
    sent.wait_for()

    alice.once("dialog", lambda dialog: dialog.accept())
    sent.get_by_role("button", name="Supprimer").click()

    bob.locator("#chat-messages li[data-id]", has_text="Message supprimé").wait_for()
    assert bob.locator("#chat-messages li[data-id]", has_text="Rendez-vous à 9 h").count() == 0
    alice.context.close()
    bob.context.close()
