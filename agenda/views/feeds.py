"""Calendar feeds for phones and calendar applications, at addresses carrying the user's secret token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import ical, selectors, services


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def feeds(request):
    """The user's feed addresses (the personal one and one per calendar) and the button that resets them."""
    token = services.feed_token_get_or_create(user=request.user).token
    return render(
        request,
        "agenda/feeds.html",
        {"token": token, "calendars": selectors.calendar_list_for_viewer(user=request.user)},
    )


@login_required
@require_POST
def feed_reset(request):
    services.feed_token_reset(user=request.user)
    messages.success(request, _("Your feed addresses have changed: the former ones no longer work."))
    return redirect("agenda:feeds")


def my_agenda_feed(request, token):
    user = selectors.feed_user_get(token=token)
    events = selectors.my_agenda_events(user=user)
    invitations = selectors.my_invitations_by_event(user=user)
    return _ics(ical.calendar_ics(name=_("My agenda"), events=events, invitations=invitations), "mon-agenda.ics")


def calendar_feed(request, token, pk):
    """One calendar's feed, for the token's user if they may read it; Http404 otherwise."""
    user = selectors.feed_user_get(token=token)
    calendar = selectors.calendar_get_for_viewer(user=user, pk=pk)
    events = selectors.feed_events(calendars=[calendar])
    return _ics(ical.calendar_ics(name=calendar.name, events=events), f"agenda-{calendar.pk}.ics")
