"""Wagtail admin views the platform keeps to its staff."""

from django.http import Http404
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.permission_policies.pages import PagePermissionPolicy

from .selectors import pages_outside_foreign_spaces


def page_types_report(request, results_only: bool = False):
    """Wagtail's page types report, for platform staff only.

    It names the last page edited of each type across the whole site, private spaces and other organisations'
    drafts included, and checks no page permission: an organisation's editor would read another's titles.
    """
    if not request.user.is_superuser:
        raise Http404
    return PageTypesUsageReportView.as_view(results_only=results_only)(request)


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, less the pages `pages_outside_foreign_spaces` hides from the user's lists."""

    def explorable_instances(self, user, *args, **kwargs):
        pages = super().explorable_instances(user, *args, **kwargs)
        return pages_outside_foreign_spaces(user=user, pages=pages)


class PageSearchView(SearchView):
    """Wagtail's page search, which lists every explorable page: a commune's drafts, for the département's
    approvers (they hold the publish permission on its notices) before the commune submits them."""


_policy = OrganisationPagePermissionPolicy()
page_search = base_page_viewset.construct_view(PageSearchView, permission_policy=_policy)
page_search_results = base_page_viewset.construct_view(PageSearchView, permission_policy=_policy, results_only=True)
