"""Acts, sessions and signed PDFs for the tests, made through the services (as the admin would)."""

import itertools
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.acts.act import VOTE_FIELDS
from extranet.acts.services import act_create, session_create
from extranet.core.demo_files import minimal_pdf

_numbers = itertools.count(1)


def signed_pdf(title="Délibération de test") -> bytes:
    return minimal_pdf([title, "Signé : Bernard Lemoine, maire"])


def act(section, *, publish=True, pdf=None, **overrides):
    """A deliberation of the section's organisation, published unless `publish=False`."""
    number = next(_numbers)
    fields = dict(
        title=f"Subvention à l'association des Amis de la Loire n° {number}",
        kind="deliberation",
        internal_id=f"2024-{number:03d}",
        adoption_date=date(2024, 3, 14),
        matter_code="7.5",
        signatory_name="Bernard Lemoine",
        signatory_title="maire",
        votes_theoretical=27,
        votes_actual=24,
        votes_for=20,
        votes_against=3,
        votes_abstention=1,
    )
    fields.update(overrides)
    return act_create(section=section, pdf_content=pdf or signed_pdf(fields["title"]), publish=publish, **fields)


def session(section, *, title="Conseil municipal du 14 mars 2024", on=date(2024, 3, 14)):
    return session_create(section=section, title=title, date=on, body="Conseil municipal")


def upload(content: bytes, name="deliberation.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def admin_add_url(section, model="actpage"):
    return reverse("wagtailadmin_pages:add", args=["acts", model, section.pk])


def admin_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _values_of(act_page) -> dict:
    """An existing act's values as its edit form shows them."""
    names = ["title", "slug", "kind", "internal_id", "matter_code", "budget_year", "budget_name"]
    names += ["signatory_name", "signatory_title", "prefecture_id", *VOTE_FIELDS]
    values = {name: "" if getattr(act_page, name) is None else str(getattr(act_page, name)) for name in names}
    return values | {"adoption_date": act_page.adoption_date.isoformat()}


def admin_form(*, pdf=None, publish=True, of=None, **overrides):
    """The POST data of the Wagtail editor of an act, as a browser sends it.

    With `of`, an existing act's own values are posted and its PDF kept (unless `pdf` is given).
    """
    data = {
        "title": "Attribution du marché de rénovation de l'école",
        "slug": "attribution-du-marche-de-renovation-de-l-ecole",
        "kind": "deliberation",
        "internal_id": "2024-015",
        "adoption_date": "2024-03-14",
        "session": "",
        "matter_code": "1.1",
        "budget_year": "2024",
        "budget_name": "Budget principal",
        "votes_theoretical": "27",
        "votes_actual": "23",
        "votes_for": "23",
        "votes_against": "0",
        "votes_abstention": "0",
        "signatory_name": "Bernard Lemoine",
        "signatory_title": "maire",
        "prefecture_id": "",
        "prefecture_date": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    if of is not None:
        data.update(_values_of(of))
        pdf = pdf or False
    if pdf is not False:
        data["signed_pdf"] = upload(pdf or signed_pdf(data["title"]))
    if publish:
        data["action-publish"] = "action-publish"
    data.update(overrides)
    return data
