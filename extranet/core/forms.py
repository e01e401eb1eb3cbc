"""Glue between the services' refusals and the forms that show them."""

from django.core.exceptions import ValidationError
from django.forms import Form


def form_add_service_error(form: Form, error: ValidationError) -> None:
    """A service's refusal on the form: beside the fields it names that the form shows, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
