"""Reads of procurement: public notices and contracts, and the questions each viewer may read or answer.

An unanswered question is seen by its asker and the notice's organisation editors only; `question_get_to_answer`
gives the same 404 for a missing question and another organisation's.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from extranet.organisations.models import Role
from extranet.organisations.selectors import user_roles
from extranet.public.feeds import FEED_SIZE

EDITING_ROLES = {Role.EDITOR, Role.ADMIN}


def procurement_notice_list_public(*, section=None) -> QuerySet:
    """Every live notice visitors may see (closed ones included), or those of one organisation's section."""
    from .pages import ProcurementNoticePage

    notices = ProcurementNoticePage.objects.live().public()
    return notices.child_of(section) if section is not None else notices


def procurement_notice_open_q(*, now=None) -> Q:
    """A notice is open until its deadline for offers."""
    return Q(offers_deadline__gt=now or timezone.now())


def procurement_notice_listing(*, notices: QuerySet) -> QuerySet:
    """The notices ready for a listing (open and closed ones), newest first."""
    return notices.select_related("organisation").order_by("-first_published_at", "title")


def procurement_notice_list_open(*, notices: QuerySet) -> QuerySet:
    return notices.filter(procurement_notice_open_q()).select_related("organisation")


def procurement_notice_feed_items(*, notices: QuerySet) -> QuerySet:
    return procurement_notice_list_open(notices=notices).order_by("-first_published_at", "title")[:FEED_SIZE]


def notice_document_list(*, notice) -> QuerySet:
    return notice.documents.select_related("document").order_by("sort_order")


def awarded_contract_list_public(*, organisation=None) -> QuerySet:
    """The live, public awarded contracts, with what the DECP export reads, in a constant number of queries."""
    from .contracts import AwardedContractPage

    contracts = AwardedContractPage.objects.live().public()
    if organisation is not None:
        contracts = contracts.filter(organisation=organisation)
    return (
        contracts.select_related("organisation", "notice")
        .prefetch_related("holders")
        .order_by("notification_date", "pk")
    )


def awarded_contract_list_for_notice(*, notice) -> QuerySet:
    return awarded_contract_list_public().child_of(notice)


def can_answer_questions(*, user, notice) -> bool:
    """The editors and administrators of the notice's organisation answer its questions."""
    return user_roles(user=user).get(notice.organisation_id) in EDITING_ROLES


def notice_abilities(*, notice, user) -> dict[str, bool]:
    """What the viewer may do on the notice's page, for its template."""
    return {
        "ask_question": not notice.is_closed,
        "answer_questions": can_answer_questions(user=user, notice=notice),
    }


def question_list_for_viewer(*, notice, user) -> list:
    """The questions shown on the notice: answered ones to all, unanswered ones to their asker and the editors."""
    questions = notice.questions.all()
    if not can_answer_questions(user=user, notice=notice):
        visible = Q(answered_at__isnull=False)
        if user.is_authenticated:
            visible |= Q(asked_by=user)
        questions = questions.filter(visible)
    return list(questions.order_by("asked_at", "pk"))


def question_list_to_answer(*, user) -> QuerySet:
    """The unanswered questions on the notices of the organisations the user edits, oldest first."""
    from .questions import NoticeQuestion

    organisations = [pk for pk, role in user_roles(user=user).items() if role in EDITING_ROLES]
    return (
        NoticeQuestion.objects.filter(notice__organisation__in=organisations, answered_at__isnull=True)
        .select_related("notice", "notice__organisation")
        .order_by("asked_at", "pk")
    )


def question_get_to_answer(*, user, pk: int):
    """The question if the user may answer it; Http404 if missing or forbidden alike."""
    from .questions import NoticeQuestion

    question = NoticeQuestion.objects.select_related("notice", "asked_by").filter(pk=pk).first()
    if question is None or not can_answer_questions(user=user, notice=question.notice):
        raise Http404
    return question


def notice_get_to_question(*, pk: int):
    """A live, public notice one may ask about; Http404 otherwise (a draft or a private page alike)."""
    notice = procurement_notice_list_public().filter(pk=pk).select_related("organisation").first()
    if notice is None:
        raise Http404
    return notice
