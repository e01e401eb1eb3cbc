"""Registering for a session (oneself, or a member by their organisation's admin), cancelling, and the list of
registrations and waiting list for those who run the session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import RegisterMemberForm
from ..models import Registration, RegistrationStatus


def _tell(request, registration) -> None:
    if registration.status == RegistrationStatus.WAITING:
        messages.warning(
            request,
            _("The session is full: you are on the waiting list. You will receive an e-mail if a seat frees up."),
        )
    else:
        messages.success(request, _("You are registered. A confirmation has been sent by e-mail."))


@login_required
@require_POST
def register(request, pk):
    session = selectors.session_get_for_viewer(user=request.user, pk=pk)
    organisations = selectors.registration_organisations(user=request.user)
    if not organisations:
        raise Http404
    chosen = next((o for o in organisations if str(o.pk) == request.POST.get("organisation")), organisations[0])
    try:
        registration = services.registration_create(
            session=session, user=request.user, organisation=chosen, registered_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _tell(request, registration)
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def cancel(request, pk):
    session = selectors.session_get_for_viewer(user=request.user, pk=pk)
    if session.registration is None or session.registration.status == RegistrationStatus.CANCELLED:
        # The button pressed twice, or in a second tab: the registration is already gone.
        messages.info(request, _("You have no registration to cancel for this session."))
        return redirect(session.get_absolute_url())
    try:
        services.registration_cancel(registration=session.registration, by=request.user)
    except ValidationError as error:  # cancelled meanwhile from another tab, or the session has started
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect(session.get_absolute_url())


@login_required
def register_member(request, pk):
    session = selectors.session_get_for_viewer(user=request.user, pk=pk)
    memberships = selectors.member_choices_for_admin(user=request.user)
    if not memberships.exists():
        raise Http404
    form = RegisterMemberForm(request.POST or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data["membership"]
        try:
            registration = services.registration_create(
                session=session, user=membership.user, organisation=membership.organisation, registered_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if registration.status == RegistrationStatus.WAITING:
                message = _("The session is full: %(name)s is on the waiting list.")
            else:
                message = _("%(name)s is registered.")
            messages.success(request, message % {"name": membership.user.full_name})
            return redirect(session.get_absolute_url())
    return render(request, "training/register_member.html", {"session": session, "form": form})


@login_required
def registration_list(request, pk):
    session = selectors.session_get_for_viewer(user=request.user, pk=pk, action="manage")
    registrations = selectors.registration_list_for_session(session=session)
    by_status = {status: [r for r in registrations if r.status == status] for status in RegistrationStatus.values}
    return render(
        request,
        "training/registration_list.html",
        {
            "session": session,
            "registered": by_status[RegistrationStatus.REGISTERED],
            "waiting": by_status[RegistrationStatus.WAITING],
            "cancelled": by_status[RegistrationStatus.CANCELLED],
        },
    )


@login_required
@require_POST
def registration_cancel(request, pk, registration_pk):
    """Those who run the session cancel someone's registration (a seat given up by phone, say)."""
    session = selectors.session_get_for_viewer(user=request.user, pk=pk, action="manage")
    registration = get_object_or_404(Registration, session=session, pk=registration_pk)
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The registration of %(name)s has been cancelled.") % {"name": registration.user.full_name}
        )
    return redirect("agenda:training:registrations", pk=session.pk)
