"""The sandbox form reads the input; the limits (1 to 50 trainees, at most 30 days) are the service's."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext_lazy as _

from .models import MAX_LIFETIME_DAYS, MAX_TRAINEES


class SandboxForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the practice organisation"),
        max_length=150,
        help_text=_("For instance “Formation agenda – 12 mars”. Trainees see it as their organisation's name."),
    )
    trainees = forms.IntegerField(
        label=_("Number of trainees"),
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_TRAINEES}),
        help_text=_("From 1 to %(max)d accounts.") % {"max": MAX_TRAINEES},
    )
    expires_on = forms.DateField(
        label=_("Last day of the sandbox"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The sandbox, its accounts and its content are deleted the night after (at most %(days)d days).")
        % {"days": MAX_LIFETIME_DAYS},
    )

    def expires_at(self) -> datetime:
        """The end of the chosen day in the platform's time zone."""
        # 31/12/9999 has no next day; the service refuses any date that far with its own message anyway.
        last_day = min(self.cleaned_data["expires_on"], date.max - timedelta(days=1))
        return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=get_default_timezone())
