"""Invitations to an event: inviting, answering from the site or from the e-mail's link, writing to attendees."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from extranet.core.middleware import recipient_language_activate

from .. import invitations, selectors
from ..forms import AnswerForm, AttendeesEmailForm, InviteForm


@require_POST
def event_invite(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action="invite")
    form = InviteForm(request.POST)
    if form.is_valid():
        addresses = form.addresses()
        users = list(get_user_model().objects.filter(email__in=addresses, is_active=True))
        unknown = sorted(set(addresses) - {user.email.lower() for user in users})
        try:
            created = invitations.event_invite(
                event=event,
                inviter=request.user,
                users=users,
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
            )
            messages.success(
                request,
                ngettext("%(count)s person invited.", "%(count)s people invited.", len(created))
                % {"count": len(created)},
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if unknown:
            messages.warning(request, _("No account with these addresses: %(list)s.") % {"list": ", ".join(unknown)})
    else:
        messages.error(request, _("The invitation form has errors."))
    return redirect(event.details.get_absolute_url())


@require_POST
def event_answer(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action="answer")
    form = AnswerForm(request.POST)
    if form.is_valid():
        invitations.invitation_answer(invitation=event.invitation, answer=form.cleaned_data["answer"])
        messages.success(request, _("Your answer has been recorded."))
    return redirect(event.details.get_absolute_url())


def rsvp(request, token):
    """The answer link of the e-mail: shows the answer, records it only when confirmed (mail scanners follow links)."""
    invitation = selectors.invitation_get_by_token(token=token)
    recipient_language_activate(request, language=invitation.user.preferred_language)
    done = False
    if request.method == "POST":
        invitations.invitation_answer(invitation=invitation, answer=invitation.proposed_answer)
        done = True
    return render(request, "agenda/rsvp.html", {"invitation": invitation, "event": invitation.event, "done": done})


@require_POST
def event_email(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action="invite")
    form = AttendeesEmailForm(request.POST)
    if form.is_valid():
        try:
            count = invitations.event_email_attendees(event=event, sender=request.user, **form.cleaned_data)
            messages.success(
                request,
                ngettext("Message sent to %(count)s person.", "Message sent to %(count)s people.", count)
                % {"count": count},
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Write a subject and a message."))
    return redirect(event.details.get_absolute_url())
