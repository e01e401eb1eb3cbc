"""Importing an iCalendar file into a calendar, with the report of what was imported and skipped."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import ImportForm
from ..imports import calendar_import_ics, import_check_size


def calendar_import(request, pk):
    calendar = selectors.calendar_get_for_viewer(user=request.user, pk=pk, action="import")
    organisations = selectors.author_organisations(user=request.user, calendar=calendar)
    if not organisations:
        raise Http404
    by_id = {organisation.pk: organisation for organisation in organisations}
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, organisations=organisations)
        if form.is_valid():
            organisation = by_id.get(form.cleaned_data["organisation"] or organisations[0].pk)
            upload = form.cleaned_data["file"]
            try:
                if organisation is None:
                    raise ValidationError(_("Choose an organisation."))
                import_check_size(size=upload.size)
                report = calendar_import_ics(
                    calendar=calendar, organisation=organisation, user=request.user, content=upload.read()
                )
            except ValidationError as error:
                form.add_error("file", error)
    else:
        form = ImportForm(organisations=organisations, initial={"organisation": organisations[0].pk})
    return render(request, "agenda/import.html", {"calendar": calendar, "form": form, "report": report})
