from django import forms

from .kinds import KINDS


class PreferencesForm(forms.Form):
    """One choice per kind of notification, offering only the deliveries the kind allows."""

    def __init__(self, *args, initial_deliveries: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for code, spec in KINDS.items():
            self.fields[code] = forms.ChoiceField(
                label=spec.label,
                choices=spec.choices,
                initial=initial_deliveries.get(code, spec.default),
                widget=forms.RadioSelect,
            )
