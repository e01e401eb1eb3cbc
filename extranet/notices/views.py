"""What the notices' routable pages serve: the listing's context and the Atom feeds."""

from django.utils.translation import gettext as _

from extranet.public.feeds import FEED_SIZE
from extranet.public.listing import paginate, query_string_without_page

from .feeds import NoticeFeed
from .forms import NoticeFilterForm
from .pages import NoticeIndexPage
from .selectors import notice_attach_sections, notice_list_public, notice_section_list, notice_year_list


def _sections_shown(page) -> list:
    """The index lists every section's notices; a section its own."""
    return notice_section_list() if isinstance(page, NoticeIndexPage) else [page]


def notice_feed_title(page) -> str:
    if isinstance(page, NoticeIndexPage):
        return page.title
    return _("Notices of %(organisation)s") % {"organisation": page.organisation.name}


def notice_listing_context(request, *, page) -> dict:
    """The filter form, the requested page of notices (each with its section) and the feed's title."""
    sections = _sections_shown(page)
    organisations = [(section.organisation.slug, section.organisation.name) for section in sections]
    form = NoticeFilterForm(
        request.GET,
        years=notice_year_list(root=page),
        organisations=organisations if isinstance(page, NoticeIndexPage) else None,
    )
    filters = form.filters()
    chosen = next((section for section in sections if section.organisation.slug == filters.get("organisation")), None)
    notices = notice_list_public(
        root=page,
        section=chosen,
        kind=filters.get("kind"),
        year=filters.get("year"),
        include_expired=filters.get("show_expired", False),
    )
    page_obj = paginate(request, notices)
    page_obj.object_list = notice_attach_sections(notices=page_obj.object_list, sections=sections)
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "filters": query_string_without_page(request),
        "feed_title": notice_feed_title(page),
    }


def notice_feed_response(request, *, page):
    """The Atom feed of the live, unexpired notices under `page`."""
    notices = notice_attach_sections(notices=notice_list_public(root=page)[:FEED_SIZE], sections=_sections_shown(page))
    return NoticeFeed(page=page, title=notice_feed_title(page), notices=notices)(request)
