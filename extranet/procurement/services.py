"""Writes of procurement: sections, notices, awarded contracts and questions, always through these functions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.core.richtext import page_rich_text_clean
from extranet.core.services import email_enqueue
from extranet.organisations.services import organisation_section_page

from .contracts import AwardedContractPage, ContractHolder
from .forms import QUESTION_MAX_LENGTH
from .pages import ProcurementIndexPage, ProcurementNoticeDocument, ProcurementNoticePage, ProcurementSectionPage
from .questions import NoticeQuestion
from .selectors import question_get_to_answer


def procurement_section_provision(*, organisation) -> ProcurementSectionPage:
    """Give the organisation its section of /marches-publics/ (kept in step with its name); every body buys."""
    return organisation_section_page(
        organisation=organisation, parent=ProcurementIndexPage.objects.get(), page_class=ProcurementSectionPage
    )


def _publish(*, parent, page, publish: bool):
    page_rich_text_clean(page)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


@transaction.atomic
def procurement_notice_create(
    *, section: ProcurementSectionPage, title: str, publish: bool = True, published_at=None, documents=(), **fields
) -> ProcurementNoticePage:
    """Create a notice in the organisation's section (published unless told otherwise).

    `published_at` records a notice published before (the demo data): its deadline may then be past.
    `documents` are (Wagtail document, link text) pairs of the consultation file. Bad input raises ValidationError.
    """
    notice = ProcurementNoticePage(
        title=title, organisation=section.organisation, live=publish, first_published_at=published_at, **fields
    )
    for document, label in documents:
        attachment = ProcurementNoticeDocument(document=document, label=label)
        attachment.full_clean(exclude=["page"])
        notice.documents.add(attachment)
    return _publish(parent=section, page=notice, publish=publish)


@transaction.atomic
def awarded_contract_create(
    *, notice: ProcurementNoticePage, title: str, holders: list[tuple[str, str]], publish: bool = True, **fields
) -> AwardedContractPage:
    """Record a contract awarded under the notice; `holders` are (name, SIRET) pairs, at least one."""
    if not holders:
        raise ValidationError(_("Name at least one holder of the contract."))
    contract = AwardedContractPage(
        title=title, notice=notice, organisation_id=notice.organisation_id, live=publish, **fields
    )
    for name, siret in holders:
        holder = ContractHolder(name=name, siret=siret)
        holder.full_clean(exclude=["page"])
        contract.holders.add(holder)
    return _publish(parent=notice, page=contract, publish=publish)


@transaction.atomic
def question_ask(*, notice: ProcurementNoticePage, user, text: str) -> NoticeQuestion:
    """Record a member's question on an open notice."""
    text = text.strip()
    if notice.is_closed:
        raise ValidationError(_("This notice is closed: questions can no longer be asked."), code="notice_closed")
    if not text:
        raise ValidationError(_("Write your question."), code="empty_question")
    if len(text) > QUESTION_MAX_LENGTH:
        raise ValidationError(_("Your question is too long."), code="question_too_long")
    return NoticeQuestion.objects.create(notice=notice, asked_by=user, text=text)


@transaction.atomic
def question_answer(*, user, pk: int, answer: str) -> NoticeQuestion:
    """Publish the answer of one of the organisation's editors (Http404 for anyone else) and e-mail the asker."""
    question_get_to_answer(user=user, pk=pk)
    # Locked, so that two editors answering at once cannot overwrite each other's answer.
    question = NoticeQuestion.objects.select_for_update().select_related("notice", "asked_by").get(pk=pk)
    answer = answer.strip()
    if not answer:
        raise ValidationError(_("Write the answer."), code="empty_answer")
    if question.is_answered:
        raise ValidationError(_("This question has already been answered."), code="already_answered")
    question.answer = answer
    question.answered_by = user
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    asker = question.asked_by
    if asker.email and asker.is_active:
        email_enqueue(
            to=asker.email,
            template="procurement/email/question_answered",
            language=getattr(asker, "preferred_language", None),
            context={
                "title": question.notice.title,
                "question": question.text,
                "answer": answer,
                "url": settings.SITE_URL.rstrip("/") + question.notice.url,
            },
        )
    return question


@transaction.atomic
def procurement_page_parent_sync(*, page) -> None:
    """After a move, a notice belongs to its new section's organisation, and a contract to its new notice's.

    The contracts below a moved notice follow it: the DECP export names their buyer from these fields.
    """
    parent = page.get_parent().specific
    if isinstance(page, ProcurementNoticePage):
        if page.organisation_id != parent.organisation_id:
            page.organisation = parent.organisation
            page.save(update_fields=["organisation"])
            AwardedContractPage.objects.filter(notice=page).update(organisation=parent.organisation)
    elif isinstance(page, AwardedContractPage) and page.notice_id != parent.pk:
        page.notice = parent
        page.organisation_id = parent.organisation_id
        page.save(update_fields=["notice", "organisation"])
