"""The bell, the list, marking read and the preferences page, and nobody reading another's notifications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.notifications.models import Notification
from extranet.notifications.services import notification_send
from extranet.notifications.templatetags.notification_tags import notification_bell

pytestmark = pytest.mark.django_db


def notify(user, title="Nouvelle invitation"):
    return notification_send(users=[user], kind="event_invitation", title=title, url="/agenda/")[0]


def test_bell_shows_the_unread_count_in_one_query(client, rf, member):
    """The header's bell counts unread notifications with a single query, and shows on every page."""
    notify(member)
    notify(member, title="Autre")
    request = rf.get("/")
    request.user = member

    with CaptureQueriesContext(connection) as queries:
        assert notification_bell({"request": request})["unread"] == 2
    assert len(queries) == 1
    client.force_login(member)
    assert "data-unread-count>2</span>" in client.get("/notifications/").content.decode()


def test_the_bell_is_the_current_page_in_the_notification_centre_only(client, member):
    """On the notification centre the bell is marked as the current page for screen readers, elsewhere not."""
    client.force_login(member)

    assert (
        'class="notification-bell" data-live-url="/ws/notifications/" aria-current="page"'
        in client.get("/notifications/").content.decode()
    )
    assert 'aria-current="page">Notifications' not in client.get("/tableau-de-bord/").content.decode()


def test_mark_one_then_all_read(client, member):
    """Marking one read leaves the others unread; “mark all” clears them."""
    first, second = notify(member), notify(member, title="Autre")
    client.force_login(member)

    response = client.post(f"/notifications/{first.pk}/lue/", {"open": "1"})
    assert response.status_code == 302 and response.url == "/agenda/"
    assert Notification.objects.filter(read_at__isnull=True).get() == second
    client.post("/notifications/tout-lu/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_nobody_marks_or_sees_another_members_notification(client, member, outsider):
    """Another member's notification is a 404 and never listed."""
    notification = notify(member, title="Secret de Jargeau")
    client.force_login(outsider)

    assert client.post(f"/notifications/{notification.pk}/lue/").status_code == 404
    assert "Secret de Jargeau" not in client.get("/notifications/").content.decode()
    assert Notification.objects.get().read_at is None


def test_preferences_page_saves_a_choice_in_french(client, member):
    """The preferences page lists the kinds in French and records a choice."""
    client.force_login(member)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Une invitation à un événement" in page

    client.post(
        "/notifications/preferences/",
        {
            "forum_reply": "off",
            "event_invitation": "in_app",
            "session_promoted": "in_app",
            "document_shared": "digest",
            "notice_approval": "in_app",
            "mention": "off",
            "subsidy_status": "in_app",
        },
    )

    assert notification_send(users=[member], kind="mention", title="t", url="/") == []
