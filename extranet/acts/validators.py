"""Validators of the acts' fields; every message says in French what to fix."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from .nomenclature import MATTER_CODE_PATTERN, matter_get

MAX_PDF_SIZE = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"

validate_budget_year = RegexValidator(
    r"^[0-9]{4}(/[0-9]{4})?$",
    _("Enter a budget year such as 2024, or a span such as 2024/2025."),
    code="budget_year",
)


def validate_matter_code(value: str) -> None:
    """A level-2 code of the ACTES nomenclature, such as 7.5."""
    if not MATTER_CODE_PATTERN.match(value):
        raise ValidationError(
            _("A matter code is made of two numbers separated by a dot, such as 7.5."), code="matter_format"
        )
    if matter_get(value) is None:
        raise ValidationError(
            _("%(code)s is not a matter of the ACTES nomenclature."), code="matter_unknown", params={"code": value}
        )


def validate_signed_pdf(file) -> None:
    """Judge a PDF by its content: the PDF signature first, then a full read of its structure by pypdf."""
    if file.size > MAX_PDF_SIZE:
        raise ValidationError(
            _("The PDF file is too large (%(size)s); the limit is %(limit)s."),
            code="pdf_size",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_PDF_SIZE)},
        )
    file.seek(0)
    if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
        raise ValidationError(_("This file is not a PDF document, whatever its name says."), code="pdf_magic")
    file.seek(0)
    try:
        readable = len(PdfReader(file).pages) > 0
    except Exception:  # pypdf raises many kinds of errors on a damaged file; each means "unreadable".
        readable = False
    finally:
        file.seek(0)
    if not readable:
        raise ValidationError(
            _("This PDF document cannot be read: it is damaged or truncated. Upload the signed file again."),
            code="pdf_unreadable",
        )


def file_sha256(file) -> str:
    """The SHA-256 of the file's bytes, as anyone can compute it on the downloaded copy."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
