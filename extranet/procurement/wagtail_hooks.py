from wagtail import hooks

from .services import procurement_section_provision


@hooks.register("provision_organisation")
def provision_procurement_section(organisation):
    """Every organisation buys, so each gets its section of /marches-publics/."""
    procurement_section_provision(organisation=organisation)
