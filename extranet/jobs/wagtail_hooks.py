from wagtail import hooks

from .pages import JobOfferPage
from .services import job_offer_organisation_sync, job_section_provision


@hooks.register("provision_organisation")
def provision_job_section(organisation):
    """Every organisation gets its section of /emplois/."""
    job_section_provision(organisation=organisation)


@hooks.register("after_move_page")
def keep_moved_offer_with_its_section(request, page):
    if isinstance(page.specific, JobOfferPage):
        job_offer_organisation_sync(offer=page.specific)


@hooks.register("after_copy_page")
def keep_copied_offer_with_its_section(request, page, new_page):
    if isinstance(new_page.specific, JobOfferPage):
        job_offer_organisation_sync(offer=new_page.specific)
