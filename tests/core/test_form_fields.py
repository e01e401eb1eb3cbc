"""The shared field template: a group of checkboxes or radio buttons is a fieldset named by its legend."""

from django import forms
from django.template.loader import render_to_string


class ChoicesForm(forms.Form):
    organisations = forms.MultipleChoiceField(
        label="Partagé avec", choices=[("1", "Jargeau"), ("2", "Darvoy")], widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label="Type", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    name = forms.CharField(label="Nom")


def test_groups_of_choices_get_a_fieldset_and_a_legend_and_no_empty_label():
    """Screen readers announce the group's name with each box; no label points at nothing (RGAA 11.5)."""
    html = render_to_string("includes/form_fields.html", {"form": ChoicesForm()})

    assert "<legend>Partagé avec<span" in html and "<legend>Type<span" in html
    assert 'for=""' not in html
    assert '<label for="id_name">Nom<span' in html
