"""Wagtail admin views the platform keeps to its staff."""

from django.http import Http404
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView


def page_types_report(request, results_only: bool = False):
    """Wagtail's page types report, for platform staff only.

    It names the last page edited of each type across the whole site, private spaces and other organisations'
    drafts included, and checks no page permission: an organisation's editor would read another's titles.
    """
    if not request.user.is_superuser:
        raise Http404
    return PageTypesUsageReportView.as_view(results_only=results_only)(request)
