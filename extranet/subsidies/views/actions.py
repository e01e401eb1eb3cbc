"""The instruction actions: the form, the service and the status of each, shared by the detail page and the posts."""

from django.utils.translation import gettext_lazy as _

from .. import services
from ..forms import CommentForm, GrantForm, PaymentForm, RefuseForm, RequestDocumentsForm
from ..models import Status

# Each action: its form, the service it calls with the form's fields, the status it leads to, the success message.
ACTIONS = {
    "request_documents": (
        RequestDocumentsForm,
        services.application_request_documents,
        Status.INCOMPLETE,
        _("The applicant is asked for the missing documents."),
    ),
    "review_start": (
        CommentForm,
        services.application_review_start,
        Status.UNDER_REVIEW,
        _("The application is under review."),
    ),
    "grant": (GrantForm, services.application_grant, Status.GRANTED, _("The subsidy is granted.")),
    "refuse": (RefuseForm, services.application_refuse, Status.REFUSED, _("The application is refused.")),
    "payment": (PaymentForm, services.payment_record, Status.PAID, _("The payment is recorded.")),
    "close": (CommentForm, services.application_close, Status.CLOSED, _("The application is closed.")),
}


def instruction_forms(application, bound=None) -> dict:
    """One form per action the application's status allows (a bound one when it came back with errors)."""
    allowed = services.ALLOWED_TRANSITIONS[application.status]
    bound = bound or {}
    forms = {}
    for action, (form_class, _service, target, _message) in ACTIONS.items():
        if action in bound:
            forms[action] = bound[action]
        elif target in allowed:
            forms[action] = form_class(initial={"version": application.version}, prefix=action)
    return {"instruction_forms": forms}
