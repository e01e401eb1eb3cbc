"""Glue between the services' refusals and the forms that show them, and fields the platform's forms share."""

from datetime import UTC, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.forms import Form
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .ids import pk_in_range


def form_add_service_error(form: Form, error: ValidationError) -> None:
    """A service's refusal on the form: beside the fields it names that the form shows, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed on the platform's clock, read across its changes of time as people mean them.

    In autumn the hour after 02:00 comes twice: 02:30 is read as the first one, before the clocks go back (Django
    refuses it as ambiguous). In spring that hour is skipped: 02:30 does not exist, and the refusal names the time
    to type instead of Django's technical message.
    """

    def to_python(self, value):
        zone = timezone.get_current_timezone()
        with timezone.override(UTC):  # the wall time as typed, before any zone is applied
            parsed = super().to_python(value)
        if parsed is None:
            return None
        typed = parsed.astimezone(UTC).replace(tzinfo=None)
        local = typed.replace(tzinfo=zone)  # fold 0: the first of a repeated hour
        try:
            round_trip = local.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        except OverflowError:  # year 1 or 9999: the service refuses the year with its own message
            return local
        if round_trip != typed:
            raise ValidationError(
                _("%(time)s does not exist on %(date)s: the clocks go forward an hour that night. Type %(later)s.")
                % {
                    "time": typed.strftime("%H:%M"),
                    "date": date_format(typed.date(), "j F Y"),
                    "later": (typed + timedelta(hours=1)).strftime("%H:%M"),
                },
                code="skipped_time",
            )
        return local


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Several rows chosen by id; an id beyond the database's integers is refused like any unknown choice.

    Django's own field looks such an id up with `pk__in`, which the database driver fails on (see `.ids`)."""

    def _check_values(self, value):
        if self.to_field_name is None:
            for pk in value:
                try:
                    int(pk)
                except (TypeError, ValueError):
                    continue  # not a number: Django's own message
                if not pk_in_range(self.queryset.model, pk):
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                    )
        return super()._check_values(value)
