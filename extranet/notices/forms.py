from django import forms
from django.utils.translation import gettext_lazy as _

from .pages import NoticeKind


class NoticeFilterForm(forms.Form):
    """The filters of a notices listing, read from the query string."""

    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    kind = forms.ChoiceField(
        label=_("Type of notice"), required=False, choices=[("", _("All types")), *NoticeKind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    show_expired = forms.BooleanField(label=_("Show expired notices"), required=False)

    def __init__(self, data, *, years: list[int], organisations: list[tuple[str, str]] | None = None):
        """`organisations` are (slug, name) pairs; without them (a section's listing) the field is left out."""
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years")), *((year, str(year)) for year in years)]
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].choices = [("", _("All organisations")), *organisations]

    def filters(self) -> dict:
        """The filters with a valid value; an invalid one is left out (and its error shown), not an error page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", False)}
