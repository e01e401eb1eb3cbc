"""Reads of the notices as the public sees them, and of the sections' moderation setting.

Notices are public: the listings show live, non-restricted notices that have not expired (unless asked to).
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, WorkflowPage

from .pages import NoticePage, NoticeSectionPage

APPROVAL_WORKFLOW_NAME = "Validation par le Département"


def notice_not_expired_q(*, today=None) -> Q:
    """A notice stays listed up to and including its expiry date."""
    return Q(expiry_date__isnull=True) | Q(expiry_date__gte=today or timezone.localdate())


def _restricted_q(*, root: Page) -> Q:
    """Match the pages under a view restriction that applies below `root`.

    Wagtail's `public()` adds one condition per restriction of the whole site, and every private space has
    one; only the restrictions on `root`, its ancestors and its descendants matter here.
    """
    restricted_paths = PageViewRestriction.objects.filter(
        Q(page__path__startswith=root.path) | Q(page__in=root.get_ancestors())
    ).values_list("page__path", flat=True)
    condition = Q(pk__in=[])
    for restricted_path in restricted_paths:
        condition |= Q(path__startswith=restricted_path)
    return condition


def notice_list_public(*, root: Page, section=None, kind=None, year=None, include_expired=False):
    """The live, public notices under `root` (the index or a section), newest publication first."""
    notices = NoticePage.objects.live().descendant_of(section or root).exclude(_restricted_q(root=root))
    if kind:
        notices = notices.filter(kind=kind)
    if year:
        notices = notices.filter(publication_date__year=year)
    if not include_expired:
        notices = notices.filter(notice_not_expired_q())
    return notices.order_by("-publication_date", "-first_published_at", "-pk")


def notice_year_list(*, root: Page) -> list[int]:
    """The years in which notices under `root` were published, most recent first, for the year filter."""
    dates = (
        NoticePage.objects.live()
        .descendant_of(root)
        .exclude(_restricted_q(root=root))
        .dates("publication_date", "year", order="DESC")
    )
    return [date.year for date in dates]


def notice_section_list() -> list[NoticeSectionPage]:
    """Every live section with its organisation, by organisation name."""
    return list(NoticeSectionPage.objects.live().select_related("organisation").order_by("organisation__name"))


def notice_attach_sections(*, notices, sections) -> list[NoticePage]:
    """Give each notice its `section` and `organisation` from an already loaded list of sections (no query)."""
    sections_by_path = {section.path: section for section in sections}
    notices = list(notices)
    for notice in notices:
        notice.section = sections_by_path.get(notice.path[: -Page.steplen])
        notice.organisation = notice.section.organisation if notice.section else None
    return notices


def notice_section_of(*, notice: NoticePage) -> NoticeSectionPage | None:
    return NoticeSectionPage.objects.parent_of(notice).select_related("organisation").first()


def notice_attachment_list(*, notice: NoticePage):
    return notice.attachments.select_related("document").order_by("sort_order")


def notice_library_attachment_list(*, notice: NoticePage) -> list:
    """The notice's library documents that anyone may download now, each as `public_document`; the others left out."""
    from documents.selectors import document_list_public

    attachments = sorted(notice.library_attachments.all(), key=lambda item: item.sort_order or 0)
    public = document_list_public(pks=[item.document_id for item in attachments])
    for item in attachments:
        item.public_document = public.get(item.document_id)
    return [item for item in attachments if item.public_document]


def notice_section_requires_approval(*, section: NoticeSectionPage) -> bool:
    """Tell whether the section's notices go through the département's approval workflow."""
    return WorkflowPage.objects.filter(page=section, workflow__name=APPROVAL_WORKFLOW_NAME).exists()
