"""How the applicant hears of its application: one function, so that every channel is added in one place."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from extranet.core.services import email_enqueue
from extranet.notifications.services import notification_send
from extranet.organisations.models import Membership

from ..models import Application, Status


def _author_still_member(application: Application):
    """The application's author while still an active member of its organisation, else None: someone who left the
    commune hears no more of its applications (its instructor's comments are not theirs to read)."""
    author = application.created_by
    if author is None or not author.is_active:
        return None
    return (
        author if Membership.objects.filter(user=author, organisation_id=application.organisation_id).exists() else None
    )


def _recipients(application: Application, author) -> list[tuple[str, str | None]]:
    """The author of the application (in their language) and the contact it names, once each."""
    recipients = []
    if author is not None and author.email:
        recipients.append((author.email.lower(), getattr(author, "preferred_language", None)))
    contact = application.contact_email.lower()
    if contact and contact not in {email for email, _language in recipients}:
        recipients.append((contact, None))
    return recipients


def notify_applicant(application: Application, *, event: str, comment: str = "", actor=None) -> None:
    """Tell the applicant its application changed: `event` is the new status ("submitted" sends the receipt).

    The author (while still a member of the applicant) and the named contact get an e-mail; the author also finds
    it in the notification centre (kind subsidy_status, in-app only: the e-mail is this one), unless they made the
    change themselves.
    """
    template = "subsidies/email/acknowledgement" if event == Status.SUBMITTED else "subsidies/email/status_changed"
    context = {
        "title": application.title,
        "aid_title": application.aid.title,
        "provider": application.aid.organisation,
        "applicant": application.organisation,
        "receipt_number": application.receipt_number,
        "submitted_at": application.submitted_at,
        "status": Status(event).label,
        "comment": comment,
        "url": settings.SITE_URL.rstrip("/") + reverse("subsidies:detail", args=[application.pk]),
    }
    author = _author_still_member(application)
    for email, language in _recipients(application, author):
        email_enqueue(to=email, template=template, context=context, language=language)
    if author is not None:
        notification_send(
            users=[author],
            kind="subsidy_status",
            title=lambda: _("%(title)s: %(status)s") % {"title": application.title, "status": Status(event).label},
            url=reverse("subsidies:detail", args=[application.pk]),
            body=comment,
            actor=actor,
            organisation=application.organisation,
        )
