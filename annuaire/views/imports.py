"""CSV import of people: upload and report, then confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.organisations.selectors import organisation_get_for_member

from .. import importer, selectors, services
from ..forms import (
    PeopleImportForm,
)


def _import_session_key(organisation) -> str:
    return f"annuaire-import-{organisation.pk}"


@login_required
def people_import(request, slug):
    """Upload a CSV and read the line-by-line report; a clean file is kept in the session until confirmed."""
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    context = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(importer.MAX_BYTES + 1)
        service_names = {name.lower() for name in organisation.services.values_list("name", flat=True)}
        report = context["report"] = importer.people_import_parse(
            data=data,
            service_names=service_names,
            accounts_outside=lambda emails: selectors.account_emails_outside(organisation=organisation, emails=emails),
        )
        if report.is_clean:
            request.session[_import_session_key(organisation)] = [row.values for row in report.rows]
            return render(request, "annuaire/people_import.html", context)
        request.session.pop(_import_session_key(organisation), None)
        return render(request, "annuaire/people_import.html", context, status=400)
    status = 400 if request.method == "POST" else 200
    return render(request, "annuaire/people_import.html", context, status=status)


@login_required
@require_POST
def people_import_confirm(request, slug):
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    rows = request.session.pop(_import_session_key(organisation), None)
    if not rows:
        messages.error(request, _("There is no checked file to import any more: send it again."))
        return redirect("annuaire:people_import", slug=slug)
    count = services.people_import_apply(organisation=organisation, rows=rows)
    messages.success(request, _("%(count)s people have been imported.") % {"count": count})
    return redirect("annuaire:organisation_detail", slug=slug)
