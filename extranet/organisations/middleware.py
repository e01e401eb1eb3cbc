"""The Wagtail admin's views of a page answer 404 when the page is in another organisation's private space.

Some of Wagtail's views show a page's title without checking any permission (the explorer's header, the move
confirmation, the page chooser, the bulk actions' confirmation): one check here covers every admin URL naming a
page, whatever Wagtail's view does.
"""

from .selectors import admin_page_get_for_user

# The keyword arguments of Wagtail's admin URLs that name a page.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# URLs naming a page as `pk` (the bulk actions name theirs in the query string, the editing sessions as object_id).
PAGE_PK_URLS = {
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_api:pages:action",
    "wagtailadmin_pages:revisions_compare",
}


class OrganisationSpaceAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/"):
            return None
        if not request.user.is_authenticated or request.user.is_superuser:
            return None
        page_ids = [view_kwargs[key] for key in PAGE_KWARGS if key in view_kwargs]
        if match.view_name in PAGE_PK_URLS and "pk" in view_kwargs:
            page_ids.append(view_kwargs["pk"])
        if match.view_name == "wagtail_bulk_action" and view_kwargs.get("app_label") == "wagtailcore":
            page_ids += [value for value in request.GET.getlist("id") if str(value).isdecimal()]
        if match.view_name == "wagtailadmin_editing_sessions:ping" and view_kwargs.get("app_label") == "wagtailcore":
            page_ids += [view_kwargs["object_id"]] if str(view_kwargs.get("object_id")).isdecimal() else []
        for page_id in page_ids:
            admin_page_get_for_user(user=request.user, page_id=page_id)
        return None
