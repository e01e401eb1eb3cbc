"""The only way to a library file's bytes: each response is decided by the permission core first.

Files are attachments unless they are a PDF or a raster image asked for inline (never SVG or HTML); every
response forbids type sniffing and, except the PDF viewer, runs in a sandbox without any resource.
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin

from .. import selectors, services
from ..models import AuditAction
from ..previews import INLINE_FORMATS


def file_response(
    *, file, name: str, content_type: str, size: int | None, inline: bool = False, public: bool = False, accel=True
):
    # nginx's internal location serves DOCUMENTS_ROOT: files of another storage (`accel=False`) are streamed.
    if accel and settings.DOCUMENTS_X_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.DOCUMENTS_X_ACCEL_REDIRECT + file.name
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
        if size is not None:
            response["Content-Length"] = size
    response["Content-Disposition"] = content_disposition_header(not inline, name)
    response["X-Content-Type-Options"] = "nosniff"
    if not (inline and content_type == "application/pdf"):
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-cache"
    return response


def _version_response(request, document, version, *, inline=False, action=AuditAction.DOWNLOAD):
    if not inline:
        services.audit_record(
            organisation=document.organisation,
            actor=request.user,
            action=action,
            document=document,
            detail=f"v{version.number}",
        )
    return file_response(
        file=version.file,
        name=selectors.version_download_name(document=document, version=version),
        content_type=version.content_type,
        size=version.size,
        inline=inline and version.file_format in INLINE_FORMATS,
        public=document.access == selectors.Access.PUBLIC,
    )


def download(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    if document.current_version is None:
        raise Http404
    return _version_response(request, document, document.current_version)


def download_version(request, pk, number):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="history")
    return _version_response(request, document, selectors.version_get(document=document, number=number))


@xframe_options_sameorigin
def preview(request, pk):
    """The current version inline, for the page's viewer: PDFs and raster images only."""
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    version = document.current_version
    if version is None or version.file_format not in INLINE_FORMATS:
        raise Http404
    return _version_response(request, document, version, inline=True)


def thumbnail(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    version = document.current_version
    if version is None or not version.thumbnail:
        raise Http404
    return file_response(
        file=version.thumbnail,
        name="apercu.png",
        content_type="image/png",
        size=None,
        inline=True,
        public=document.access == selectors.Access.PUBLIC,
    )
