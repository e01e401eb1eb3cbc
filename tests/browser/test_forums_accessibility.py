"""The forum pages pass axe-core's WCAG 2.1 A and AA checks and work on a phone's width."""

import pytest
from django.urls import reverse

from tests.forums.factories import organisation_forum, reply, reply_url, topic, topic_create_url, topic_url
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_forum_pages_are_accessible(new_page, live_server, log_in, axe):
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    member = membership(commune, role="admin").user
    forum = organisation_forum(commune)
    forum_topic = topic(
        forum, poster=member, content="Un message avec un [lien](https://www.loiret.fr) et une\n\n> citation"
    )
    reply(forum_topic, poster=member)
    page = new_page(width=375, height=800)
    log_in(page, member)
    for url in [
        reverse("forum:index"),
        reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}),
        topic_url(forum_topic),
        topic_create_url(forum),
        reply_url(forum_topic),
        reverse("forums:preferences"),
        reverse("forum_tracking:unread_topics"),
    ]:
        page.goto(f"{live_server.url}{url}")
        assert axe(page) == [], url
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), url
