"""vCard and CSV downloads, built from the fields the viewer may read."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from extranet.organisations.selectors import organisation_get_for_member

from .. import exports, photos, selectors, vcard
from ..visibility import directory_viewer, organisation_visible_fields


def person_vcard(request, card_id):
    viewer = directory_viewer(user=request.user)
    card, fields = selectors.person_card_get_for_viewer(viewer=viewer, card_id=card_id)
    text = vcard.person_vcard(
        first_name=card.user.first_name, last_name=card.user.last_name, fields=fields, photo=_photo(fields)
    )
    return _vcard_response(text, f"{card.user.last_name or card.pk}.vcf")


def organisation_vcards(request, slug):
    """Every card of the organisation the viewer may see, with the organisation's own card first."""
    viewer = directory_viewer(user=request.user)
    organisation = selectors.organisation_directory_get(slug=slug, viewer=viewer)
    profile = getattr(organisation, "directory_profile", None)
    parts = [
        vcard.organisation_vcard(
            organisation=organisation, fields=organisation_visible_fields(viewer=viewer, profile=profile)
        )
    ]
    cards = selectors.person_directory_list(viewer=viewer, organisation=organisation)
    service_id = request.GET.get("service", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    by_service = service_id.isdecimal()
    if by_service:
        cards = cards.filter(service_id=int(service_id))
    for entry in selectors.person_entries(viewer=viewer, cards=cards):
        if by_service and "service" not in entry["fields"]:
            # Listing someone under a service would reveal a service the viewer may not read.
            continue
        user = entry["card"].user
        parts.append(
            vcard.person_vcard(
                first_name=user.first_name,
                last_name=user.last_name,
                fields=entry["fields"],
                photo=_photo(entry["fields"]),
            )
        )
    return _vcard_response("".join(parts), f"{organisation.slug}.vcf")


def _photo(fields) -> bytes | None:
    """The photo's bytes when the viewer may see it (the visibility module put its name in the fields)."""
    return photos.photo_read(name=fields["photo"]) if fields.get("photo") else None


def _vcard_response(text, filename):
    response = HttpResponse(text.encode("utf-8"), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def organisation_csv(request, slug):
    """The organisation's cards as its administrators see them (every field), as CSV."""
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    viewer = directory_viewer(user=request.user)
    cards = selectors.person_directory_list(viewer=viewer, organisation=organisation)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="annuaire-{organisation.slug}.csv"'
    response.write("\ufeff")  # French Excel reads the file as UTF-8 only after this mark
    exports.people_csv_write(response, entries=selectors.person_entries(viewer=viewer, cards=cards))
    return response
