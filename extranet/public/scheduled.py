"""Scheduled publishing that one faulty version cannot stop.

Wagtail's `publish_scheduled` publishes each version whose go-live time has come, and stops at the first one that
no longer validates (an organisation without its SIRET since, say): that version keeps its time, so every later
run stops at it again and no other organisation's page goes online. Here each version is published on its own;
one that fails is taken off the schedule and its author told why, and the others go on.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from extranet.core.services import email_enqueue

logger = logging.getLogger(__name__)


def _author_tell(*, revision: Revision, error: ValidationError) -> None:
    user = revision.user
    if user is None or not user.is_active or not user.email:
        return
    is_page = issubclass(revision.content_type.model_class() or object, Page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[revision.object_id]) if is_page else ""
    email_enqueue(
        to=user.email,
        template="public/email/schedule_refused",
        language=user.preferred_language,
        context={
            "title": revision.object_str,
            "go_live_at": timezone.localtime(revision.approved_go_live_at),
            "errors": error.messages,
            "url": settings.SITE_URL.rstrip("/") + edit_url if edit_url else "",
        },
    )


def scheduled_revisions_publish(*, now=None) -> list[Revision]:
    """Publish each version due by `now`, each in its own transaction; return those set aside as invalid."""
    set_aside = []
    due = Revision.objects.filter(approved_go_live_at__lt=now or timezone.now()).select_related("user", "content_type")
    for revision in due.order_by("approved_go_live_at"):
        try:
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled")
        except ValidationError as error:
            logger.warning("Scheduled version %s of %r not published: %s", revision.pk, revision.object_str, error)
            _author_tell(revision=revision, error=error)
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            set_aside.append(revision)
    return set_aside
