"""The demo conversations: a direct one, a group and organisation rooms with history, created once."""

from io import StringIO

import pytest
from django.core.management import call_command

from extranet.messaging.models import Conversation, Message

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_conversations_with_history_once(settings):
    """seed_demo writes the demo conversations' messages; a second run adds nothing."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert set(Conversation.objects.filter(messages__isnull=False).values_list("kind", flat=True)) == {
        "direct",
        "group",
        "organisation",
    }
    count = Message.objects.count()
    assert count == 10
    call_command("seed_demo", stdout=StringIO())
    assert Message.objects.count() == count
