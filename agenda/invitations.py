"""Writes of the invitations: inviting people, an organisation or a role, recording answers, writing to attendees.

Every e-mail goes through the task queue (`email_enqueue`); an invitation e-mail carries one signed answer
link per answer, so that invitees answer without logging in. Permissions are checked by the callers.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _
from schedule.models import Event

from extranet.core.services import email_enqueue
from extranet.notifications.services import notification_send

from .models import Answer, EventInvitation
from .services import clean_text, event_details_touch

RSVP_SALT = "agenda.rsvp"


def rsvp_token(*, invitation, answer: str) -> str:
    """The signed token of an answer link in the invitation e-mail (no login needed, one per answer)."""
    return signing.dumps({"i": invitation.pk, "a": answer}, salt=RSVP_SALT, compress=True)


def _invitation_email(invitation, *, inviter) -> None:
    event = invitation.event
    base = settings.SITE_URL.rstrip("/")
    links = {
        answer.value: base + reverse("agenda:rsvp", args=[rsvp_token(invitation=invitation, answer=answer)])
        for answer in (Answer.YES, Answer.MAYBE, Answer.NO)
    }
    user = invitation.user
    email_enqueue(
        to=user.email,
        template="agenda/email/invitation",
        language=getattr(user, "preferred_language", None),
        context={
            "title": event.title,
            "start": event.start.astimezone(get_default_timezone()),
            "place": event.details.place,
            "visio_url": event.details.visio_url,
            "organisation": event.details.organisation,
            "inviter_name": inviter.full_name if inviter else "",
            "url": base + reverse("agenda:event", args=[event.pk]),
            "links": links,
        },
    )


@transaction.atomic
def event_invite(*, event: Event, inviter, users=(), organisation=None, role: str = "") -> list[EventInvitation]:
    """Invite people, every member of an organisation, or its members of one role; e-mails go through the queue.

    People already invited are left as they are; the new invitees each get one e-mail and a notification.
    """
    from extranet.organisations.models import Membership

    invitees = {user.pk: user for user in users if user.is_active}
    if organisation is not None:
        memberships = Membership.objects.filter(organisation=organisation, user__is_active=True).select_related("user")
        if role:
            memberships = memberships.filter(role=role)
        invitees.update({membership.user_id: membership.user for membership in memberships})
    if not invitees:
        raise ValidationError(_("Nobody to invite: choose people or an organisation with members."), code="nobody")
    already = set(EventInvitation.objects.filter(event=event, user_id__in=invitees).values_list("user_id", flat=True))
    created = EventInvitation.objects.bulk_create(
        [
            EventInvitation(event=event, user=user, invited_by=inviter)
            for pk, user in invitees.items()
            if pk not in already
        ]
    )
    created = list(
        EventInvitation.objects.filter(event=event, user_id__in=[i.user_id for i in created]).select_related("user")
    )
    for invitation in created:
        invitation.event = event
        # The database queue writes the task in this transaction: a rollback drops the e-mail too.
        _invitation_email(invitation, inviter=inviter)
    if created:
        event_details_touch(details=event.details)
        notification_send(
            users=[invitation.user for invitation in created],
            kind="event_invitation",
            title=lambda: _("Invitation: %(title)s") % {"title": event.title},
            url=reverse("agenda:event", args=[event.pk]),
            body=event.start.astimezone(get_default_timezone()).strftime("%d/%m/%Y %H:%M"),
            actor=inviter,
        )
    return created


@transaction.atomic
def invitation_answer(*, invitation: EventInvitation, answer: str) -> EventInvitation:
    """Record the invitee's answer (yes, maybe or no); answering again changes it."""
    if answer not in (Answer.YES, Answer.MAYBE, Answer.NO):
        raise ValidationError(_("Answer yes, maybe or no."), code="bad_answer")
    invitation.answer = answer
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["answer", "answered_at"])
    return invitation


def event_email_attendees(
    *, event: Event, sender, subject: str, message: str, answers=(Answer.YES, Answer.MAYBE)
) -> int:
    """E-mail the invitees who answered yes (and maybe) through the queue; returns how many were written to."""
    subject, message = clean_text(subject, limit=150), (message or "").strip()[:10_000]
    if not subject or not message:
        raise ValidationError(_("Write a subject and a message."), code="empty_message")
    invitations = EventInvitation.objects.filter(event=event, answer__in=answers, user__is_active=True).select_related(
        "user"
    )
    for invitation in invitations:
        email_enqueue(
            to=invitation.user.email,
            template="agenda/email/attendees",
            language=getattr(invitation.user, "preferred_language", None),
            reply_to=sender.email,
            context={
                "title": event.title,
                "sender_name": sender.full_name,
                "subject": subject,
                "message": message,
                "url": settings.SITE_URL.rstrip("/") + reverse("agenda:event", args=[event.pk]),
            },
        )
    return len(invitations)
