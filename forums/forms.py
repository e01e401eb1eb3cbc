from django import forms
from django.utils.translation import gettext_lazy as _

from extranet.core.forms import IdsChoiceField
from extranet.organisations.models import Organisation, OrganisationKind

from .models import NotificationFrequency
from .services import forum_name_validate


class NotificationPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me about new posts in the topics and forums I follow"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
    )


class SharedForumForm(forms.Form):
    """Name and audience of a shared forum; the services turn the audience into machina's permissions."""

    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    open_to_all_organisations = forms.BooleanField(label=_("Open to the members of every organisation"), required=False)
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Or to the members of these kinds of organisation"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisations = IdsChoiceField(
        label=_("And to the members of these organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    is_public = forms.BooleanField(label=_("Public: anyone may read it, even without an account"), required=False)
    premoderated = forms.BooleanField(label=_("Pre-moderated: posts wait for a moderator's approval"), required=False)

    def clean_name(self):
        name = self.cleaned_data["name"]
        forum_name_validate(name=name)
        return name

    def clean(self):
        data = super().clean()
        if not (data.get("open_to_all_organisations") or data.get("organisation_kinds") or data.get("organisations")):
            raise forms.ValidationError(
                _("Choose who may use the forum: every organisation, some kinds, or some organisations."),
                code="no_audience",
            )
        return data
