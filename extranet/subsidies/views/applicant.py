"""The applicant's pages: start an application from an aid, save the draft, submit, follow it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.models import AuditAction, Document
from documents.services import audit_record
from documents.views.files import file_response

from .. import selectors, services
from ..forms import ApplicationForm
from .actions import instruction_forms

SUBMIT = "submit"


def _saved(request, application, *, submit: bool):
    """After a save: submit if asked, then go to the application's page."""
    if submit:
        try:
            application = services.application_submit(application=application, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("subsidies:update", application.pk)
        messages.success(
            request,
            _("Your application is submitted, receipt number %(number)s. An acknowledgement was sent by e-mail.")
            % {"number": application.receipt_number},
        )
    else:
        messages.success(request, _("Your draft is saved. Submit it when it is complete."))
    return redirect("subsidies:detail", application.pk)


@login_required
def application_start(request, aid_pk):
    aid = selectors.aid_get_for_applicant(pk=aid_pk)
    candidates = selectors.applicant_organisations(user=request.user, aid=aid)
    eligible = [organisation for organisation, errors in candidates if not errors]
    chosen = next((org for org in eligible if org.slug == request.GET.get("organisation")), None)
    if chosen is None and len(eligible) == 1:
        chosen = eligible[0]
    if chosen is None:
        template = "subsidies/start.html"
        return render(request, template, {"aid": aid, "candidates": candidates, "eligible": eligible})
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        organisation=chosen,
        initial={"contact_name": request.user.get_full_name(), "contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                aid=aid,
                organisation=chosen,
                user=request.user,
                documents=form.cleaned_data["library_documents"],
                uploads=form.cleaned_data["uploads"],
                **form.service_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, application, submit=SUBMIT in request.POST)
    context = {"aid": aid, "organisation": chosen, "form": form}
    return render(request, "subsidies/form.html", context, status=400 if form.errors else 200)


@login_required
def application_update(request, pk):
    application = selectors.application_get_for_viewer(user=request.user, pk=pk, action="edit")
    form = ApplicationForm(
        request.POST or None, request.FILES or None, instance=application, organisation=application.organisation
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["library_documents"])
        current = set(application.documents.all())
        try:
            application = services.application_update(
                application=application,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                documents=chosen - current,
                removed_documents=current - chosen,
                uploads=form.cleaned_data["uploads"],
                **form.service_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(request, application, submit=SUBMIT in request.POST)
    context = {
        "aid": application.aid,
        "organisation": application.organisation,
        "form": form,
        "application": application,
    }
    return render(request, "subsidies/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def application_submit(request, pk):
    application = selectors.application_get_for_viewer(user=request.user, pk=pk, action="submit")
    return _saved(request, application, submit=True)


@login_required
def application_list(request):
    context = {
        "applications": selectors.application_list_for_member(user=request.user),
        "providers": selectors.provider_organisations_for_member(user=request.user),
    }
    return render(request, "subsidies/list.html", context)


@login_required
def application_detail(request, pk, forms=None, status=200):
    application = selectors.application_get_for_viewer(user=request.user, pk=pk)
    context = {
        "application": application,
        "abilities": application.abilities,
        "history": selectors.application_history(application=application),
        "payments": application.payments.all(),
        "documents": application.documents.filter(deleted_at=None).select_related("current_version"),
        **(instruction_forms(application, forms) if application.abilities["instruct"] else {}),
    }
    return render(request, "subsidies/detail.html", context, status=status)


@login_required
def application_document(request, pk, document_pk):
    """A supporting document, for whoever may read the application (the provider too, who is not in the library)."""
    application = selectors.application_get_for_viewer(user=request.user, pk=pk)
    document = (
        Document.objects.filter(pk=document_pk, deleted_at=None, pk__in=application.documents.values("pk"))
        .select_related("organisation", "current_version")
        .first()
    )
    if document is None or document.current_version is None:
        raise Http404
    version = document.current_version
    audit_record(
        organisation=document.organisation,
        actor=request.user,
        action=AuditAction.DOWNLOAD,
        document=document,
        detail=f"v{version.number} ({application.receipt_number or application.pk})",
    )
    return file_response(
        file=version.file, name=version.original_name, content_type=version.content_type, size=version.size
    )
