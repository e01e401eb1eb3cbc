"""Moving a topic: destinations a moderator can tell apart, and the posts found only by their new readers."""

import re

import pytest
from django.urls import reverse

from extranet.search.selectors import search_run
from tests.forums.factories import organisation_forum, topic

pytestmark = pytest.mark.django_db


def move_url(moved):
    return reverse("forum_moderation:topic_move", kwargs={"slug": moved.slug, "pk": moved.pk})


def found(user, word):
    return [result.title for result in search_run(user=user, query=word)]


def test_a_topic_moved_into_a_private_forum_is_no_longer_found_by_other_organisations(
    client, search_index, open_forum, commune, member, outsider, superuser, django_capture_on_commit_callbacks
):
    """Its posts are indexed again with the private forum's audience: the other commune stops finding them."""
    moved = topic(open_forum, poster=member, subject="Projet zorglub", content="Fusion des écoles zorglub")
    assert found(outsider, "zorglub") == ["Projet zorglub"]

    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move_url(moved), {"forum": organisation_forum(commune).pk})

    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.forum_id == organisation_forum(commune).pk
    assert found(outsider, "zorglub") == []
    assert found(member, "zorglub") == ["Projet zorglub"]


def test_the_destinations_name_each_private_forums_organisation(client, open_forum, commune, other_commune, superuser):
    """Every commune's "Échanges internes" is followed by the commune's name; no bogus option is left."""
    moved = topic(open_forum, poster=superuser)
    client.force_login(superuser)

    page = client.get(move_url(moved)).content.decode()
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', page)

    labels = [label for _value, label in options]
    assert any(label.endswith("(Jargeau)") for label in labels)
    assert any(label.endswith("(Darvoy)") for label in labels)
    assert {value for value, _label in options} & {"label", "disabled"} == set()
    assert str(open_forum.pk) not in [value for value, _label in options]
    assert "<optgroup" not in page
