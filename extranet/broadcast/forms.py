from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from extranet.core.forms import IdsChoiceField
from extranet.organisations.models import OrganisationKind, Role

from .contacts import MAX_BYTES, contacts_parse
from .selectors import broadcast_scope_of_senders


class BroadcastForm(forms.Form):
    sender = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, empty_label=None)
    subject = forms.CharField(label=pgettext_lazy("email", "Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text=_("Plain text. An SMS carries this message: keep it short (160 characters make one SMS)."),
    )
    by_email = forms.BooleanField(label=_("Send by e-mail"), required=False, initial=True)
    by_sms = forms.BooleanField(label=_("Send by SMS"), required=False)
    organisations = IdsChoiceField(
        label=_("Members of these organisations"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Members of every organisation of these kinds"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    role = forms.ChoiceField(
        label=_("Only the members with this role"), choices=[("", _("Any role")), *Role.choices], required=False
    )
    contacts_file = forms.FileField(
        label=_("External contacts (CSV)"),
        required=False,
        help_text=_("Columns nom, email, telephone (French mobile numbers 06 or 07), separated by ; or ,"),
    )

    def __init__(self, *args, senders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender"].queryset = senders
        self.fields["organisations"].queryset = broadcast_scope_of_senders(senders=senders).order_by("name")

    def clean_contacts_file(self):
        upload = self.cleaned_data.get("contacts_file")
        if not upload:
            return []
        try:
            # Never more than the limit in memory: one byte past it is enough to refuse the file.
            return contacts_parse(upload.read(MAX_BYTES + 1))
        except ValidationError as error:
            raise ValidationError(error.messages) from None
