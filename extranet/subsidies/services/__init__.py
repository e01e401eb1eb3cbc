"""Writes of subsidy applications: the applicant's (draft, submission) and the provider's (instruction)."""

from .applications import application_create, application_submit, application_update
from .instruction import (
    application_close,
    application_grant,
    application_refuse,
    application_request_documents,
    application_review_start,
    payment_record,
)
from .transitions import ALLOWED_TRANSITIONS

__all__ = [
    "ALLOWED_TRANSITIONS",
    "application_close",
    "application_create",
    "application_grant",
    "application_refuse",
    "application_request_documents",
    "application_review_start",
    "application_submit",
    "application_update",
    "payment_record",
]
