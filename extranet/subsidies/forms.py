"""Forms of the applicant and of the instructors; the rules themselves are in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from documents.forms import MultipleFileField
from documents.models import Document
from documents.uploads import upload_check
from extranet.core.forms import IdsChoiceField

from .amounts import EuroAmountField
from .models import Application, Nature, PaymentConditions, Status

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Amounts are typed the French way ("12 500,50 €"): a text input, parsed with the active locale.
AMOUNT_INPUT = forms.TextInput(attrs={"inputmode": "decimal"})
# No bound here: the services name what is wrong with an amount ("greater than zero"), in one message.
AMOUNT = {"max_digits": 14, "decimal_places": 2, "widget": AMOUNT_INPUT}


class VersionedForm(forms.Form):
    """Carries the version of the application the form was built on (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApplicationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    library_documents = IdsChoiceField(
        queryset=Document.objects.none(),
        required=False,
        label=_("Supporting documents from your library"),
        widget=forms.CheckboxSelectMultiple,
    )
    uploads = MultipleFileField(
        label=_("New supporting documents"),
        required=False,
        help_text=_("They are filed in your organisation's library, in the folder “Demandes de subvention”."),
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "description",
            "total_cost",
            "amount_requested",
            "start_date",
            "end_date",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        localized_fields = ["total_cost", "amount_requested"]
        field_classes = {"total_cost": EuroAmountField, "amount_requested": EuroAmountField}
        widgets = {"start_date": DATE, "end_date": DATE, "total_cost": AMOUNT_INPUT, "amount_requested": AMOUNT_INPUT}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library_documents"].queryset = Document.objects.filter(
            organisation=organisation, deleted_at=None
        ).order_by("title")
        if self.instance.pk:
            self.fields["library_documents"].initial = list(self.instance.documents.values_list("pk", flat=True))
            self.fields["version"].initial = self.instance.version

    def clean_uploads(self):
        checked, errors = [], []
        for upload in self.cleaned_data.get("uploads") or []:
            if upload is None:
                continue
            try:
                checked.append(upload_check(upload))
            except ValidationError as error:
                errors += error.messages
        if errors:
            raise ValidationError(errors)
        return checked

    def _post_clean(self):
        """The services validate the application; the model's checks would run before them without the context."""

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RequestDocumentsForm(VersionedForm):
    message = forms.CharField(label=_("What is missing?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment (optional)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )


class GrantForm(VersionedForm):
    amount_granted = EuroAmountField(label=_("Amount granted (€)"), **AMOUNT)
    confirm_over_request = forms.BooleanField(
        label=_("I confirm granting more than the amount requested"), required=False
    )
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=100)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE)
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )
    nature = forms.ChoiceField(label=_("Nature"), choices=Nature.choices, initial=Nature.CASH)
    payment_conditions = forms.ChoiceField(
        label=_("Payment conditions"), choices=PaymentConditions.choices, initial=PaymentConditions.SINGLE
    )
    planned_payment_date = forms.DateField(
        label=_("Planned payment date"), help_text=_("Of the first payment, when in instalments."), widget=DATE
    )
    planned_last_payment_date = forms.DateField(
        label=_("Planned date of the last payment"),
        help_text=_("Only when in instalments."),
        widget=DATE,
        required=False,
    )
    notified_to_eu = forms.BooleanField(label=_("Notified to the European Union (State aid)"), required=False)


class RefuseForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason for the refusal"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class PaymentForm(VersionedForm):
    date = forms.DateField(label=_("Payment date"), widget=DATE)
    amount = EuroAmountField(label=_("Amount paid (€)"), **AMOUNT)


class DashboardFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + [choice for choice in Status.choices if choice[0] != Status.DRAFT],
    )
    applicant = forms.CharField(label=_("Applicant"), required=False, max_length=200)
