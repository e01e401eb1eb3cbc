"""The page permission policy of the Wagtail admin, registered for every page type in `apps.py`."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from .selectors import pages_outside_foreign_spaces


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, less the pages `pages_outside_foreign_spaces` hides from the user's lists.

    Every admin list of pages starts from `explorable_instances`: the explorer, the page search, the site history
    report, the admin API. A département's approvers hold the publish permission on the communes' notices, so
    without this they would read the titles of drafts no commune submitted to them.
    """

    def explorable_instances(self, user, *args, **kwargs):
        pages = super().explorable_instances(user, *args, **kwargs)
        return pages_outside_foreign_spaces(user=user, pages=pages)
