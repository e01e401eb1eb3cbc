"""What someone without an account reaches through a share link: a document, or a folder's subtree, read-only.

A folder's link lists the folder and its subfolders as they are now and downloads their current documents;
nothing outside the subtree, nothing after revocation or expiry (404, like an unknown token).
"""

from django.http import Http404
from django.shortcuts import render

from .. import selectors, services, sharing
from ..models import AuditAction
from .files import file_response


def _link(token: str):
    return selectors.share_link_get(token_hash=sharing.token_hash(token))


def _no_referrer(response):
    response["Referrer-Policy"] = "no-referrer"
    return response


def _download(request, link, document):
    version = document.current_version
    if version is None:
        raise Http404
    services.audit_record(
        organisation=document.organisation,
        actor=request.user,
        action=AuditAction.LINK_DOWNLOAD,
        document=document,
        detail=f"v{version.number}",
    )
    name = selectors.version_download_name(document=document, version=version)
    response = file_response(file=version.file, name=name, content_type=version.content_type, size=version.size)
    return _no_referrer(response)


def _folder_listing(request, link, token, folder):
    context = {
        "link": link,
        "link_token": token,
        "folder": folder,
        "organisation": folder.organisation,
        "breadcrumbs": selectors.folder_breadcrumbs(folder=folder, top=link.folder),
        **selectors.folder_contents(organisation=folder.organisation, folder=folder),
    }
    return _no_referrer(render(request, "documents/folder_readonly.html", context))


def link_page(request, token):
    """The document's title and a download button, or the folder's listing."""
    link = _link(token)
    if link.folder_id:
        return _folder_listing(request, link, token, link.folder)
    if link.document.current_version is None:
        raise Http404
    document = link.document
    name = selectors.version_download_name(document=document, version=document.current_version)
    context = {"link": link, "document": document, "token": token, "download_name": name}
    response = render(request, "documents/link.html", context)
    return _no_referrer(response)


def link_download(request, token):
    """The current version of the link's document."""
    link = _link(token)
    if link.document_id is None:
        raise Http404
    return _download(request, link, link.document)


def link_folder(request, token, pk):
    """A subfolder of the link's folder."""
    link = _link(token)
    return _folder_listing(request, link, token, selectors.share_link_folder_get(link=link, pk=pk))


def link_document_download(request, token, pk):
    """The current version of a document in the link's folder or its subfolders."""
    link = _link(token)
    return _download(request, link, selectors.share_link_document_get(link=link, pk=pk))
