"""Acts scheduled to go online: the job publishes them on time, and one that no longer validates stops no other."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Revision

from extranet.acts.models import ActPage
from extranet.acts.retention import online_until
from tests.acts.factories import admin_add_url, admin_form

pytestmark = pytest.mark.django_db

FORMAT = "%Y-%m-%d %H:%M"


def schedule(client, section, go_live, **fields):
    """Publish through the admin with a go-live time (and any expiry): Wagtail schedules the version."""
    data = admin_form(go_live_at=timezone.localtime(go_live).strftime(FORMAT), **fields)
    assert client.post(admin_add_url(section), data).status_code == 302


def time_passes(delta):
    """Move every schedule `delta` into the past, as if the job ran that much after the go-live times."""
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at -= delta
        for key in ("go_live_at", "expire_at"):
            if revision.content.get(key):
                revision.content[key] = (parse_datetime(revision.content[key]) - delta).isoformat()
        revision.save()


@pytest.fixture
def go_live():
    return (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)


def test_an_act_whose_organisation_lost_its_siret_stops_no_other(
    client, commune, section, other_section, editor, superuser, go_live
):
    """Jargeau's act is taken off the schedule and its author told in French; Darvoy's goes online all the same."""
    client.force_login(editor)
    schedule(client, section, go_live)
    client.force_login(superuser)
    schedule(client, other_section, go_live + timedelta(minutes=1), slug="autre-acte", internal_id="2024-777")
    commune.siret = ""
    commune.save()
    time_passes(timedelta(hours=2, minutes=3))
    mail.outbox.clear()

    call_command("publish_scheduled", stderr=StringIO())

    assert [(act.organisation.slug, act.live) for act in ActPage.objects.order_by("pk")] == [
        ("jargeau", False),
        ("darvoy", True),
    ]
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    [message] = mail.outbox
    assert message.to == [editor.email] and message.subject.startswith("Non publié")
    assert "SIRET" in message.body


def test_an_act_scheduled_with_the_shortest_expiry_goes_online_minutes_late(client, section, editor, go_live):
    """Expiring exactly two months after its go-live time, put online 3 minutes late: its expiry follows."""
    client.force_login(editor)
    schedule(client, section, go_live, expire_at=timezone.localtime(online_until(go_live)).strftime(FORMAT))
    time_passes(timedelta(hours=2, minutes=3))

    call_command("publish_scheduled", stderr=StringIO())

    act = ActPage.objects.get()
    assert act.live
    assert act.expire_at >= online_until(act.first_published_at)
