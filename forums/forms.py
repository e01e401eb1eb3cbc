from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationFrequency


class NotificationPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me about new posts in the topics and forums I follow"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
    )
