"""Directory pages: organisations, people, org charts, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.organisations.models import OrganisationKind
from extranet.organisations.selectors import membership_list_for_user, organisation_get_for_member
from extranet.public.listing import paginate, query_string_without_page

from . import exports, importer, selectors, services, vcard
from .forms import (
    OrganisationFilterForm,
    OrganisationProfileForm,
    PeopleImportForm,
    PersonCardForm,
    PersonFilterForm,
    ServiceCreateForm,
    ServiceMoveForm,
)
from .visibility import directory_viewer, organisation_limit, organisation_visible_fields


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None, kinds=OrganisationKind.choices, epcis=selectors.epci_list())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_directory_list(
        kind=filters.get("kind", ""), epci=filters.get("epci", ""), query=filters.get("q", "")
    )
    context = {
        "form": form,
        "page_obj": paginate(request, organisations),
        "filters": query_string_without_page(request),
    }
    return render(request, "annuaire/organisation_list.html", context)


def organisation_detail(request, slug):
    organisation = selectors.organisation_directory_get(slug=slug)
    viewer = directory_viewer(user=request.user)
    profile = getattr(organisation, "directory_profile", None)
    cards = selectors.person_directory_list(viewer=viewer, organisation=organisation)
    context = {
        "organisation": organisation,
        "fields": organisation_visible_fields(viewer=viewer, profile=profile),
        "people": selectors.person_entries(viewer=viewer, cards=cards[:100]),
        "can_manage": viewer.administers(organisation.pk),
        "has_services": organisation.services.exists(),
    }
    return render(request, "annuaire/organisation_detail.html", context)


@login_required
def organisation_edit(request, slug):
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_settings")
    profile = services.organisation_profile_get_or_create(organisation=organisation)
    form = OrganisationProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.organisation_profile_update(profile=profile, **form.cleaned_data)
        messages.success(request, _("The directory entry has been saved."))
        return redirect("annuaire:organisation_detail", slug=slug)
    return render(request, "annuaire/organisation_edit.html", {"organisation": organisation, "form": form})


def org_chart(request, slug, printable=False):
    organisation = selectors.organisation_directory_get(slug=slug)
    viewer = directory_viewer(user=request.user)
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
    page_obj = paginate(request, selectors.person_directory_list(viewer=viewer, query=query))
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


def person_vcard(request, card_id):
    viewer = directory_viewer(user=request.user)
    card, fields = selectors.person_card_get_for_viewer(viewer=viewer, card_id=card_id)
    text = vcard.person_vcard(first_name=card.user.first_name, last_name=card.user.last_name, fields=fields)
    return _vcard_response(text, f"{card.user.last_name or card.pk}.vcf")


def organisation_vcards(request, slug):
    """Every card of the organisation the viewer may see, with the organisation's own card first."""
    organisation = selectors.organisation_directory_get(slug=slug)
    viewer = directory_viewer(user=request.user)
    profile = getattr(organisation, "directory_profile", None)
    parts = [
        vcard.organisation_vcard(
            organisation=organisation, fields=organisation_visible_fields(viewer=viewer, profile=profile)
        )
    ]
    cards = selectors.person_directory_list(viewer=viewer, organisation=organisation)
    service_id = request.GET.get("service", "")
    if service_id.isdigit():
        cards = cards.filter(service_id=int(service_id))
    for entry in selectors.person_entries(viewer=viewer, cards=cards):
        user = entry["card"].user
        parts.append(vcard.person_vcard(first_name=user.first_name, last_name=user.last_name, fields=entry["fields"]))
    return _vcard_response("".join(parts), f"{organisation.slug}.vcf")


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
    exports.people_csv_write(response, entries=selectors.person_entries(viewer=viewer, cards=cards))
    return response


@login_required
def my_card(request):
    """Open the user's own card, creating it under their first organisation."""
    card = selectors.person_card_of(user=request.user)
    if card is None:
        membership = membership_list_for_user(user=request.user).first()
        if membership is None:
            raise Http404
        card = services.person_card_ensure(user=request.user, organisation=membership.organisation)
    return redirect("annuaire:person_edit", card_id=card.pk)


@login_required
def person_edit(request, card_id):
    viewer = directory_viewer(user=request.user)
    card = selectors.person_card_get_for_editor(viewer=viewer, card_id=card_id)
    form = PersonCardForm(request.POST or None, instance=card, limit=organisation_limit(card))
    if request.method == "POST" and form.is_valid():
        try:
            services.person_card_update(card=card, **{name: form.cleaned_data[name] for name in form.Meta.fields})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The card has been saved."))
            return redirect("annuaire:person_detail", card_id=card.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "annuaire/person_edit.html", {"card": card, "form": form}, status=status)


@login_required
def service_manage(request, slug):
    """The organisation's admins add, move and delete services; every form posts here and comes back."""
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_settings")
    create_form = ServiceCreateForm(organisation=organisation, prefix="create")
    move_form = ServiceMoveForm(organisation=organisation, prefix="move")
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        form = create_form = ServiceCreateForm(request.POST, organisation=organisation, prefix="create")
        if action == "move":
            form = move_form = ServiceMoveForm(request.POST, organisation=organisation, prefix="move")
            create_form = ServiceCreateForm(organisation=organisation, prefix="create")
        if form.is_valid():
            try:
                if action == "move":
                    services.service_move(**form.cleaned_data)
                else:
                    services.service_create(organisation=organisation, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The org chart has been saved."))
                return redirect("annuaire:service_manage", slug=slug)
        status = 400
    roots, _nodes = selectors.service_tree(organisation=organisation)
    context = {"organisation": organisation, "roots": roots, "create_form": create_form, "move_form": move_form}
    return render(request, "annuaire/service_manage.html", context, status=status)


@login_required
@require_POST
def service_delete(request, slug, service_id):
    organisation = organisation_get_for_member(user=request.user, slug=slug, action="manage_settings")
    service = selectors.service_get_in(organisation=organisation, service_id=service_id)
    services.service_delete(service=service)
    messages.success(request, _("The service %(name)s has been deleted.") % {"name": service.name})
    return redirect("annuaire:service_manage", slug=slug)


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
        report = context["report"] = importer.people_import_parse(data=data, service_names=service_names)
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
