"""Permission-aware reads of a session's day and after: certificates, the participant's feedback, the results.

Built on `session_get_for_viewer`: missing and forbidden both raise Http404.
"""

from dataclasses import dataclass

from django.db.models import Avg, Count
from django.http import Http404

from .models import Feedback, Registration, RegistrationStatus, TrainingSession
from .selectors import session_get_for_viewer


def _attended(registration: Registration | None) -> bool:
    return (
        registration is not None
        and registration.status == RegistrationStatus.REGISTERED
        and registration.present is True
    )


def registration_get_for_certificate(*, user, session_pk: int, registration_pk: int) -> Registration:
    """A present participant's registration, for themselves or for whoever runs the session; Http404 otherwise."""
    session = session_get_for_viewer(user=user, pk=session_pk, action="view")
    own = session.registration is not None and session.registration.pk == registration_pk
    if not (own or session.abilities["manage"]):
        raise Http404
    # The PDF names the participant and their organisation: read them with the registration.
    registration = (
        Registration.objects.select_related("user", "organisation").filter(session=session, pk=registration_pk).first()
    )
    if not _attended(registration):
        raise Http404
    registration.session = session
    return registration


def registration_get_for_feedback(*, user, session_pk: int) -> Registration:
    """The user's own registration in a session they attended (the feedback form is theirs only); else Http404.

    `registration.answered` tells whether they have already given their opinion."""
    session = session_get_for_viewer(user=user, pk=session_pk, action="view")
    registration = session.registration
    if not _attended(registration):
        raise Http404
    registration.session = session
    registration.answered = Feedback.objects.filter(registration=registration).exists()
    return registration


@dataclass(frozen=True)
class ScoreSummary:
    average: float | None
    # (score, number of answers, percentage of the answers) for scores 1 to 5.
    distribution: list[tuple[int, int, int]]


@dataclass(frozen=True)
class FeedbackResults:
    count: int
    rating: ScoreSummary
    usefulness: ScoreSummary
    comments: list[str]


def _summary(answers, field: str, average: float | None, count: int) -> ScoreSummary:
    counts = {row[field]: row["n"] for row in answers.values(field).annotate(n=Count("pk")).order_by()}
    distribution = [
        (score, counts.get(score, 0), round(100 * counts.get(score, 0) / count) if count else 0)
        for score in range(1, 6)
    ]
    return ScoreSummary(average=round(average, 1) if average is not None else None, distribution=distribution)


def feedback_results(*, session: TrainingSession) -> FeedbackResults:
    """The anonymous results of a session's feedback, for those who run it: counts, averages, comments."""
    answers = Feedback.objects.filter(registration__session=session)
    totals = answers.aggregate(count=Count("pk"), rating=Avg("rating"), usefulness=Avg("usefulness"))
    count = totals["count"]
    comments = list(answers.exclude(comment="").order_by("comment").values_list("comment", flat=True))
    return FeedbackResults(
        count=count,
        rating=_summary(answers, "rating", totals["rating"], count),
        usefulness=_summary(answers, "usefulness", totals["usefulness"], count),
        comments=comments,
    )


def registration_get_for_attendance(*, session: TrainingSession, pk) -> Registration:
    """A registered participant of a session the caller runs (checked by `session_get_for_viewer`); else Http404."""
    registration = (
        Registration.objects.filter(session=session, pk=pk, status=RegistrationStatus.REGISTERED)
        .select_related("user", "organisation")
        .first()
        if str(pk).isdigit()
        else None
    )
    if registration is None:
        raise Http404
    registration.session = session
    return registration
