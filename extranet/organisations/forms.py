from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class OrganisationSettingsForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["siren", "siret", "require_two_factor"]
        help_texts = {
            "siren": _("9 digits, as in the SIRENE register (annuaire-entreprises.data.gouv.fr)."),
            "siret": _(
                "14 digits: the SIREN followed by the establishment's number. The open-data exports of the "
                "organisation's acts, contracts and subsidies name it by this number."
            ),
        }
        widgets = {
            "siren": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "siret": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }
