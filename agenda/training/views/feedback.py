"""After the session: the participant's short feedback form and, for the trainer, the anonymous results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..attendance import feedback_submit
from ..forms_run import FeedbackForm
from ..selectors import session_get_for_viewer
from ..selectors_run import feedback_results as results_of
from ..selectors_run import registration_get_for_feedback


@login_required
def feedback(request, pk):
    registration = registration_get_for_feedback(user=request.user, session_pk=pk)
    session = registration.session
    started = session.event.start <= timezone.now()
    open_ = started and session.feedback_open and not registration.answered
    form = FeedbackForm(request.POST if request.method == "POST" and open_ else None)
    if form.is_bound and form.is_valid():
        try:
            feedback_submit(registration=registration, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you, your opinion has been recorded."))
            return redirect("agenda:training:feedback", pk=session.pk)
    context = {
        "session": session,
        "event": session.event,
        "registration": registration,
        "form": form,
        "started": started,
        "open": open_,
    }
    return render(request, "training/feedback_form.html", context)


@login_required
def feedback_results(request, pk):
    session = session_get_for_viewer(user=request.user, pk=pk, action="manage")
    context = {"session": session, "event": session.event, "results": results_of(session=session)}
    return render(request, "training/feedback_results.html", context)
