"""Forms of the agendas: they read the input; the rules (end after start, bounded repetition) are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents.models import Document
from extranet.core.forms import IdsChoiceField, LocalDateTimeField
from extranet.organisations.models import Organisation, Role

from .models import Answer, EventCategory
from .services import MAX_INTERVAL, Recurrence

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

FREQUENCY_CHOICES = [
    ("", pgettext_lazy("repetition", "Does not repeat")),
    ("DAILY", pgettext_lazy("repetition", "Every day")),
    ("WEEKLY", pgettext_lazy("repetition", "Every week")),
    ("MONTHLY", pgettext_lazy("repetition", "Every month")),
    ("YEARLY", pgettext_lazy("repetition", "Every year")),
]


class OnBehalfOfForm(forms.Form):
    """A form acting for one of the author's organisations: the choice is hidden when there is only one."""

    organisation = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(organisation.pk, organisation.name) for organisation in organisations]
        if len(organisations) <= 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].required = False


class AttachmentField(IdsChoiceField):
    def label_from_instance(self, document):
        return f"{document.title} ({document.organisation.name})"


class EventForm(OnBehalfOfForm):
    """An event's fields; times are read in the platform's time zone.

    `attachments` are the documents the event may list (`selectors.attachment_choices`).
    """

    title = forms.CharField(label=_("Title"), max_length=255)
    category = forms.ChoiceField(
        label=_("Category"), choices=EventCategory.choices, initial=EventCategory.OTHER, required=False
    )
    start = LocalDateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    end = LocalDateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    place = forms.CharField(label=_("Place (address)"), max_length=255, required=False)
    visio_url = forms.URLField(label=_("Online meeting link"), max_length=500, required=False, assume_scheme="https")
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    frequency = forms.ChoiceField(label=_("Repeats"), choices=FREQUENCY_CHOICES, required=False)
    interval = forms.IntegerField(
        label=_("Every how many (days, weeks…)"), min_value=1, max_value=MAX_INTERVAL, initial=1, required=False
    )
    until = forms.DateField(label=_("Until (last date)"), widget=DATE_WIDGET, required=False)
    count = forms.IntegerField(label=_("Or number of occurrences"), min_value=1, required=False)
    attachments = AttachmentField(
        label=_("Attached documents"),
        queryset=Document.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Documents of your organisation's library; each reader sees only those they may open."),
    )

    def __init__(self, *args, attachments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if attachments is not None:
            self.fields["attachments"].queryset = attachments

    def recurrence(self) -> Recurrence | None:
        data = self.cleaned_data
        if not data.get("frequency"):
            return None
        return Recurrence(
            frequency=data["frequency"],
            interval=data.get("interval") or 1,
            until=data.get("until"),
            count=data.get("count"),
        )

    def event_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "start": data["start"],
            "end": data["end"],
            "all_day": data["all_day"],
            "place": data["place"],
            "visio_url": data["visio_url"],
            "description": data["description"],
            "recurrence": self.recurrence(),
            "category": data["category"] or EventCategory.OTHER,
            "attachments": list(data["attachments"]),
        }


class OccurrenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    start = LocalDateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    end = LocalDateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ImportForm(OnBehalfOfForm):
    file = forms.FileField(label=_("iCalendar file (.ics)"))


class InviteForm(forms.Form):
    """Whom to invite: people by e-mail address, and/or an organisation's members (of one role)."""

    emails = forms.CharField(
        label=_("People (e-mail addresses)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One address per line, of people who have an account."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Or every member of"), queryset=Organisation.objects.order_by("name"), required=False
    )
    role = forms.ChoiceField(
        label=_("Only the members with the role"), choices=[("", _("Any role")), *Role.choices], required=False
    )

    def addresses(self) -> list[str]:
        return sorted({line.strip().lower() for line in self.cleaned_data["emails"].split() if line.strip()})


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=[(a.value, a.label) for a in Answer if a != Answer.PENDING]
    )


class AttendeesEmailForm(forms.Form):
    subject = forms.CharField(label=pgettext_lazy("email", "Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))
