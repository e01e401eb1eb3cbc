from wagtail import hooks

from .chooser import library_document_chooser_viewset


@hooks.register("register_admin_viewset")
def register_library_document_chooser():
    """The chooser of library documents for public pages (`/admin/library_document_chooser/`)."""
    return library_document_chooser_viewset
