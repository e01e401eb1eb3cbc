"""Agendas on django-scheduler: its Calendar, Event, Rule and Occurrence, plus what the platform adds.

`AgendaCalendar` says whose a scheduler calendar is and who reads it; `EventDetails` gives each scheduler
event its owner organisation, place, online meeting link and iCalendar identity. Every time is read and
shown in the platform's time zone (`TIME_ZONE`, Europe/Paris by default), including django-scheduler's
recurrence expansion.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CalendarKind(models.TextChoices):
    PRIVATE = "private", pgettext_lazy("calendar kind", "Private to an organisation")
    SHARED = "shared", pgettext_lazy("calendar kind", "Shared by the organisations")
    PUBLIC = "public", pgettext_lazy("calendar kind", "Public")


CALENDAR_KIND_LABELS = dict(CalendarKind.choices)


class AgendaCalendar(models.Model):
    """A django-scheduler calendar with its audience: one organisation's members, every member, or everyone."""

    calendar = models.OneToOneField("schedule.Calendar", on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(_("kind"), max_length=10, choices=CalendarKind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="calendars"
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(kind="private"), name="agenda_one_private_calendar"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="private", organisation__isnull=False)
                | (~models.Q(kind="private") & models.Q(organisation__isnull=True)),
                name="agenda_private_calendar_has_organisation",
            ),
        ]

    def __str__(self):
        return self.calendar.name

    def get_absolute_url(self):
        return reverse("agenda:calendar", args=[self.pk])

    @property
    def name(self) -> str:
        return self.calendar.name

    def get_kind_display(self) -> str:
        # Django's own translates every choice on each call; the calendars panel calls it for each calendar.
        return str(CALENDAR_KIND_LABELS.get(self.kind, self.kind))


class EventCategory(models.TextChoices):
    MEETING = "meeting", pgettext_lazy("event category", "Meeting")
    TRAINING = "training", pgettext_lazy("event category", "Training")
    COUNCIL = "council", pgettext_lazy("event category", "Council")
    PUBLIC_EVENT = "public_event", pgettext_lazy("event category", "Public event")
    OTHER = "other", pgettext_lazy("event category", "Other")


EVENT_CATEGORY_LABELS = dict(EventCategory.choices)


class EventDetails(models.Model):
    """What a scheduler event lacks: its organisation, place, meeting link, all-day flag and iCalendar identity."""

    event = models.OneToOneField("schedule.Event", on_delete=models.CASCADE, primary_key=True, related_name="details")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="events")
    place = models.CharField(_("place"), max_length=255, blank=True)
    visio_url = models.URLField(_("online meeting link"), max_length=500, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    category = models.CharField(
        _("category"), max_length=20, choices=EventCategory.choices, default=EventCategory.OTHER
    )
    attachments = models.ManyToManyField(
        "documents.Document", verbose_name=_("attachments"), blank=True, related_name="agenda_events"
    )
    uid = models.CharField(max_length=255, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("event details")
        verbose_name_plural = _("event details")

    def __str__(self):
        return self.uid

    def get_absolute_url(self):
        return reverse("agenda:event", args=[self.event_id])

    def get_category_display(self) -> str:
        # Django's own translates every choice on each call; the agenda pages call it for each event.
        return str(EVENT_CATEGORY_LABELS.get(self.category, self.category))


class FeedToken(models.Model):
    """The secret in a user's calendar feed addresses; resetting it cuts off every subscribed copy."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self):
        return f"{self.user}"


class Answer(models.TextChoices):
    PENDING = "pending", pgettext_lazy("rsvp", "No answer yet")
    YES = "yes", pgettext_lazy("rsvp", "Yes")
    MAYBE = "maybe", pgettext_lazy("rsvp", "Maybe")
    NO = "no", pgettext_lazy("rsvp", "No")


class EventInvitation(models.Model):
    """One person invited to an event, and their answer; an invitation also lets them read the event."""

    event = models.ForeignKey("schedule.Event", on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_invitations")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="agenda_one_invitation_per_person")]

    def __str__(self):
        return f"{self.user} → {self.event_id}"


class ReminderSent(models.Model):
    """The reminder of one occurrence sent to one person: a second run of the reminders sends nothing twice."""

    event = models.ForeignKey("schedule.Event", on_delete=models.CASCADE, related_name="reminders_sent")
    occurrence_start = models.DateTimeField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "user"], name="agenda_one_reminder_per_occurrence_and_person"
            )
        ]

    def __str__(self):
        return f"{self.user_id} → {self.event_id} @ {self.occurrence_start:%Y-%m-%d %H:%M}"
