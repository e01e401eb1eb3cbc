"""The trainer's day: one-tap attendance, the sheet to sign and its CSV export; the certificates of attendance."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from extranet.core.spreadsheets import spreadsheet_safe

from .. import pdf
from ..attendance import certificate_issue, registration_mark_attendance
from ..models import RegistrationStatus
from ..selectors import registration_list_for_session, session_get_for_viewer
from ..selectors_run import registration_get_for_attendance, registration_get_for_certificate


def _wants_json(request) -> bool:
    """The page's script posts with `Accept: application/json` and updates the row itself."""
    return "application/json" in request.headers.get("Accept", "")


def _presence_label(present) -> str:
    if present is None:
        return _("Not recorded")
    return _("Present") if present else _("Absent")


def _count_label(registrations) -> str:
    present = sum(1 for registration in registrations if registration.present)
    total = len(registrations)
    return ngettext(
        "Present: %(present)s out of %(total)s registered person.",
        "Present: %(present)s out of %(total)s registered people.",
        total,
    ) % {"present": present, "total": total}


def _registered(session):
    return registration_list_for_session(session=session, statuses=[RegistrationStatus.REGISTERED])


@login_required
def attendance(request, pk):
    session = session_get_for_viewer(user=request.user, pk=pk, action="manage")
    if request.method == "POST":
        registration = registration_get_for_attendance(session=session, pk=request.POST.get("registration", ""))
        try:
            registration_mark_attendance(
                registration=registration, present=request.POST.get("present") == "1", by=request.user
            )
        except ValidationError as error:
            if _wants_json(request):
                return JsonResponse({"error": " ".join(error.messages)}, status=400)
            messages.error(request, " ".join(error.messages))
        else:
            if _wants_json(request):
                return JsonResponse(
                    {
                        "present": registration.present,
                        "label": _presence_label(registration.present),
                        "count": _count_label(_registered(session)),
                    }
                )
        url = reverse("agenda:training:attendance", args=[session.pk])
        return redirect(f"{url}#registration-{registration.pk}")
    registrations = _registered(session)
    for registration in registrations:
        registration.presence_label = _presence_label(registration.present)
    context = {
        "session": session,
        "event": session.event,
        "registrations": registrations,
        "count_label": _count_label(registrations),
        "any_present": any(registration.present for registration in registrations),
    }
    return render(request, "training/attendance.html", context)


@login_required
def attendance_csv(request, pk):
    """Every registration with its status and presence, for French Excel: UTF-8 with a BOM, `;` between cells."""
    session = session_get_for_viewer(user=request.user, pk=pk, action="manage")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"presences-{slugify(session.event.title) or session.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Last name"), _("First name"), _("Organisation"), _("Status"), _("Present")])
    for registration in registration_list_for_session(session=session):
        present = {True: _("yes"), False: _("no"), None: ""}[registration.present]
        row = [
            registration.user.last_name or registration.user.email,
            registration.user.first_name,
            registration.organisation.name,
            registration.get_status_display(),
            present,
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return response


def _pdf_response(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
def attendance_pdf(request, pk):
    """The sheet to print and sign: opened in the browser, ready for its print button."""
    session = session_get_for_viewer(user=request.user, pk=pk, action="manage")
    registrations = _registered(session)
    content = pdf.attendance_sheet_pdf(session=session, registrations=registrations)
    filename = f"feuille-emargement-{slugify(session.event.title) or session.pk}.pdf"
    return _pdf_response(content, filename=filename, attachment=False)


@login_required
def certificate(request, pk, registration_pk):
    """A present participant's certificate, for themselves or for the trainer; Http404 for anyone else."""
    registration = registration_get_for_certificate(user=request.user, session_pk=pk, registration_pk=registration_pk)
    registration = certificate_issue(registration=registration)
    content = pdf.certificate_pdf(registration=registration)
    filename = f"attestation-{registration.certificate_number}.pdf"
    return _pdf_response(content, filename=filename, attachment=True)
