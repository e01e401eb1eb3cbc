"""Creating, reading and changing events and single occurrences; every write goes through the services."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import AnswerForm, AttendeesEmailForm, EventForm, InviteForm, OccurrenceForm
from ..training import selectors as training_selectors


def _local(value: datetime) -> str:
    return value.astimezone(get_default_timezone()).strftime("%Y-%m-%dT%H:%M")


def _form_data_with_room(request):
    """The posted form with a new meeting room address in place of the link ("create a meeting room" button)."""
    data = request.POST.copy()
    try:
        data["visio_url"] = services.visio_room_url()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return data


def _save_event(request, form, save):
    """Run the service on a valid form; its refusals are shown on the form. Returns the event or None."""
    if not form.is_valid():
        return None
    try:
        return save(form)
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _form_page(request, *, calendar, form, event=None):
    context = {"calendar": calendar, "form": form, "event": event, "visio_enabled": bool(settings.VISIO_BASE_URL)}
    return render(request, "agenda/event_form.html", context)


def event_create(request, pk):
    calendar = selectors.calendar_get_for_viewer(user=request.user, pk=pk, action="add_event")
    organisations = selectors.author_organisations(user=request.user, calendar=calendar)
    if not organisations:
        raise Http404
    by_id = {organisation.pk: organisation for organisation in organisations}
    attachments = selectors.attachment_choices(organisations=organisations)
    if request.method == "POST" and "create_room" in request.POST:
        form = EventForm(_form_data_with_room(request), organisations=organisations, attachments=attachments)
        form.errors.clear()
    elif request.method == "POST":
        form = EventForm(request.POST, organisations=organisations, attachments=attachments)

        def save(form):
            organisation = by_id.get(form.cleaned_data["organisation"] or organisations[0].pk)
            if organisation is None:
                raise ValidationError(_("Choose an organisation."))
            return services.event_create(
                calendar=calendar, organisation=organisation, user=request.user, **form.event_fields()
            )

        event = _save_event(request, form, save)
        if event is not None:
            messages.success(request, _("The event has been created."))
            return redirect(event.details.get_absolute_url())
    else:
        now = timezone.localtime(timezone=get_default_timezone())
        start = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        form = EventForm(
            organisations=organisations,
            attachments=attachments,
            initial={"organisation": organisations[0].pk, "start": start, "end": start + timedelta(hours=1)},
        )
    return _form_page(request, calendar=calendar, form=form)


def event_detail(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk)
    now = timezone.now()
    occurrences = selectors.event_next_occurrences(event=event, after=now) if event.rule_id else []
    session = training_selectors.session_for_event_page(event=event, user=request.user)
    return render(
        request,
        "agenda/event_detail.html",
        {
            "event": event,
            "calendar": event.calendar.agenda,
            "abilities": event.abilities,
            "recurrence": services.Recurrence.of(event),
            "occurrences": occurrences,
            "attachments": selectors.event_attachments_for_viewer(event=event, user=request.user),
            "invitations": selectors.invitation_list_for_event(event=event) if event.abilities["invite"] else [],
            "invite_form": InviteForm() if event.abilities["invite"] else None,
            "email_form": AttendeesEmailForm() if event.abilities["invite"] else None,
            "answer_form": AnswerForm(initial={"answer": event.invitation.answer}) if event.invitation else None,
            "session": session,
            "my_organisations": training_selectors.registration_organisations(user=request.user) if session else [],
        },
    )


def event_update(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action="edit")
    if training_selectors.session_exists(event=event):
        # A training session never repeats: it is changed by its own form, without the repetition fields.
        return redirect("agenda:training:update", pk=event.pk)
    organisations = [event.details.organisation]
    attachments = selectors.attachment_choices(organisations=organisations)
    if request.method == "POST" and "create_room" in request.POST:
        form = EventForm(_form_data_with_room(request), organisations=organisations, attachments=attachments)
        form.errors.clear()
    elif request.method == "POST":
        form = EventForm(request.POST, organisations=organisations, attachments=attachments)
        saved = _save_event(
            request, form, lambda form: services.event_update(event=event, user=request.user, **form.event_fields())
        )
        if saved is not None:
            messages.success(request, _("The event has been changed."))
            return redirect(event.details.get_absolute_url())
    else:
        recurrence = services.Recurrence.of(event)
        end = event.end - timedelta(days=1) if event.details.all_day else event.end
        form = EventForm(
            organisations=organisations,
            attachments=attachments,
            initial={
                "organisation": event.details.organisation_id,
                "category": event.details.category,
                "attachments": list(event.details.attachments.values_list("pk", flat=True)),
                "title": event.title,
                "start": _local(event.start),
                "end": _local(end),
                "all_day": event.details.all_day,
                "place": event.details.place,
                "visio_url": event.details.visio_url,
                "description": event.description,
                "frequency": recurrence.frequency if recurrence else "",
                "interval": recurrence.interval if recurrence else 1,
                "until": recurrence.until if recurrence else None,
                "count": recurrence.count if recurrence else None,
            },
        )
    return _form_page(request, calendar=event.calendar.agenda, form=form, event=event)


def event_delete(request, pk):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action="edit")
    calendar = event.calendar.agenda
    if request.method == "POST":
        services.event_delete(event=event, user=request.user)
        messages.success(request, _("The event has been deleted."))
        return redirect(calendar.get_absolute_url())
    return render(request, "agenda/event_delete.html", {"event": event, "calendar": calendar})


def _occurrence(request, pk, stamp, action="edit"):
    event = selectors.event_get_for_viewer(user=request.user, pk=pk, action=action)
    try:
        original_start = datetime.fromtimestamp(stamp, get_default_timezone())
    except (OverflowError, OSError, ValueError):
        raise Http404 from None
    return event, original_start, selectors.event_occurrence_at(event=event, original_start=original_start)


def occurrence_update(request, pk, stamp):
    event, original_start, occurrence = _occurrence(request, pk, stamp)
    if request.method == "POST":
        form = OccurrenceForm(request.POST)
        saved = _save_event(
            request,
            form,
            lambda form: services.occurrence_update(
                event=event, original_start=original_start, user=request.user, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("This occurrence has been changed."))
            return redirect(event.details.get_absolute_url())
    else:
        form = OccurrenceForm(
            initial={
                "title": occurrence.title,
                "start": _local(occurrence.start),
                "end": _local(occurrence.end),
                "description": occurrence.description,
            }
        )
    return render(
        request, "agenda/occurrence_form.html", {"event": event, "occurrence": occurrence, "form": form, "stamp": stamp}
    )


@require_POST
def occurrence_cancel(request, pk, stamp):
    event, original_start, _occurrence_found = _occurrence(request, pk, stamp)
    services.occurrence_cancel(event=event, original_start=original_start, user=request.user)
    messages.success(request, _("This occurrence has been cancelled."))
    return redirect(event.details.get_absolute_url())


@require_POST
def occurrence_restore(request, pk, stamp):
    event, original_start, _occurrence_found = _occurrence(request, pk, stamp)
    services.occurrence_restore(event=event, original_start=original_start, user=request.user)
    messages.success(request, _("This occurrence has been restored."))
    return redirect(event.details.get_absolute_url())
