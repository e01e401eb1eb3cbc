"""Responses of the acts' sub-routes."""

from django.http import FileResponse


def signed_pdf_response(*, act) -> FileResponse:
    """The signed PDF as stored, offered for download under a readable name (RFC 6266 Content-Disposition)."""
    response = FileResponse(
        act.signed_pdf.open("rb"),
        as_attachment=True,
        filename=act.signed_pdf_filename(),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
