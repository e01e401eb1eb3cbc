"""A demonstration broadcast of the département to the communes' administrators, with its delivery log."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from extranet.organisations.models import Organisation, OrganisationKind, Role

from .contacts import Contact
from .models import Broadcast, BroadcastStatus, Channel, Delivery, DeliveryStatus
from .selectors import broadcast_recipients
from .services import broadcast_create

SUBJECT = "Vigilance orange canicule : ouverture des salles rafraîchies"
BODY = (
    "Le Département active le plan canicule à partir de demain. Merci de relayer la liste des salles "
    "rafraîchies auprès de vos habitants et de signaler toute difficulté au 02 38 25 45 45."
)
CONTACTS = [
    Contact(name="Croix-Rouge du Loiret", email="loiret@croix-rouge.test", phone="+33611223344"),
    Contact(name="Protection civile", email="", phone="+33699887766"),
]


def seed(*, stdout) -> None:
    if Broadcast.objects.filter(subject=SUBJECT).exists():
        stdout.write("Listes de diffusion : exemple déjà présent.")
        return
    departement = Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT).first()
    author = get_user_model().objects.filter(email="isabelle.moreau@loiret.test").first()
    if departement is None or author is None:
        return
    broadcast = broadcast_create(
        sender=departement,
        user=author,
        subject=SUBJECT,
        body=BODY,
        by_email=True,
        by_sms=True,
        organisation_kinds=[OrganisationKind.COMMUNE],
        role=Role.ADMIN,
        contacts=CONTACTS,
    )
    # The log of a send that happened yesterday (the real one goes through the task queue and the gateway).
    sent_at = timezone.now() - timedelta(days=1)
    deliveries = []
    for recipient in broadcast_recipients(broadcast=broadcast):
        if recipient.email:
            deliveries.append((Channel.EMAIL, recipient.email, recipient.name, DeliveryStatus.SENT, ""))
        if recipient.phone:
            deliveries.append((Channel.SMS, recipient.phone, recipient.name, DeliveryStatus.SENT, ""))
    deliveries.append(
        (Channel.SMS, "+33700000000", "Numéro résilié", DeliveryStatus.FAILED, "gateway answered 400: unknown number")
    )
    Delivery.objects.bulk_create(
        Delivery(
            broadcast=broadcast,
            channel=channel,
            address=address,
            name=name,
            status=status,
            reason=reason,
            queued_at=sent_at,
            sent_at=sent_at + timedelta(seconds=index),
        )
        for index, (channel, address, name, status, reason) in enumerate(deliveries)
    )
    Broadcast.objects.filter(pk=broadcast.pk).update(status=BroadcastStatus.SENT, sent_at=sent_at, created_at=sent_at)
    stdout.write(f"Listes de diffusion : 1 diffusion, {len(deliveries)} envois journalisés.")
