"""Editing the directory: entries, cards, org charts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.organisations.selectors import membership_list_for_user, organisation_get_for_member

from .. import selectors, services
from ..forms import (
    OrganisationProfileForm,
    PersonCardForm,
    ServiceCreateForm,
    ServiceMoveForm,
)
from ..visibility import directory_viewer, organisation_limit


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


@login_required
def my_card(request):
    """Open the user's own card, creating it under their first organisation."""
    card = selectors.person_card_of(user=request.user)
    if card is None:
        membership = membership_list_for_user(user=request.user).first()
        if membership is None:
            # A platform administrator, or someone who has left every organisation: no card to open.
            messages.info(request, _("Your card is made when you join an organisation: you belong to none."))
            return redirect("annuaire:organisation_list")
        card = services.person_card_ensure(user=request.user, organisation=membership.organisation)
    return redirect("annuaire:person_edit", card_id=card.pk)


@login_required
def person_edit(request, card_id):
    viewer = directory_viewer(user=request.user)
    card = selectors.person_card_get_for_editor(viewer=viewer, card_id=card_id)
    form = PersonCardForm(request.POST or None, request.FILES or None, instance=card, limit=organisation_limit(card))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.person_card_update(card=card, **{name: form.cleaned_data[name] for name in form.Meta.fields})
                if form.cleaned_data["new_photo"] is not None:
                    services.person_card_photo_set(card=card, photo=form.cleaned_data["new_photo"])
                elif form.cleaned_data.get("remove_photo"):
                    services.person_card_photo_remove(card=card)
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
