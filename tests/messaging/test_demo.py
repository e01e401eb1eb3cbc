"""The demo conversations: a direct one, a group and organisation rooms with history, created once."""

from io import StringIO

import pytest

from extranet.messaging import demo
from extranet.messaging.models import Conversation, Message
from extranet.organisations import demo as organisations_demo

pytestmark = pytest.mark.django_db


def test_demo_seeder_adds_conversations_with_history_once():
    """After the demo organisations, the seeder writes the demo conversations' messages; a second run adds nothing."""
    organisations_demo.seed(stdout=StringIO())
    demo.seed(stdout=StringIO())
    assert set(Conversation.objects.filter(messages__isnull=False).values_list("kind", flat=True)) == {
        "direct",
        "group",
        "organisation",
    }
    assert Message.objects.count() == 10
    demo.seed(stdout=StringIO())
    assert Message.objects.count() == 10
