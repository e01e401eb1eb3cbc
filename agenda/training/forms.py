"""Forms of the training sessions: an agenda event's fields (never repeating) plus the seats and audience."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from agenda.forms import DATETIME_WIDGET, EventForm
from documents.models import Document
from documents.selectors import libraries_for_user
from extranet.core.forms import IdsChoiceField, LocalDateTimeField
from extranet.organisations.models import OrganisationKind, Role

from .services import MAX_CAPACITY

RECURRENCE_FIELDS = ("frequency", "interval", "until", "count")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name


class SessionForm(EventForm):
    """A training session: the event's fields without repetition, then who teaches, for whom, how many."""

    trainer = PersonChoiceField(label=_("Trainer"), queryset=get_user_model().objects.none())
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=MAX_CAPACITY)
    registration_deadline = LocalDateTimeField(label=_("Registration deadline"), widget=DATETIME_WIDGET)
    prerequisites = forms.CharField(label=_("Prerequisites"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    audience_roles = forms.MultipleChoiceField(
        label=_("Roles admitted"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every role."),
    )
    audience_kinds = forms.MultipleChoiceField(
        label=_("Organisation kinds admitted"),
        choices=OrganisationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every kind of organisation."),
    )
    materials = IdsChoiceField(
        label=_("Materials (documents of your libraries)"),
        queryset=Document.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, user, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RECURRENCE_FIELDS:
            del self.fields[name]
        self.fields["trainer"].queryset = trainers
        self.fields["materials"].queryset = (
            Document.objects.filter(
                organisation__in=libraries_for_user(user=user), deleted_at=None, current_version__isnull=False
            )
            .select_related("organisation")
            .order_by("organisation__name", "title", "pk")
        )

    def session_fields(self) -> dict:
        data = self.cleaned_data
        return {
            **self.event_fields(),
            "trainer": data["trainer"],
            "capacity": data["capacity"],
            "registration_deadline": data["registration_deadline"],
            "prerequisites": data["prerequisites"],
            "audience_roles": data["audience_roles"],
            "audience_kinds": data["audience_kinds"],
            "materials": list(data["materials"]),
        }


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user.full_name} ({obj.organisation.name})"


class RegisterMemberForm(forms.Form):
    membership = MembershipChoiceField(label=_("Member to register"), queryset=None)

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
