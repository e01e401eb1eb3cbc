import django_filters
from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from extranet.core.forms import IdsChoiceField

from .models import MAX_PHOTOS_PER_AD, Ad, AdCategory, AdKind
from .photos import ACCEPTED_CONTENT_TYPES, NewPhoto, photo_clean
from .selectors import ad_organisations_with_public_ads


class AdForm(forms.ModelForm):
    """The ad's text; the organisation is one of the author's, the price rule is the model's."""

    class Meta:
        model = Ad
        fields = ["organisation", "kind", "category", "title", "description", "price", "location"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            # A text input, so that "12,50" and "12.50" are both understood (see `localize` below).
            "price": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        help_texts = {"organisation": _("The ad is published in the name of this organisation.")}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
        self.fields["price"].localize = True
        self.fields["price"].widget.is_localized = True


class PhotoForm(forms.Form):
    """One photo slot: a file and its text alternative, both or neither."""

    # The fieldset around the slots explains the formats and the text alternative once for all of them.
    photo = forms.FileField(
        label=_("Photo file"), required=False, widget=forms.FileInput(attrs={"accept": ACCEPTED_CONTENT_TYPES})
    )
    alt_text = forms.CharField(label=_("Text alternative"), required=False, max_length=200)

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        return photo_clean(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        photo, alt_text = cleaned.get("photo"), cleaned.get("alt_text", "").strip()
        if photo and not alt_text:
            self.add_error("alt_text", _("Describe this photo for people who cannot see it."))
        if alt_text and not photo and "photo" not in self.errors:
            self.add_error("photo", _("Choose the photo this text describes, or clear the text."))
        return cleaned

    def new_photo(self) -> NewPhoto | None:
        photo = self.cleaned_data.get("photo")
        return NewPhoto(photo=photo, alt_text=self.cleaned_data["alt_text"]) if photo else None


def photo_formset(*, free_slots: int, data=None, files=None):
    """As many photo slots as the ad may still receive, so the form works without JavaScript."""
    formset_class = formset_factory(PhotoForm, extra=free_slots, max_num=MAX_PHOTOS_PER_AD, validate_max=True)
    return formset_class(data=data, files=files, prefix="photos")


class RemovePhotosForm(forms.Form):
    """Checkboxes to remove some of a pending ad's photos."""

    remove = IdsChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, ad, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].queryset = ad.photos.all()


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the author by e-mail."),
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("The author answers you at this address."), max_length=254
    )
    message = forms.CharField(label=_("Your message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6}))


class AdFilter(django_filters.FilterSet):
    """The public list's filters, with French parameter names in the address (`?type=don&categorie=mobilier`)."""

    type = django_filters.ChoiceFilter(
        field_name="kind", label=_("Type of ad"), choices=AdKind.choices, empty_label=_("All types")
    )
    categorie = django_filters.ChoiceFilter(
        field_name="category",
        label=pgettext_lazy("small ads", "Category"),
        choices=AdCategory.choices,
        empty_label=_("All categories"),
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisation",
        label=pgettext_lazy("small ads", "Organisation"),
        to_field_name="slug",
        queryset=lambda request: ad_organisations_with_public_ads(),
        empty_label=_("All organisations"),
    )

    class Meta:
        model = Ad
        fields = []
