from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.organisations.models import OrganisationKind, Role


class BroadcastStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Broadcast(models.Model):
    """An announcement of the département or an EPCI to a list of people, by e-mail and/or SMS."""

    sender = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("sent on behalf of"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), help_text=_("Plain text; an SMS carries this message."))
    by_email = models.BooleanField(_("by e-mail"), default=True)
    by_sms = models.BooleanField(_("by SMS"), default=False)
    organisations = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("members of these organisations"), blank=True, related_name="+"
    )
    organisation_kinds = models.JSONField(_("members of organisations of these kinds"), default=list, blank=True)
    role = models.CharField(_("only members with this role"), max_length=10, choices=Role.choices, blank=True)
    status = models.CharField(max_length=10, choices=BroadcastStatus.choices, default=BroadcastStatus.DRAFT)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def kind_labels(self) -> list[str]:
        return [OrganisationKind(kind).label for kind in self.organisation_kinds]


class ExternalContact(models.Model):
    """A person outside the platform, imported from a CSV file for one broadcast."""

    broadcast = models.ForeignKey(Broadcast, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("mobile phone"), max_length=16, blank=True, help_text=_("E.164, e.g. +33612345678"))

    def __str__(self):
        return self.name or self.email or self.phone


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One message to one recipient on one channel, and what became of it."""

    broadcast = models.ForeignKey(Broadcast, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    address = models.CharField(_("address"), max_length=254, help_text=_("E-mail address or E.164 number"))
    status = models.CharField(_("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["broadcast", "channel", "address"], name="broadcast_delivery_unique"),
        ]

    def __str__(self):
        return f"{self.broadcast_id} {self.channel} {self.address}: {self.status}"


class Unsubscribe(models.Model):
    """An e-mail address that asked to receive no more broadcasts."""

    email = models.EmailField(_("e-mail address"), unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")

    def __str__(self):
        return self.email
