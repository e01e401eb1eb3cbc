"""Training sessions: an agenda event of kind "formation" with seats, registrations, attendance and feedback.

A `TrainingSession` is attached one-to-one to a django-scheduler event (never recurring: a multi-day course
is one event from its first to its last day). Registrations keep their whole history (a cancelled one stays,
with its date), so the waiting list, promotions and the attendance sheet are all read from one table.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TrainingSession(models.Model):
    """The training side of an agenda event: who teaches, for whom, how many seats and until when to register."""

    event = models.OneToOneField("schedule.Event", on_delete=models.CASCADE, primary_key=True, related_name="training")
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="sessions_trained",
    )
    capacity = models.PositiveIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(1000)], help_text=_("Number of places.")
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    audience_roles = models.JSONField(
        _("roles admitted"),
        default=list,
        blank=True,
        help_text=_("Empty: every role. Otherwise members holding one of these roles in an organisation."),
    )
    audience_kinds = models.JSONField(
        _("organisation kinds admitted"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind. Otherwise members of organisations of these kinds."),
    )
    materials = models.ManyToManyField(
        "documents.Document", verbose_name=_("materials"), blank=True, related_name="training_sessions"
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    feedback_open = models.BooleanField(_("feedback form open"), default=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return self.event.title

    def get_absolute_url(self):
        return reverse("agenda:event", args=[self.event_id])


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", pgettext_lazy("registration", "Registered")
    WAITING = "waiting", pgettext_lazy("registration", "On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


class Registration(models.Model):
    """One person's place in a session, on its waiting list, or given up; attendance is taken on the day."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_registrations")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="training_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    present = models.BooleanField(_("present"), null=True, blank=True)
    attendance_taken_at = models.DateTimeField(null=True, blank=True)
    # When the feedback form was e-mailed: each person once, whenever their presence is recorded.
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    certificate_number = models.CharField(max_length=40, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="training_one_registration_per_person"),
        ]

    def __str__(self):
        return f"{self.user} → {self.session_id}"


class Feedback(models.Model):
    """What a participant thought of a session they attended; the trainer reads the results."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("overall rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness for your work"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.registration_id}: {self.rating}/5"
