"""The life cycle of an application: which status may follow which, and the one function that moves it.

Every move locks the application's row, checks the version the user's form was built on (two instructors
acting at once: the second is told, nothing is overwritten), logs who, when, from, to and why, and notifies
the applicant.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Application, Status, StatusChange
from .notify import notify_applicant

S = Status
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED},
    S.SUBMITTED: {S.INCOMPLETE, S.UNDER_REVIEW},
    S.INCOMPLETE: {S.SUBMITTED},
    S.UNDER_REVIEW: {S.INCOMPLETE, S.GRANTED, S.REFUSED},
    S.GRANTED: {S.PAID, S.CLOSED},
    # Each payment recorded is a step of its own, so a paid application may be "paid" again.
    S.PAID: {S.PAID, S.CLOSED},
    S.REFUSED: {S.CLOSED},
    S.CLOSED: set(),
}


def application_lock(*, application: Application, expected_version: int | None) -> Application:
    """The application's row, locked for this transaction; refused if it changed since `expected_version`."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(
            _("Someone else changed this application meanwhile: reload the page, check their change and try again."),
            code="stale",
        )
    return locked


def transition_check(*, application: Application, to_status: str) -> None:
    if to_status not in ALLOWED_TRANSITIONS[application.status]:
        raise ValidationError(
            _("An application that is “%(current)s” cannot become “%(target)s”."),
            code="transition",
            params={"current": Status(application.status).label, "target": Status(to_status).label},
        )


def transition_apply(
    *, application: Application, to_status: str, actor, comment: str = "", changes: dict | None = None
) -> Application:
    """Move a locked application (see `application_lock`) to `to_status`; call inside a transaction."""
    transition_check(application=application, to_status=to_status)
    from_status = application.status
    for name, value in (changes or {}).items():
        setattr(application, name, value)
    application.status = to_status
    application.version += 1
    application.updated_at = timezone.now()
    application.full_clean(exclude=["documents"])
    application.save()
    StatusChange.objects.create(
        application=application, actor=actor, from_status=from_status, to_status=to_status, comment=comment
    )
    notify_applicant(application, event=to_status, comment=comment, actor=actor)
    return application
