"""Reads of the diffusion lists: who may broadcast, to whom, and what a broadcast will cost.

Who: the administrators of the département and of the EPCIs. The département reaches every organisation;
an EPCI reaches itself and its own member organisations (those whose parent it is), nothing beyond.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import Http404

from extranet.core.compiled import UserCount
from extranet.organisations.models import Membership, Organisation, OrganisationKind, Role

from .models import Broadcast, Delivery, DeliveryStatus, Unsubscribe
from .phones import SmsSize, french_mobile_normalise, sms_size

SENDER_KINDS = (OrganisationKind.DEPARTEMENT, OrganisationKind.EPCI)


def broadcast_sender_organisations(*, user):
    """The organisations on whose behalf the user may broadcast."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        kind__in=SENDER_KINDS, memberships__user=user, memberships__role=Role.ADMIN
    ).distinct()


@UserCount
def _sender_memberships(*, user):
    return Membership.objects.filter(user_id=user.pk, role=Role.ADMIN, organisation__kind__in=SENDER_KINDS)


def user_can_broadcast(*, user) -> bool:
    """Whether the user may send a broadcast for some organisation (the dashboard links to the lists), in one query
    compiled once."""
    return user.is_authenticated and _sender_memberships(user=user) > 0


def broadcast_scope(*, sender: Organisation):
    """The organisations whose members the sender may reach."""
    return broadcast_scope_of_senders(senders=[sender])


def broadcast_scope_of_senders(*, senders):
    """The organisations that one of these senders may reach."""
    senders = list(senders)
    if any(sender.kind == OrganisationKind.DEPARTEMENT for sender in senders):
        return Organisation.objects.all()
    return Organisation.objects.filter(Q(pk__in=[s.pk for s in senders]) | Q(parent__in=[s.pk for s in senders]))


def broadcast_list_for_sender(*, user):
    return Broadcast.objects.filter(sender__in=broadcast_sender_organisations(user=user)).select_related("sender")


def broadcast_get_for_sender(*, user, pk: int) -> Broadcast:
    """A broadcast of an organisation the user administers as a sender; 404 for others, as for missing ones."""
    broadcast = broadcast_list_for_sender(user=user).filter(pk=pk).first()
    if broadcast is None:
        raise Http404
    return broadcast


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    phone: str
    user_id: int | None = None


def _member_recipients(broadcast: Broadcast) -> list[Recipient]:
    scope = broadcast_scope(sender=broadcast.sender)
    chosen = list(broadcast.organisations.values_list("pk", flat=True))
    kinds = list(broadcast.organisation_kinds)
    if not chosen and not kinds and not broadcast.role:
        return []
    memberships = Membership.objects.filter(organisation__in=scope, user__is_active=True)
    if chosen or kinds:
        targeted = Organisation.objects.none()
        if chosen:
            targeted = targeted | Organisation.objects.filter(pk__in=chosen)
        if kinds:
            targeted = targeted | Organisation.objects.filter(kind__in=kinds)
        memberships = memberships.filter(organisation__in=targeted)
    if broadcast.role:
        memberships = memberships.filter(role=broadcast.role)
    users = get_user_model().objects.filter(pk__in=memberships.values("user_id")).order_by("pk")
    return [
        Recipient(name=user.full_name, email=user.email, phone=_mobile_or_blank(user.phone), user_id=user.pk)
        for user in users
    ]


def _mobile_or_blank(phone: str) -> str:
    try:
        return french_mobile_normalise(phone) if phone else ""
    except Exception:  # noqa: BLE001 - a member's landline just means no SMS for them.
        return ""


def broadcast_recipients(*, broadcast: Broadcast) -> list[Recipient]:
    """Every distinct person the broadcast reaches: members of the audience, then the imported contacts."""
    recipients, seen = [], set()
    contacts = [
        Recipient(name=contact.name, email=contact.email, phone=contact.phone) for contact in broadcast.contacts.all()
    ]
    for recipient in _member_recipients(broadcast) + contacts:
        key = (recipient.email.lower(), recipient.phone)
        if key not in seen:
            seen.add(key)
            recipients.append(recipient)
    return recipients


@dataclass(frozen=True)
class Preview:
    recipients: int
    emails: int
    unsubscribed: int
    sms: int
    without_mobile: int
    sms_size: SmsSize | None

    @property
    def sms_cost(self):
        return self.sms_size.cost * self.sms if self.sms_size else 0


def broadcast_preview(*, broadcast: Broadcast) -> Preview:
    recipients = broadcast_recipients(broadcast=broadcast)
    addresses = {r.email.lower() for r in recipients if r.email}
    unsubscribed = set(Unsubscribe.objects.filter(email__in=addresses).values_list("email", flat=True))
    phones = {r.phone for r in recipients if r.phone}
    return Preview(
        recipients=len(recipients),
        emails=len(addresses - unsubscribed) if broadcast.by_email else 0,
        unsubscribed=len(unsubscribed) if broadcast.by_email else 0,
        sms=len(phones) if broadcast.by_sms else 0,
        without_mobile=sum(1 for r in recipients if not r.phone) if broadcast.by_sms else 0,
        sms_size=sms_size(broadcast.body) if broadcast.by_sms else None,
    )


def delivery_counts(*, broadcast: Broadcast) -> dict[str, int]:
    counts = dict(broadcast.deliveries.values("status").annotate(count=Count("pk")).values_list("status", "count"))
    return {status: counts.get(status, 0) for status in DeliveryStatus.values}


def delivery_list(*, broadcast: Broadcast):
    return Delivery.objects.filter(broadcast=broadcast).order_by("status", "pk")
