"""The instruction actions: the form, the service and the status of each, shared by the detail page and the posts."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import services
from ..forms import CommentForm, GrantForm, PaymentForm, RefuseForm, RequestDocumentsForm
from ..models import Status


@dataclass(frozen=True)
class Action:
    form_class: type
    service: Callable
    target: str  # the status it leads to
    title: str
    success: str


ACTIONS = {
    "request_documents": Action(
        RequestDocumentsForm,
        services.application_request_documents,
        Status.INCOMPLETE,
        _("Request documents"),
        _("The applicant is asked for the missing documents."),
    ),
    "review_start": Action(
        CommentForm,
        services.application_review_start,
        Status.UNDER_REVIEW,
        _("Start the review"),
        _("The application is under review."),
    ),
    "grant": Action(
        GrantForm,
        services.application_grant,
        Status.GRANTED,
        pgettext_lazy("subsidy action", "Grant"),
        _("The subsidy is granted."),
    ),
    "refuse": Action(
        RefuseForm, services.application_refuse, Status.REFUSED, _("Refuse"), _("The application is refused.")
    ),
    "payment": Action(
        PaymentForm, services.payment_record, Status.PAID, _("Record a payment"), _("The payment is recorded.")
    ),
    "close": Action(
        CommentForm,
        services.application_close,
        Status.CLOSED,
        _("Close the application"),
        _("The application is closed."),
    ),
}


def instruction_forms(application, bound=None) -> dict:
    """One form per action the application's status allows (a bound one when it came back with errors)."""
    allowed = services.ALLOWED_TRANSITIONS[application.status]
    bound = bound or {}
    forms = []
    for name, action in ACTIONS.items():
        if name in bound:
            forms.append({"name": name, "title": action.title, "form": bound[name]})
        elif action.target in allowed:
            form = action.form_class(initial={"version": application.version}, prefix=name)
            forms.append({"name": name, "title": action.title, "form": form})
    return {"instruction_forms": forms}
