"""CSV import of people: upload, background check with a progress bar and a report, confirmation, background write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_POST, require_safe

from extranet.organisations.selectors import organisation_get_for_member

from .. import importer, selectors, services
from ..forms import PeopleImportForm


@login_required
def people_import(request, slug):
    """Upload a CSV: it is stored privately and checked in the background; the import's page follows the check."""
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            people_import = services.people_import_start(
                organisation=organisation, user=request.user, upload=form.cleaned_data["file"], language=get_language()
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("annuaire:people_import_detail", slug=slug, import_id=people_import.pk)
    status = 400 if request.method == "POST" else 200
    context = {"organisation": organisation, "form": form, "max_bytes": importer.import_max_bytes()}
    return render(request, "annuaire/people_import.html", context, status=status)


@login_required
@require_safe
def people_import_detail(request, slug, import_id):
    """The import's progress bar while a task runs, then its report (and the confirmation of a clean file)."""
    people_import = selectors.people_import_get_for_admin(user=request.user, slug=slug, import_id=import_id)
    context = {
        "organisation": people_import.organisation,
        "people_import": people_import,
        "report": people_import.report,
        "form": PeopleImportForm(),
        "max_bytes": importer.import_max_bytes(),
    }
    response = render(request, "annuaire/people_import_detail.html", context)
    add_never_cache_headers(response)
    return response


@login_required
@require_safe
def people_import_progress(request, slug, import_id):
    """The progress as JSON, polled by the page's script (which reloads the page once the step is over)."""
    people_import = selectors.people_import_get_for_admin(user=request.user, slug=slug, import_id=import_id)
    response = JsonResponse(
        {
            "status": people_import.status,
            "running": people_import.is_running,
            "done": people_import.done,
            "total": people_import.total,
            "percent": people_import.percent,
        }
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def people_import_confirm(request, slug, import_id):
    people_import = selectors.people_import_get_for_admin(user=request.user, slug=slug, import_id=import_id)
    try:
        services.people_import_confirm(people_import=people_import)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("annuaire:people_import", slug=slug)
    return redirect("annuaire:people_import_detail", slug=slug, import_id=people_import.pk)
