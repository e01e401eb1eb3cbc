"""Messages in the unified search: found by the members of their conversation only."""

import pytest

from extranet.messaging import services
from extranet.search.selectors import search_run

pytestmark = pytest.mark.django_db


def found(user, query):
    return [result.title for result in search_run(user=user, query=query)]


def test_messages_are_found_by_their_conversation_members_only(
    search_index, member, colleague, editor, outsider, direct, room
):
    """A direct message is found by its two participants, not by a colleague; a room's by its organisation only."""
    services.message_send(conversation=direct, author=member, body="Le devis de toiture est arrivé", key="d")
    services.message_send(conversation=room, author=editor, body="Fermeture de la piscine municipale", key="r")

    assert len(found(colleague, "devis toiture")) == 1
    assert found(editor, "devis toiture") == []
    assert len(found(member, "piscine municipale")) == 1
    assert found(outsider, "piscine municipale") == []
