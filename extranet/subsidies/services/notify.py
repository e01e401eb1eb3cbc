"""How the applicant hears of its application: one function, so that every channel is added in one place."""

from django.conf import settings
from django.urls import reverse

from extranet.core.services import email_enqueue

from ..models import Application, Status


def _recipients(application: Application) -> list[tuple[str, str | None]]:
    """The author of the application (in their language) and the contact it names, once each."""
    recipients = []
    author = application.created_by
    if author is not None and author.is_active and author.email:
        recipients.append((author.email.lower(), getattr(author, "preferred_language", None)))
    contact = application.contact_email.lower()
    if contact and contact not in {email for email, _language in recipients}:
        recipients.append((contact, None))
    return recipients


def notify_applicant(application: Application, *, event: str, comment: str = "") -> None:
    """Tell the applicant its application changed: `event` is the new status ("submitted" sends the receipt).

    E-mails only for now; the in-app notification centre plugs in here.
    """
    template = "subsidies/email/acknowledgement" if event == Status.SUBMITTED else "subsidies/email/status_changed"
    context = {
        "title": application.title,
        "aid_title": application.aid.title,
        "provider_name": application.aid.organisation.name,
        "organisation_name": application.organisation.name,
        "receipt_number": application.receipt_number,
        "submitted_at": application.submitted_at,
        "status": Status(event).label,
        "comment": comment,
        "url": settings.SITE_URL.rstrip("/") + reverse("subsidies:detail", args=[application.pk]),
    }
    for email, language in _recipients(application):
        email_enqueue(to=email, template=template, context=context, language=language)
