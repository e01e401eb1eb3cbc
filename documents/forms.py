"""Forms of the libraries; the checks of the files themselves are in `uploads.py`."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from extranet.core.forms import IdsChoiceField
from extranet.core.visible_text import visible_text

from .uploads import NAME_MAX_LENGTH, upload_check


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of files; empty ones pass here so that `upload_check` names them in its message."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    """One or many files; each is checked alone, so one refused file does not lose the others."""

    files = MultipleFileField(label=_("Files"), help_text=_("You can choose several files at once."))

    def checked_files(self):
        """The accepted files and the French messages of the refused ones."""
        accepted, refused = [], []
        for upload in self.cleaned_data["files"]:
            try:
                accepted.append(upload_check(upload))
            except ValidationError as error:
                refused += error.messages
        return accepted, refused


class NewVersionForm(forms.Form):
    file = forms.FileField(label=_("New version"), allow_empty_file=True)
    comment = forms.CharField(label=_("What changed?"), max_length=300, required=False)
    base_number = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_file(self):
        return upload_check(self.cleaned_data["file"])


class NameForm(forms.Form):
    name = forms.CharField(label=_("Name"))

    def clean_name(self):
        """Measured as it will be stored: invisible characters do not count toward the 150."""
        name = visible_text(self.cleaned_data["name"])
        MaxLengthValidator(NAME_MAX_LENGTH)(name)
        return name


class MoveForm(forms.Form):
    folder = forms.ModelChoiceField(queryset=None, required=False, label=_("Move to"), empty_label=_("Library root"))

    def __init__(self, *args, folders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = folders


class SharingForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("Public"),
        required=False,
        help_text=_("Anyone may download it, without an account, and link to it from public pages."),
    )
    read = IdsChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label=_("Shared read-only with")
    )
    write = IdsChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label=_("Shared read-write with")
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["read"].queryset = organisations
        self.fields["write"].queryset = organisations

    def clean(self):
        data = super().clean()
        if set(data.get("read", [])) & set(data.get("write", [])):
            raise ValidationError(_("Choose read-only or read-write for each organisation, not both."))
        return data

    def shares(self) -> dict:
        return {**dict.fromkeys(self.cleaned_data["read"], False), **dict.fromkeys(self.cleaned_data["write"], True)}


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=settings.DOCUMENTS_LINK_MAX_DAYS, initial=7
    )


def sharing_form(data, *, target, shares, organisations) -> SharingForm:
    """The sharing form of a document or a folder, filled with its current shares."""
    return SharingForm(
        data,
        organisations=organisations,
        initial={
            "is_public": target.is_public,
            "read": [share.organisation for share in shares if not share.can_write],
            "write": [share.organisation for share in shares if share.can_write],
        },
    )
