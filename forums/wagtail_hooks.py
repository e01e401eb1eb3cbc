from wagtail import hooks

from .services import forum_organisation_provision


@hooks.register("provision_organisation")
def provision_organisation_forums(*, organisation):
    """Each organisation gets its private forums, and joins the shared forums open to it."""
    forum_organisation_provision(organisation=organisation)
