"""Sending a broadcast's deliveries, at most BROADCAST_RATE messages a second, each one's outcome logged.

Run by the task queue (`tasks.broadcast_deliver_task`). Only queued deliveries are sent, so a task run twice
sends nothing twice. The clock and the sleeper are parameters: the tests throttle without waiting.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation

from extranet.core.services import email_render

from .models import Broadcast, BroadcastStatus, Channel, Delivery, DeliveryStatus
from .sms import SmsError, sms_backend

UNSUBSCRIBE_SALT = "broadcast.unsubscribe"
logger = logging.getLogger(__name__)


def unsubscribe_token_make(*, email: str) -> str:
    return signing.dumps(email.lower(), salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(email: str) -> str:
    path = reverse("broadcast:unsubscribe", args=[unsubscribe_token_make(email=email)])
    return settings.SITE_URL.rstrip("/") + path


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    sender_name: str

    @classmethod
    def of(cls, broadcast: Broadcast) -> "Message":
        return cls(subject=broadcast.subject, body=broadcast.body, sender_name=broadcast.sender.name)


def email_send(*, message: Message, to: str, test: bool = False) -> None:
    """Send one broadcast e-mail now, with its unsubscribe link (RFC 8058 one-click too)."""
    link = unsubscribe_url(to)
    context = {"message": message, "unsubscribe_url": link, "test": test}
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = email_render(
            subject_template="broadcast/email/broadcast_subject.txt",
            body_template="broadcast/email/broadcast_body.txt",
            context=context,
        )
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    ).send()


def sms_send(*, message: Message, to: str, backend=None) -> str:
    return (backend or sms_backend()).send(to=to, text=message.body, sender=settings.SMS_SENDER)


class Throttle:
    """At most `rate` calls of `wait` a second, spaced evenly."""

    def __init__(self, *, rate: float, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at = None

    def wait(self) -> None:
        now = self.clock()
        if self.next_at is not None and now < self.next_at:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


def broadcast_deliver(*, broadcast_id: int, clock=time.monotonic, sleep=time.sleep) -> dict[str, int]:
    """Send every queued delivery of the broadcast; return how many were sent and failed."""
    broadcast = Broadcast.objects.select_related("sender").get(pk=broadcast_id)
    message = Message.of(broadcast)
    throttle = Throttle(rate=settings.BROADCAST_RATE, clock=clock, sleep=sleep)
    backend = None
    outcome = {DeliveryStatus.SENT: 0, DeliveryStatus.FAILED: 0}
    for delivery in Delivery.objects.filter(broadcast=broadcast, status=DeliveryStatus.QUEUED).order_by("pk"):
        throttle.wait()
        try:
            if delivery.channel == Channel.EMAIL:
                email_send(message=message, to=delivery.address)
            else:
                backend = backend or sms_backend()
                sms_send(message=message, to=delivery.address, backend=backend)
        except SmsError as error:
            delivery.status, delivery.reason = DeliveryStatus.FAILED, str(error)[:300]
        except Exception as error:  # noqa: BLE001 - one bad address or SMTP hiccup must not stop the others.
            logger.warning("Broadcast delivery %s failed", delivery.pk, exc_info=True)
            delivery.status, delivery.reason = DeliveryStatus.FAILED, f"{error.__class__.__name__}: {error}"[:300]
        else:
            delivery.status, delivery.reason = DeliveryStatus.SENT, ""
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["status", "reason", "sent_at"])
        outcome[delivery.status] += 1
    Broadcast.objects.filter(pk=broadcast.pk).update(status=BroadcastStatus.SENT, sent_at=timezone.now())
    return outcome
