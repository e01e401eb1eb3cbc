"""Directory pages anyone may open: organisations, people, org charts (fields filtered per viewer)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from extranet.organisations.models import OrganisationKind
from extranet.public.listing import paginate, query_string_without_page

from .. import photos, selectors
from ..forms import (
    OrganisationFilterForm,
    PersonFilterForm,
)
from ..visibility import directory_viewer, organisation_visible_fields


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None, kinds=OrganisationKind.choices, epcis=selectors.epci_list())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_directory_list(
        kind=filters.get("kind", ""), epci=filters.get("epci", ""), query=filters.get("q", ""), user=request.user
    )
    context = {
        "form": form,
        "page_obj": paginate(request, organisations),
        "filters": query_string_without_page(request),
    }
    return render(request, "annuaire/organisation_list.html", context)


def organisation_detail(request, slug):
    viewer = directory_viewer(user=request.user)
    organisation = selectors.organisation_directory_get(slug=slug, viewer=viewer)
    profile = getattr(organisation, "directory_profile", None)
    page_obj = paginate(request, selectors.person_directory_list(viewer=viewer, organisation=organisation))
    context = {
        "organisation": organisation,
        "fields": organisation_visible_fields(viewer=viewer, profile=profile),
        "page_obj": page_obj,
        "people": selectors.person_entries(viewer=viewer, cards=page_obj.object_list),
        "can_manage": viewer.administers(organisation.pk),
        "has_services": organisation.services.exists(),
    }
    return render(request, "annuaire/organisation_detail.html", context)


def org_chart(request, slug, printable=False):
    viewer = directory_viewer(user=request.user)
    organisation = selectors.organisation_directory_get(slug=slug, viewer=viewer)
    roots, nodes = selectors.service_tree(organisation=organisation)
    cards = selectors.person_directory_list(viewer=viewer, organisation=organisation).filter(service__isnull=False)
    for entry in selectors.person_entries(viewer=viewer, cards=cards):
        if "service" in entry["fields"]:
            nodes[entry["card"].service_id]["people"].append(entry)
    template = "annuaire/org_chart_print.html" if printable else "annuaire/org_chart.html"
    context = {"organisation": organisation, "roots": roots, "can_manage": viewer.administers(organisation.pk)}
    return render(request, template, context)


def person_list(request):
    viewer = directory_viewer(user=request.user)
    form = PersonFilterForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page_obj = paginate(request, selectors.person_directory_list(viewer=viewer, query=query, user=request.user))
    context = {
        "form": form,
        "page_obj": page_obj,
        "people": selectors.person_entries(viewer=viewer, cards=page_obj.object_list),
        "filters": query_string_without_page(request),
    }
    return render(request, "annuaire/person_list.html", context)


def person_detail(request, card_id):
    viewer = directory_viewer(user=request.user)
    card, fields = selectors.person_card_get_for_viewer(viewer=viewer, card_id=card_id)
    abilities = selectors.person_card_abilities(viewer=viewer, card=card)
    return render(request, "annuaire/person_detail.html", {"card": card, "fields": fields, "abilities": abilities})


@require_safe
def person_photo(request, card_id):
    """The re-encoded photo, for viewers its visibility reaches; missing and hidden photos alike answer 404."""
    viewer = directory_viewer(user=request.user)
    name = selectors.person_card_photo_get_for_viewer(viewer=viewer, card_id=card_id)
    content = photos.photo_read(name=name)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type=photos.PHOTO_CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="photo.jpg"'
    # Addresses carry the photo's version; a browser keeps it briefly, shared caches never.
    patch_cache_control(response, private=True, max_age=600)
    patch_vary_headers(response, ["Cookie"])
    return response
