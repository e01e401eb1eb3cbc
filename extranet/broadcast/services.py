"""Writes of the diffusion lists: drafting a broadcast, test-sending it, sending it, unsubscribing.

Permissions (who may broadcast on behalf of which organisation) are checked by the callers with the selectors;
the audience is always cut to the sender's scope when it is resolved.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .contacts import Contact
from .models import Broadcast, BroadcastStatus, Channel, Delivery, ExternalContact, Unsubscribe
from .phones import french_mobile_normalise, sms_size
from .selectors import broadcast_recipients, broadcast_scope
from .sending import UNSUBSCRIBE_SALT, Message, email_send, sms_send
from .tasks import broadcast_deliver_task

MAX_SMS_SEGMENTS = 6


def _check(*, sender, subject: str, body: str, by_email: bool, by_sms: bool, organisations) -> None:
    if not subject.strip() or not body.strip():
        raise ValidationError(_("Write a subject and a message."), code="empty")
    if not by_email and not by_sms:
        raise ValidationError(_("Choose at least one channel: e-mail or SMS."), code="no_channel")
    if by_sms and sms_size(body).segments > MAX_SMS_SEGMENTS:
        raise ValidationError(
            _("The message is too long for an SMS (%(max)d segments at most): shorten it or send it by e-mail only.")
            % {"max": MAX_SMS_SEGMENTS},
            code="sms_too_long",
        )
    scope = set(broadcast_scope(sender=sender).values_list("pk", flat=True))
    if any(organisation.pk not in scope for organisation in organisations):
        raise ValidationError(_("You may only write to your own member organisations."), code="out_of_scope")


@transaction.atomic
def broadcast_create(
    *,
    sender,
    user,
    subject: str,
    body: str,
    by_email: bool,
    by_sms: bool,
    organisations=(),
    organisation_kinds=(),
    role: str = "",
    contacts: list[Contact] = (),
) -> Broadcast:
    """A draft broadcast with its audience; nothing is sent before `broadcast_send`."""
    _check(sender=sender, subject=subject, body=body, by_email=by_email, by_sms=by_sms, organisations=organisations)
    broadcast = Broadcast.objects.create(
        sender=sender,
        created_by=user,
        subject=subject.strip(),
        body=body.strip(),
        by_email=by_email,
        by_sms=by_sms,
        organisation_kinds=list(organisation_kinds),
        role=role,
    )
    broadcast.organisations.set(organisations)
    ExternalContact.objects.bulk_create(
        [ExternalContact(broadcast=broadcast, name=c.name, email=c.email, phone=c.phone) for c in contacts]
    )
    if not broadcast_recipients(broadcast=broadcast):
        if organisations or organisation_kinds or role or contacts:
            raise ValidationError(
                _(
                    "Nobody to write to: the organisations and kinds chosen have no member within your reach "
                    "(with this role). Choose others or import contacts."
                ),
                code="empty_audience",
            )
        raise ValidationError(_("Nobody to write to: choose organisations, kinds, a role or import contacts."))
    return broadcast


def broadcast_test_send(*, broadcast: Broadcast, user) -> list[str]:
    """Send the broadcast to its author alone, at once, as the recipients will get it; return the channels used.

    Without a French mobile number in the author's profile the SMS is left out and the e-mail still goes; a
    broadcast by SMS alone is then refused.
    """
    phone = ""
    if broadcast.by_sms:
        try:
            phone = french_mobile_normalise(user.phone)
        except ValidationError:
            if not broadcast.by_email:
                raise ValidationError(
                    _("Add your French mobile number to your profile to receive the test SMS."), code="no_mobile"
                ) from None
    message = Message.of(broadcast)
    used = []
    if broadcast.by_email:
        email_send(message=message, to=user.email, test=True)
        used.append(Channel.EMAIL)
    if phone:
        sms_send(message=message, to=phone)
        used.append(Channel.SMS)
    return used


@transaction.atomic
def broadcast_send(*, broadcast: Broadcast) -> int:
    """Queue one delivery per recipient and channel and hand them to the task queue; return how many."""
    broadcast = Broadcast.objects.select_for_update().get(pk=broadcast.pk)
    if broadcast.status != BroadcastStatus.DRAFT:
        raise ValidationError(_("This broadcast has already been sent."), code="already_sent")
    recipients = broadcast_recipients(broadcast=broadcast)
    unsubscribed = set(Unsubscribe.objects.values_list("email", flat=True))
    deliveries, seen = [], set()
    for recipient in recipients:
        if broadcast.by_email and recipient.email and recipient.email.lower() not in unsubscribed:
            deliveries.append((Channel.EMAIL, recipient.email.lower(), recipient))
        if broadcast.by_sms and recipient.phone:
            deliveries.append((Channel.SMS, recipient.phone, recipient))
    rows = []
    for channel, address, recipient in deliveries:
        if (channel, address) not in seen:
            seen.add((channel, address))
            rows.append(
                Delivery(
                    broadcast=broadcast,
                    channel=channel,
                    address=address,
                    name=recipient.name,
                    user_id=recipient.user_id,
                )
            )
    Delivery.objects.bulk_create(rows)
    broadcast.status = BroadcastStatus.SENDING
    broadcast.save(update_fields=["status"])
    # The database queue writes the task in this transaction: a rollback drops it with the deliveries.
    broadcast_deliver_task.enqueue(broadcast_id=broadcast.pk)
    return len(rows)


def unsubscribe_token_read(*, token: str) -> str:
    """The address a signed unsubscribe token names; ValidationError for a forged one (tokens never expire)."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token") from None


def unsubscribe_record(*, email: str) -> Unsubscribe:
    """Stop future broadcasts' e-mails to the address; idempotent."""
    try:
        with transaction.atomic():
            unsubscribe, _created = Unsubscribe.objects.get_or_create(email=email.lower())
    except IntegrityError:
        unsubscribe = Unsubscribe.objects.get(email=email.lower())
    return unsubscribe
