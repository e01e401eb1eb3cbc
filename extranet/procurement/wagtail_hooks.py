from wagtail import hooks

from .contracts import AwardedContractPage
from .pages import ProcurementNoticePage
from .services import procurement_page_parent_sync, procurement_section_provision


@hooks.register("provision_organisation")
def provision_procurement_section(organisation):
    """Every organisation buys, so each gets its section of /marches-publics/."""
    procurement_section_provision(organisation=organisation)


@hooks.register("after_move_page")
def keep_moved_procurement_page_with_its_parent(request, page):
    specific = page.specific
    if isinstance(specific, ProcurementNoticePage | AwardedContractPage):
        procurement_page_parent_sync(page=specific)
