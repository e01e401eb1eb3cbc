"""Public pages of the granted subsidies (open data), per provider, with their SCDL exports."""

from django.shortcuts import render

from extranet.public.listing import paginate

from .. import selectors
from ..exports import scdl_export_response
from ..models import Application


def granted_index(request):
    """Every provider that granted subsidies, with the national-format export of all of them."""
    providers = (
        Application.objects.filter(pk__in=selectors.granted_list_public().values("pk"))
        .values("aid__organisation__slug", "aid__organisation__name")
        .distinct()
        .order_by("aid__organisation__name")
    )
    return render(request, "subsidies/opendata_index.html", {"providers": providers})


def provider_granted(request, slug):
    provider = selectors.provider_get_public(slug=slug)
    granted = selectors.granted_list_public(provider=provider)
    return render(
        request, "subsidies/provider_granted.html", {"provider": provider, "page_obj": paginate(request, granted)}
    )


def granted_export(request, export_format, slug=None):
    provider = selectors.provider_get_public(slug=slug) if slug else None
    filename = f"subventions-{provider.slug}" if provider else "subventions"
    applications = selectors.granted_list_public(provider=provider)
    return scdl_export_response(applications=applications, filename=filename, export_format=export_format)
