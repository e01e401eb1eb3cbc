"""Writes of a session's day and after: attendance, certificates of attendance and participants' feedback.

Permissions are checked by the callers through the selectors (`session_get_for_viewer` with "manage" for the
trainer's side, the participant's own registration for theirs); these functions hold the rules of the data.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

from extranet.core.services import email_enqueue

from .models import Feedback, Registration, RegistrationStatus, TrainingSession

logger = logging.getLogger(__name__)

SCORES = range(1, 6)
COMMENT_MAX_LENGTH = 4000


def _session_day_started(registration: Registration) -> bool:
    """Attendance is taken from the first day of the session (in the platform's time zone) on, never before."""
    start_day = registration.session.event.start.astimezone(get_default_timezone()).date()
    return timezone.localtime(timezone.now(), get_default_timezone()).date() >= start_day


def registration_mark_attendance(*, registration: Registration, present: bool, by) -> Registration:
    """Record whether a registered participant came; `by` (the trainer or an editor) is logged for the record."""
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only registered participants can be marked present or absent."), code="not_registered")
    if not _session_day_started(registration):
        raise ValidationError(_("Attendance can only be taken from the first day of the session on."), code="too_early")
    registration.present = bool(present)
    registration.attendance_taken_at = timezone.now()
    registration.save(update_fields=["present", "attendance_taken_at"])
    logger.info("Attendance of registration %s set to %s by user %s", registration.pk, registration.present, by.pk)
    return registration


def _certificate_number(registration: Registration) -> str:
    """Unique because the registration's key is: the year of the session, the session, the registration."""
    year = registration.session.event.start.astimezone(get_default_timezone()).year
    return f"FORM-{year}-{registration.session_id}-{registration.pk:05d}"


@transaction.atomic
def certificate_issue(*, registration: Registration) -> Registration:
    """Give a present participant their certificate number (the same one every time it is downloaded)."""
    if registration.present is not True or registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(
            _("A certificate of attendance is only issued to participants marked present."), code="not_present"
        )
    if not registration.certificate_number:
        number = _certificate_number(registration)
        # The filter keeps a number issued meanwhile by a concurrent download.
        Registration.objects.filter(pk=registration.pk, certificate_number="").update(certificate_number=number)
        registration.certificate_number = Registration.objects.values_list("certificate_number", flat=True).get(
            pk=registration.pk
        )
    return registration


def _clean_score(value, *, label: str) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        score = None
    if score not in SCORES:
        raise ValidationError(_("%(label)s must be a number from 1 to 5.") % {"label": label}, code="bad_score")
    return score


def feedback_submit(*, registration: Registration, rating, usefulness, comment: str = "") -> Feedback:
    """Record a present participant's opinion, once, after the session has started and while the form is open."""
    session = registration.session
    if registration.present is not True or registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only participants marked present can give their opinion."), code="not_present")
    if session.event.start > timezone.now():
        raise ValidationError(_("The feedback form opens when the session begins."), code="too_early")
    if not session.feedback_open:
        raise ValidationError(_("The feedback form of this session is closed."), code="closed")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("The comment must not exceed %(max)s characters.") % {"max": COMMENT_MAX_LENGTH}, code="too_long"
        )
    fields = {
        "rating": _clean_score(rating, label=_("The overall rating")),
        "usefulness": _clean_score(usefulness, label=_("The usefulness")),
        "comment": comment,
    }
    try:
        with transaction.atomic():
            return Feedback.objects.create(registration=registration, **fields)
    except IntegrityError:
        raise ValidationError(_("You have already given your opinion on this session."), code="duplicate") from None


def feedback_requests_send(*, now=None, within: timedelta = timedelta(days=7)) -> int:
    """E-mail the feedback form to the present participants of sessions that ended in the last `within`, once per
    person: someone marked present after an earlier run (attendance taken late) gets it at the next run. Returns
    the number of e-mails."""
    now = now or timezone.now()
    sent = 0
    due = TrainingSession.objects.filter(
        feedback_open=True, event__end__lte=now, event__end__gt=now - within
    ).select_related("event")
    for session in due:
        url = settings.SITE_URL.rstrip("/") + reverse("agenda:training:feedback", args=[session.pk])
        with transaction.atomic():
            # Locked, so that two runs at once cannot both e-mail the same person.
            waiting = list(
                session.registrations.select_for_update(of=("self",))
                .filter(
                    status=RegistrationStatus.REGISTERED,
                    present=True,
                    user__is_active=True,
                    feedback__isnull=True,
                    feedback_requested_at__isnull=True,
                )
                .select_related("user")
            )
            for registration in waiting:
                email_enqueue(
                    to=registration.user.email,
                    template="training/email/feedback_request",
                    language=getattr(registration.user, "preferred_language", None),
                    context={"title": session.event.title, "url": url},
                )
            Registration.objects.filter(pk__in=[registration.pk for registration in waiting]).update(
                feedback_requested_at=now
            )
            sent += len(waiting)
    return sent
