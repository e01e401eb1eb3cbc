from wagtail import hooks

from .admin_views import CheckedPageViewSet


@hooks.register("register_admin_viewset")
def register_checked_page_viewset():
    """Registered after Wagtail's own (order -1), it replaces it as the views of every page type."""
    return CheckedPageViewSet()
