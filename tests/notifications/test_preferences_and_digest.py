"""Each member's preference per kind decides: nothing, the centre only, an e-mail at once, or the daily digest."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from extranet.notifications.digests import notification_digests_send
from extranet.notifications.models import Notification
from extranet.notifications.services import notification_preferences_set, notification_send

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def send(users, kind="mention", title="Vous êtes mentionné", url="/messages/1/"):
    return notification_send(users=users, kind=kind, title=title, url=url, body="Bonjour @marie")


def test_off_stores_and_sends_nothing(member):
    """A kind turned off creates no notification and no e-mail."""
    notification_preferences_set(user=member, deliveries={"mention": "off"})

    assert send([member]) == []
    assert not Notification.objects.exists() and mail.outbox == []


def test_email_preference_queues_one_email_with_an_absolute_link(member, editor):
    """Mentions default to an e-mail at once; the in-app-only member gets none."""
    notification_preferences_set(user=editor, deliveries={"mention": "in_app"})

    send([member, editor])

    assert Notification.objects.filter(user__in=[member, editor]).count() == 2
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Vous êtes mentionné" in mail.outbox[0].subject
    assert settings.SITE_URL + "/messages/1/" in mail.outbox[0].body


def test_the_actor_and_inactive_users_are_not_notified(member, editor):
    """Nobody is told of their own deed, nor a deactivated account."""
    editor.is_active = False
    editor.save()

    assert notification_send(users=[member, editor], kind="mention", title="t", url="/", actor=member) == []


def test_a_forum_kind_never_offers_email(member):
    """E-mails of forum posts stay with the forums' own preference: e-mail is refused for forum_reply."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        notification_preferences_set(user=member, deliveries={"forum_reply": "email"})


def test_digest_sends_everything_since_the_last_once_a_day(member, monkeypatch):
    """Two digest notifications make one e-mail; a second run the same day sends nothing; the next day, the new one."""
    notification_preferences_set(user=member, deliveries={"mention": "digest"})
    send([member], title="Première mention")
    send([member], title="Deuxième mention")
    assert mail.outbox == []
    # Tomorrow at 8 in Paris: after the notifications, and each run below on the same Paris day whatever the hour.
    tomorrow = datetime.now(PARIS).date() + timedelta(days=1)
    morning = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 8, tzinfo=PARIS)

    assert notification_digests_send(now=morning) == 1
    assert notification_digests_send(now=morning + timedelta(minutes=5)) == 0
    send([member], title="Troisième mention")
    monkeypatch.setattr(timezone, "now", lambda: morning + timedelta(minutes=10))
    call_command("notifications_send_digests", stdout=StringIO())
    monkeypatch.undo()

    assert len(mail.outbox) == 1
    assert "Première mention" in mail.outbox[0].body and "Deuxième mention" in mail.outbox[0].body
    assert notification_digests_send(now=morning + timedelta(days=1)) == 1
    assert "Troisième mention" in mail.outbox[1].body and "Première mention" not in mail.outbox[1].body
