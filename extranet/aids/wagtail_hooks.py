from wagtail import hooks

from .pages import AidPage
from .services import aid_organisation_sync, aid_section_provision


@hooks.register("provision_organisation")
def provision_aid_section(organisation):
    """Providing organisations (département, EPCI, agencies, syndicates) get their section of /aides/."""
    aid_section_provision(organisation=organisation)


@hooks.register("after_move_page")
def keep_moved_aid_with_its_section(request, page):
    if isinstance(page.specific, AidPage):
        aid_organisation_sync(aid=page.specific)


@hooks.register("after_copy_page")
def keep_copied_aid_with_its_section(request, page, new_page):
    if isinstance(new_page.specific, AidPage):
        aid_organisation_sync(aid=new_page.specific)
