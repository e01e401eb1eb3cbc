from wagtail import hooks

from .services import calendar_organisation_provision


@hooks.register("provision_organisation")
def provision_organisation_calendar(*, organisation):
    """Each organisation gets its private calendar, renamed with it."""
    calendar_organisation_provision(organisation=organisation)
