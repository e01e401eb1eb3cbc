from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class RegistryNumberField(forms.CharField):
    """A SIREN or SIRET as typed or pasted: "214 501 736 00018" is read as "21450173600018"."""

    def __init__(self, *, digits: int, **kwargs):
        # Room for the spaces of the printed form; the model's validators then check the digits.
        super().__init__(max_length=digits + digits // 3 + 1, required=False, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        return "".join(super().to_python(value).split()).replace(".", "")


class OrganisationSettingsForm(forms.ModelForm):
    siren = RegistryNumberField(
        digits=9,
        label=_("SIREN"),
        help_text=_("9 digits, as in the SIRENE register (annuaire-entreprises.data.gouv.fr)."),
    )
    siret = RegistryNumberField(
        digits=14,
        label=_("SIRET"),
        help_text=_(
            "14 digits: the SIREN followed by the establishment's number. The open-data exports of the "
            "organisation's acts, contracts and subsidies name it by this number."
        ),
    )

    class Meta:
        model = Organisation
        fields = ["article", "siren", "siret", "require_two_factor"]
