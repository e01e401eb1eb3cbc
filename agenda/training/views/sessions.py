"""The training sessions' list, and creating or changing a session; every write goes through the services."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

from agenda import selectors as agenda_selectors
from extranet.core.forms import form_add_service_error
from extranet.sandbox.selectors import user_is_trainer

from .. import selectors, services
from ..forms import SessionForm


def _local(value):
    return value.astimezone(get_default_timezone()).strftime("%Y-%m-%dT%H:%M")


@login_required
def session_list(request):
    calendars = [c for c in agenda_selectors.calendar_list_for_viewer(user=request.user) if c.abilities["add_event"]]
    return render(
        request,
        "training/session_list.html",
        {
            "sessions": selectors.session_list_for_viewer(user=request.user),
            "calendars": calendars,
            "is_trainer": user_is_trainer(user=request.user),
        },
    )


def _save(form, save):
    if not form.is_valid():
        return None
    try:
        return save(form)
    except ValidationError as error:
        form_add_service_error(form, error)
        return None


def _form_page(request, *, calendar, form, session=None):
    return render(request, "training/session_form.html", {"calendar": calendar, "form": form, "session": session})


@login_required
def session_create(request, pk):
    calendar = agenda_selectors.calendar_get_for_viewer(user=request.user, pk=pk, action="add_event")
    organisations = agenda_selectors.author_organisations(user=request.user, calendar=calendar)
    if not organisations:
        raise Http404
    by_id = {organisation.pk: organisation for organisation in organisations}
    options = {
        "organisations": organisations,
        "user": request.user,
        "trainers": selectors.trainer_choices(user=request.user),
    }
    if request.method == "POST":
        form = SessionForm(request.POST, **options)

        def save(form):
            organisation = by_id.get(form.cleaned_data["organisation"] or organisations[0].pk)
            if organisation is None:
                raise ValidationError(_("Choose an organisation."))
            return services.session_create(
                calendar=calendar, organisation=organisation, user=request.user, **form.session_fields()
            )

        session = _save(form, save)
        if session is not None:
            messages.success(request, _("The training session has been created."))
            return redirect(session.get_absolute_url())
    else:
        now = timezone.localtime(timezone=get_default_timezone())
        start = now.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=30)
        form = SessionForm(
            initial={
                "organisation": organisations[0].pk,
                "start": start,
                "end": start + timedelta(hours=8),
                "registration_deadline": start - timedelta(days=7),
                "trainer": request.user.pk,
                "capacity": 12,
            },
            **options,
        )
    return _form_page(request, calendar=calendar, form=form)


@login_required
def session_update(request, pk):
    session = selectors.session_get_for_viewer(user=request.user, pk=pk, action="manage")
    event = session.event
    agenda_selectors.event_get_for_viewer(user=request.user, pk=event.pk, action="edit")
    options = {
        "organisations": [event.details.organisation],
        "user": request.user,
        "trainers": selectors.trainer_choices(user=request.user, current=session.trainer),
    }
    if request.method == "POST":
        form = SessionForm(request.POST, **options)
        saved = _save(
            form, lambda form: services.session_update(session=session, user=request.user, **form.session_fields())
        )
        if saved is not None:
            messages.success(request, _("The training session has been changed."))
            return redirect(session.get_absolute_url())
    else:
        end = event.end - timedelta(days=1) if event.details.all_day else event.end
        form = SessionForm(
            initial={
                "organisation": event.details.organisation_id,
                "title": event.title,
                "start": _local(event.start),
                "end": _local(end),
                "all_day": event.details.all_day,
                "place": event.details.place,
                "visio_url": event.details.visio_url,
                "description": event.description,
                "trainer": session.trainer_id,
                "capacity": session.capacity,
                "registration_deadline": _local(session.registration_deadline),
                "prerequisites": session.prerequisites,
                "audience_roles": session.audience_roles,
                "audience_kinds": session.audience_kinds,
                "materials": list(session.materials.values_list("pk", flat=True)),
            },
            **options,
        )
    return _form_page(request, calendar=event.calendar.agenda, form=form, session=session)
