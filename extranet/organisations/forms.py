from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class OrganisationSettingsForm(forms.ModelForm):
    # Longer than the 14 digits: the SIRET as written on letters and invoices, with its spaces, is accepted.
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        required=False,
        help_text=_(
            "14 digits. The open-data exports name the organisation by it: its acts, contracts and subsidies "
            "cannot be published without it."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Organisation
        fields = ["siret", "require_two_factor"]

    def clean_siret(self) -> str:
        return "".join(self.cleaned_data["siret"].split())
