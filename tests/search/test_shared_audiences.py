"""A reader's own audience is left out of a search only when it opens nothing the reader's other audiences do not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from haystack import connections

from extranet.messaging import services as messaging
from extranet.search.audiences import PUBLIC, user_audience
from extranet.search.backends import FrenchWhooshSearchBackend
from extranet.search.selectors import search_audiences_for, search_audiences_shared
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def shared(user) -> list[str]:
    return search_audiences_shared(user=user, audiences=search_audiences_for(user=user))


def test_a_member_without_items_of_their_own_searches_their_organisations_audiences(world, member):
    """Nothing indexed is the member's alone: the member's token goes, the organisations' stay."""
    audiences = search_audiences_for(user=member)

    assert shared(member) == [audience for audience in audiences if audience != user_audience(member.pk)]


def test_participants_of_a_direct_conversation_keep_their_own_audience(world, commune, member):
    """A direct message is indexed for its participants only, so both keep their token; a colleague does not."""
    other, colleague = membership(commune).user, membership(commune).user
    conversation = messaging.conversation_create_direct(user=member, other=other)
    messaging.message_send(conversation=conversation, author=member, body="Le devis de voirie", key="k")

    assert user_audience(member.pk) in shared(member)
    assert user_audience(other.pk) in shared(other)
    assert user_audience(colleague.pk) not in shared(colleague)


def test_a_visitor_searches_the_public_audience(world):
    """A visitor has no token of their own to leave out."""
    assert shared(AnonymousUser()) == [PUBLIC]


def test_an_engine_that_cannot_tell_keeps_every_audience(world, member, monkeypatch):
    """Without the backend's answer (Elasticsearch), the member's token stays: nothing is assumed."""
    monkeypatch.delattr(FrenchWhooshSearchBackend, "holds_only")

    assert shared(member) == search_audiences_for(user=member)


def test_the_answer_comes_from_an_idle_searcher_without_setting_the_backend_up(world, member):
    """Once a searcher is idle, a new backend (haystack makes one per thread) answers without its setup."""
    connections["default"].get_backend().holds_only("visibility", PUBLIC, without=[])
    backend = FrenchWhooshSearchBackend("default", **connections["default"].options)

    assert backend.holds_only("visibility", user_audience(member.pk), without=[PUBLIC]) is False
    assert backend.holds_only("visibility", PUBLIC, without=[user_audience(member.pk)]) is True
    assert not backend.setup_complete
