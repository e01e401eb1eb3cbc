"""Writes of the aid directory: provider sections and aids, always created through these functions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from extranet.core.richtext import page_rich_text_clean
from extranet.organisations.models import OrganisationKind
from extranet.organisations.services import organisation_section_page

from .models import AidType, Audience, Theme
from .pages import AidCoFinancer, AidIndexPage, AidPage, AidPerimeterOrganisation, AidSectionPage

# Kinds of organisation that offer aids to others; communes receive them.
PROVIDER_KINDS = {
    OrganisationKind.DEPARTEMENT,
    OrganisationKind.EPCI,
    OrganisationKind.AGENCY,
    OrganisationKind.SYNDICAT,
}


def aid_section_provision(*, organisation) -> AidSectionPage | None:
    """Give a providing organisation its section of /aides/ (kept in step with its name); others get none."""
    if organisation.kind not in PROVIDER_KINDS:
        return None
    return organisation_section_page(
        organisation=organisation, parent=AidIndexPage.objects.get(), page_class=AidSectionPage
    )


@transaction.atomic
def aid_create(
    *,
    section: AidSectionPage,
    title: str,
    targeted_audiences=(),
    aid_types=(),
    themes=(),
    co_financers=(),
    perimeter_organisations=(),
    publish: bool = True,
    **fields,
) -> AidPage:
    """Create an aid in the provider's section (published unless told otherwise); bad input raises ValidationError.

    `targeted_audiences`, `aid_types` and `themes` are codes of the fixed lists; `co_financers` and
    `perimeter_organisations` are organisations.
    """
    aid = AidPage(title=title, organisation=section.organisation, live=publish, **fields)
    aid.targeted_audiences = _rows(Audience, "targeted_audiences", targeted_audiences)
    aid.aid_types = _rows(AidType, "aid_types", aid_types)
    aid.themes = _rows(Theme, "themes", themes)
    aid.co_financers = [AidCoFinancer(organisation=organisation) for organisation in co_financers]
    aid.perimeter_organisations = [
        AidPerimeterOrganisation(organisation=organisation) for organisation in perimeter_organisations
    ]
    page_rich_text_clean(aid)
    section.add_child(instance=aid)
    revision = aid.save_revision()
    if publish:
        revision.publish()
        aid.refresh_from_db()
    return aid


@transaction.atomic
def aid_organisation_sync(*, aid: AidPage) -> None:
    """After a move or a copy, the aid belongs to the organisation of the section it now sits in."""
    section = aid.get_parent().specific
    if aid.organisation_id != section.organisation_id:
        aid.organisation = section.organisation
        aid.save(update_fields=["organisation"])


def _rows(model, field_name: str, codes) -> list:
    """The rows of a fixed list for these codes; at least one, all known."""
    codes = set(codes)
    if not codes:
        raise ValidationError({field_name: _("Choose at least one value.")})
    rows = list(model.objects.filter(code__in=codes))
    if unknown := codes - {row.code for row in rows}:
        raise ValidationError({field_name: _("Unknown values: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}})
    return rows
