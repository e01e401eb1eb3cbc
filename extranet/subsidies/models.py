"""Subsidy applications to the aids of the directory, their instruction log and their payments.

Amounts are euros with two decimals (DecimalField), never floats.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

AMOUNT = {"max_digits": 14, "decimal_places": 2}
POSITIVE = [MinValueValidator(0)]


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INCOMPLETE = "incomplete", _("Incomplete")
    UNDER_REVIEW = "under_review", _("Under review")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")
    PAID = "paid", _("Payments recorded")
    CLOSED = "closed", pgettext_lazy("subsidy application status", "Closed")


class Nature(models.TextChoices):
    """SCDL `nature`: the values are the schema's own, in French."""

    CASH = "aide en numéraire", _("Cash aid")
    IN_KIND = "aide en nature", _("Aid in kind")


class PaymentConditions(models.TextChoices):
    """SCDL `conditionsVersement`: the values are the schema's own, in French."""

    SINGLE = "unique", _("Single payment")
    STAGGERED = "échelonné", _("Staggered payments")


# Statuses in which the subsidy is granted: what the open data publishes.
GRANTED_STATUSES = (Status.GRANTED, Status.PAID, Status.CLOSED)


class Application(models.Model):
    """An organisation's application to an aid, from its draft to the closing of the file."""

    aid = models.ForeignKey(
        "aids.AidPage", verbose_name=_("aid"), on_delete=models.PROTECT, related_name="subsidy_applications"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("applicant organisation"),
        on_delete=models.PROTECT,
        related_name="subsidy_applications",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    # Raised by every write: a form posted with an older version was overtaken by someone else's change.
    version = models.PositiveIntegerField(default=1)

    title = models.CharField(_("project title"), max_length=200)
    description = models.TextField(_("project description"))
    total_cost = models.DecimalField(_("total cost (€)"), validators=POSITIVE, **AMOUNT)
    amount_requested = models.DecimalField(_("amount requested (€)"), validators=POSITIVE, **AMOUNT)
    start_date = models.DateField(_("planned start"), null=True, blank=True)
    end_date = models.DateField(_("planned end"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    # Checked by the services when the applicant writes it (`_check_fields`), not by the model: instruction
    # re-validates the whole application, and a number saved before the check would block every decision.
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("supporting documents"), blank=True, related_name="+"
    )

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    receipt_number = models.CharField(_("receipt number"), max_length=20, unique=True, null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    amount_granted = models.DecimalField(_("amount granted (€)"), null=True, blank=True, validators=POSITIVE, **AMOUNT)
    decision_reference = models.CharField(_("decision reference"), max_length=100, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    nature = models.CharField(_("nature"), max_length=30, choices=Nature.choices, default=Nature.CASH)
    payment_conditions = models.CharField(
        _("payment conditions"), max_length=20, choices=PaymentConditions.choices, default=PaymentConditions.SINGLE
    )
    # What the decision plans; the SCDL export's datesPeriodeVersement until the payments say otherwise.
    planned_payment_date = models.DateField(_("planned payment date"), null=True, blank=True)
    planned_last_payment_date = models.DateField(_("planned date of the last payment"), null=True, blank=True)
    notified_to_eu = models.BooleanField(_("notified to the European Union"), default=False)
    refusal_reason = models.TextField(_("refusal reason"), blank=True)

    class Meta:
        verbose_name = _("subsidy application")
        verbose_name_plural = _("subsidy applications")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__lte=F("total_cost")), name="subsidies_request_within_cost"
            ),
            models.CheckConstraint(
                condition=Q(start_date=None) | Q(end_date=None) | Q(end_date__gte=F("start_date")),
                name="subsidies_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(planned_last_payment_date=None)
                | Q(planned_payment_date__isnull=False, planned_last_payment_date__gt=F("planned_payment_date")),
                name="subsidies_last_payment_after_first",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("subsidies:detail", args=[self.pk])


class Payment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="payments")
    date = models.DateField(_("payment date"))
    amount = models.DecimalField(_("amount (€)"), validators=[MinValueValidator(0)], **AMOUNT)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["date", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="subsidies_payment_positive")]

    def __str__(self):
        return f"{self.date.isoformat()} {self.amount} €"


class StatusChange(models.Model):
    """One step of an application's history: who moved it from which status to which, and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="status_changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"
