from django.http import Http404
from wagtail import hooks

from .chooser import library_document_chooser_viewset
from .selectors import wagtail_document_readable
from .sharing import share_links_revoke_made_by


@hooks.register("register_admin_viewset")
def register_library_document_chooser():
    """The chooser of library documents for public pages (`/admin/library_document_chooser/`)."""
    return library_document_chooser_viewset


@hooks.register("before_serve_document")
def serve_only_published_wagtail_documents(document, request):
    """A file attached to a draft, uploaded and not used yet, or used only by pages the visitor may not read:
    404 like a missing one."""
    if not wagtail_document_readable(document=document, request=request):
        raise Http404


@hooks.register("membership_removed")
def revoke_share_links_of_a_departed_member(*, organisation, user):
    """The links a member made to the organisation's files stop when they leave it."""
    share_links_revoke_made_by(user=user, organisation=organisation)
