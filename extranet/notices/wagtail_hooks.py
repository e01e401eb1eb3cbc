from wagtail import hooks

from .services import notice_section_provision


@hooks.register("provision_organisation")
def provision_notice_section(organisation):
    """Every organisation gets its section under /communiques/, where its editors write their notices."""
    notice_section_provision(organisation=organisation)
