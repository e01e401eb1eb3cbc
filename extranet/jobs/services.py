"""Writes of the job board: organisation sections and job offers, always created through these functions."""

from django.db import transaction

from extranet.core.richtext import page_rich_text_clean
from extranet.organisations.services import organisation_section_page

from .pages import JobIndexPage, JobOfferPage, JobSectionPage


def job_section_provision(*, organisation) -> JobSectionPage:
    """Give the organisation its section of /emplois/ (kept in step with its name); every kind of body hires."""
    return organisation_section_page(
        organisation=organisation, parent=JobIndexPage.objects.get(), page_class=JobSectionPage
    )


@transaction.atomic
def job_offer_create(
    *, section: JobSectionPage, title: str, publish: bool = True, published_at=None, **fields
) -> JobOfferPage:
    """Create an offer in the organisation's section (published unless told otherwise).

    `published_at` records an offer that was published elsewhere before (an import or the demo data); its
    deadline may then be past. Bad input raises ValidationError.
    """
    offer = JobOfferPage(
        title=title, organisation=section.organisation, live=publish, first_published_at=published_at, **fields
    )
    page_rich_text_clean(offer)
    section.add_child(instance=offer)
    revision = offer.save_revision()
    if publish:
        revision.publish()
        offer.refresh_from_db()
    return offer


@transaction.atomic
def job_offer_organisation_sync(*, offer: JobOfferPage) -> None:
    """After a move or a copy, the offer belongs to the organisation of the section it now sits in."""
    section = offer.get_parent().specific
    if offer.organisation_id != section.organisation_id:
        offer.organisation = section.organisation
        offer.save(update_fields=["organisation"])
