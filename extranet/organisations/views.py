"""Front-end management of an organisation's members, invitations and settings."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts.forms import SignupForm
from extranet.accounts.views import complete_login
from extranet.core.forms import form_add_service_error
from extranet.core.ratelimit import rate_limit

from . import selectors, services
from .forms import InvitationForm, OrganisationSettingsForm, RoleForm
from .models import Role


@login_required
def member_list(request, slug):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug)
    abilities = selectors.organisation_get_abilities(user=request.user, organisation=organisation)
    context = {
        "organisation": organisation,
        "abilities": abilities,
        "memberships": selectors.membership_list_for_organisation(organisation=organisation),
        "roles": Role.choices,
    }
    if abilities["manage_members"]:
        context["invitations"] = selectors.invitation_list_pending(organisation=organisation)
        context["invitation_form"] = InvitationForm()
    return render(request, "organisations/member_list.html", context)


@login_required
@rate_limit("invitation")
@require_POST
def invitation_create(request, slug):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=Role(form.cleaned_data["role"]),
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("The invitation has been sent to %(email)s.") % form.cleaned_data)
            return redirect("organisations:member_list", slug=slug)
    context = {
        "organisation": organisation,
        "abilities": selectors.organisation_get_abilities(user=request.user, organisation=organisation),
        "memberships": selectors.membership_list_for_organisation(organisation=organisation),
        "invitations": selectors.invitation_list_pending(organisation=organisation),
        "invitation_form": form,
        "roles": Role.choices,
    }
    return render(request, "organisations/member_list.html", context, status=400)


@login_required
@rate_limit("invitation")
@require_POST
def invitation_resend(request, slug, invitation_id):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    invitation = selectors.invitation_get_in(organisation=organisation, invitation_id=invitation_id)
    try:
        services.invitation_create(
            organisation=organisation, email=invitation.email, role=Role(invitation.role), invited_by=request.user
        )
    except ValidationError as error:
        # For instance, the invited person accepted meanwhile and is a member now.
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("A new invitation has been sent to %(email)s.") % {"email": invitation.email})
    return redirect("organisations:member_list", slug=slug)


@login_required
@require_POST
def invitation_revoke(request, slug, invitation_id):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    invitation = selectors.invitation_get_in(organisation=organisation, invitation_id=invitation_id)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email})
    return redirect("organisations:member_list", slug=slug)


@login_required
@require_POST
def membership_role(request, slug, membership_id):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    membership = selectors.membership_get_in(organisation=organisation, membership_id=membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the proposed roles."))
        return redirect("organisations:member_list", slug=slug)
    try:
        services.membership_change_role(membership=membership, role=Role(form.cleaned_data["role"]))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": membership.user.full_name, "role": Role(form.cleaned_data["role"]).label},
        )
    return redirect("organisations:member_list", slug=slug)


@login_required
def membership_remove(request, slug, membership_id):
    """Confirm, then remove a member; admins remove anyone, members may leave by themselves."""
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug)
    membership = selectors.membership_get_in(organisation=organisation, membership_id=membership_id)
    is_self = membership.user_id == request.user.pk
    if not is_self:
        selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_members")
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("organisations:member_list", slug=slug)
        if is_self:
            messages.success(request, _("You have left %(organisation)s.") % {"organisation": organisation.name})
            return redirect("core:dashboard")
        messages.success(
            request, _("%(name)s has been removed from the organisation.") % {"name": membership.user.full_name}
        )
        return redirect("organisations:member_list", slug=slug)
    return render(
        request,
        "organisations/membership_remove.html",
        {"organisation": organisation, "membership": membership, "is_self": is_self},
    )


@login_required
def organisation_settings(request, slug):
    organisation = selectors.organisation_get_for_member(user=request.user, slug=slug, action="manage_settings")
    form = OrganisationSettingsForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update_settings(
                organisation=organisation,
                user=request.user,
                article=form.cleaned_data["article"],
                require_two_factor=form.cleaned_data["require_two_factor"],
                siren=form.cleaned_data["siren"],
                siret=form.cleaned_data["siret"],
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("organisations:settings", slug=slug)
    return render(request, "organisations/organisation_settings.html", {"organisation": organisation, "form": form})


def invitation_accept(request, token):
    """Show an invitation and let the invited person join: with their account, or by creating one."""
    try:
        invitation = services.invitation_get_by_token(token=token)
    except ValidationError as error:
        return render(request, "organisations/invitation_invalid.html", {"error": error.messages[0]}, status=410)
    context = {"invitation": invitation}
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.invitation_accept(token=token, user=request.user)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                return _welcome(request, invitation, redirect(invitation.organisation.space_page.url))
        return render(request, "organisations/invitation_accept.html", context)
    if get_user_model().objects.filter(email__iexact=invitation.email).exists():
        context["login_url"] = f"{reverse('accounts:login')}?{urlencode({'next': request.path})}"
        return render(request, "organisations/invitation_accept.html", context)
    form = context["signup_form"] = SignupForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept_with_signup(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            response = complete_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _welcome(request, invitation, response)
    return render(request, "organisations/invitation_accept.html", context)


def _welcome(request, invitation, response):
    messages.success(request, _("Welcome to %(organisation)s!") % {"organisation": invitation.organisation.name})
    return response
