"""The XSS corpus, posted in a forum and shown in a real browser: no payload runs."""

import pytest

from tests.forums.factories import organisation_forum, reply, topic, topic_url
from tests.forums.xss_corpus import PAYLOADS
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs before any script of the page: every payload's call is recorded, and alert() is a dialog we watch.
RECORDER = "window.__xss = []; window.xss = function () { window.__xss.push(location.href); };"
PAGE_SIZE = 15


def test_no_payload_executes(new_page, live_server, log_in):
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    author = membership(commune).user
    reader = membership(commune).user
    forum = organisation_forum(commune)
    topics = []
    for start in range(0, len(PAYLOADS), PAGE_SIZE - 1):
        forum_topic = topic(forum, poster=author, subject=f"Corpus {start}", content="Début du corpus")
        for payload in PAYLOADS[start : start + PAGE_SIZE - 1]:
            reply(forum_topic, poster=author, content=payload)
        topics.append(forum_topic)

    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORDER)
    log_in(page, reader)
    for forum_topic in topics:
        page.goto(f"{live_server.url}{topic_url(forum_topic)}")
        page.wait_for_load_state("load")
        # Fire the events that payloads wait for on every element of the posts.
        page.evaluate(
            """() => document.querySelectorAll('.post__content *').forEach(el => {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle', 'error', 'load']) {
                    el.dispatchEvent(new Event(type, {bubbles: true}));
                }
            })"""
        )
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") == []
        dangerous = page.evaluate(
            """() => [...document.querySelectorAll('.post__content *')].filter(el =>
                [...el.attributes].some(a => a.name.startsWith('on') || a.name === 'style' ||
                    /^\\s*(javascript|data|vbscript):/i.test(a.value))
            ).map(el => el.outerHTML)"""
        )
        assert dangerous == []
        assert page.locator(".post__content script, .post__content iframe, .post__content svg").count() == 0
    assert dialogs == []
