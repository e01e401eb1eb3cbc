from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import VISIBILITY_RANK, OrganisationProfile, PersonCard, Service, Visibility
from .photos import ACCEPTED_CONTENT_TYPES, photo_clean
from .services import CARD_FIELDS, VISIBILITY_FIELDS


class PersonCardForm(forms.ModelForm):
    """A card's fields and photo; the visibility choices stop at the organisation's limit."""

    new_photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP. It is reduced to 512 pixels and saved again without its metadata."),
        widget=forms.FileInput(attrs={"accept": ACCEPTED_CONTENT_TYPES}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    class Meta:
        model = PersonCard
        fields = [*CARD_FIELDS, *VISIBILITY_FIELDS]

    def __init__(self, *args, limit: Visibility = Visibility.PUBLIC, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (value, label) for value, label in Visibility.choices if VISIBILITY_RANK[value] <= VISIBILITY_RANK[limit]
        ]
        for name in VISIBILITY_FIELDS:
            self.fields[name].choices = choices
        self.fields["service"].queryset = Service.objects.filter(
            organisation_id=self.instance.organisation_id
        ).order_by("path")
        self.fields["email"].help_text = _("Leave empty to show your login address.")
        if self.instance.photo:
            self.fields["new_photo"].label = _("Replace the photo")
        else:
            del self.fields["remove_photo"]
        # The photo's inputs beside the other contact fields, before who may read each of them.
        self.order_fields([*CARD_FIELDS, "new_photo", "remove_photo", *VISIBILITY_FIELDS])

    def clean_new_photo(self):
        """The upload checked by content and re-encoded (a CleanPhoto), or None."""
        upload = self.cleaned_data.get("new_photo")
        return photo_clean(upload) if upload else None


class OrganisationProfileForm(forms.ModelForm):
    class Meta:
        model = OrganisationProfile
        fields = [
            "address",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "opening_hours",
            "population",
            "head_name",
            "head_title",
            "internal_phone",
            "internal_email",
            "widest_person_visibility",
        ]
        field_classes = {"website": partial(forms.URLField, assume_scheme="https")}
        widgets = {"address": forms.Textarea(attrs={"rows": 3}), "opening_hours": forms.Textarea(attrs={"rows": 3})}


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, city or INSEE code"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    epci = forms.ChoiceField(label=_("Intercommunality"), required=False)

    def __init__(self, *args, kinds, epcis, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]
        self.fields["epci"].choices = [("", _("All intercommunalities")), *[(e.slug, e.name) for e in epcis]]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)


class ServiceCreateForm(forms.Form):
    name = forms.CharField(label=_("Name of the service"), max_length=200)
    parent = forms.ModelChoiceField(
        label=_("Inside"), queryset=Service.objects.none(), required=False, empty_label=_("(top level)")
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Service.objects.filter(organisation=organisation).order_by("path")


class ServiceMoveForm(forms.Form):
    POSITIONS = [("left", _("just before")), ("right", _("just after")), ("last-child", _("inside, at the end of"))]

    service = forms.ModelChoiceField(label=_("Service to move"), queryset=Service.objects.none())
    position = forms.ChoiceField(label=_("Position"), choices=POSITIONS)
    target = forms.ModelChoiceField(label=_("Reference service"), queryset=Service.objects.none())

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        services = Service.objects.filter(organisation=organisation).order_by("path")
        self.fields["service"].queryset = services
        self.fields["target"].queryset = services


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One person per line. Required columns: e-mail, nom, prénom; optional: fonction, service, téléphone, "
            "portable. Separated by semicolons or commas, in UTF-8 or Latin-1."
        ),
    )
