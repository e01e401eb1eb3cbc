"""Writes of the acts: sections, sessions and acts are Wagtail pages, created and published here."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from extranet.core.richtext import page_rich_text_clean
from extranet.organisations.services import organisation_section_page

from .models import ActPage, ActSectionPage, SessionPage
from .selectors import act_index_get

SLUG_LENGTH = 100
# Set by add_child(), after validation.
TREE_FIELDS = ["path", "depth", "numchild", "url_path"]


def act_section_provision(*, organisation) -> ActSectionPage | None:
    """Give the organisation its section under /actes/ (kept in step with its name); None without an index."""
    index = act_index_get()
    if index is None:
        return None
    return organisation_section_page(organisation=organisation, parent=index, page_class=ActSectionPage)


@transaction.atomic
def session_create(*, section: ActSectionPage, title: str, date, body: str, intro: str = "") -> SessionPage:
    """Create and publish a council session in the organisation's section."""
    session = SessionPage(
        title=title, slug=_slug(title), date=date, body=body, intro=intro, organisation=section.organisation
    )
    return _add_and_publish(parent=section, page=session, publish=True)


@transaction.atomic
def act_create(*, section: ActSectionPage, pdf_content: bytes, publish: bool = True, **fields) -> ActPage:
    """Create an act in the organisation's section with its signed PDF; validated as in the admin, then published.

    `fields` are ActPage's own fields (title, kind, internal_id, adoption_date, matter_code, votes...).
    """
    act = ActPage(
        organisation=section.organisation,
        slug=_slug(f"{fields['internal_id']} {fields['title']}"),
        signed_pdf=ContentFile(pdf_content, name="acte.pdf"),
        **fields,
    )
    return _add_and_publish(parent=section, page=act, publish=publish)


def _slug(text: str) -> str:
    return slugify(text)[:SLUG_LENGTH].strip("-")


def _add_and_publish(*, parent, page, publish: bool):
    """Validate the page as the admin would, then add it under `parent` (which stores its files) and publish it."""
    page_rich_text_clean(page)
    page.full_clean(exclude=TREE_FIELDS)
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision(clean=False)
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
