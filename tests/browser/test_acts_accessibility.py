"""axe-core finds no WCAG 2.1 A/AA violation on the public pages of the acts, on a desktop and a phone."""

import pprint
from datetime import date

import pytest
from playwright.sync_api import expect

from extranet.acts.models import ActSectionPage
from extranet.acts.services import act_create, session_create
from extranet.core.demo_files import minimal_pdf
from tests.organisations.factories import OrganisationFactory

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, /actes/).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def published():
    """Jargeau's section with a council session and two deliberations of it."""
    jargeau = OrganisationFactory(
        kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", siren="214501736", siret="21450173600018"
    )
    section = ActSectionPage.objects.get(organisation=jargeau)
    council = session_create(
        section=section, title="Conseil municipal du 14 mars 2024", date=date(2024, 3, 14), body="Conseil municipal"
    )
    acts = [
        act_create(
            section=section,
            pdf_content=minimal_pdf([title]),
            title=title,
            kind="deliberation",
            internal_id=number,
            adoption_date=date(2024, 3, 14),
            matter_code=matter,
            session=council,
            budget_year="2024",
            budget_name="Budget principal",
            signatory_name="Bernard Lemoine",
            signatory_title="maire",
            votes_theoretical=27,
            votes_actual=24,
            votes_for=20,
            votes_against=3,
            votes_abstention=1,
        )
        for number, title, matter in (
            ("2024-012", "Vote du budget primitif 2024 de la commune", "7.1"),
            ("2024-014", "Attribution des subventions aux associations pour 2024", "7.5"),
        )
    ]
    return {"section": section, "session": council, "act": acts[0]}


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("which", ["index", "section", "act", "session"])
def test_acts_pages_have_no_violation(new_page, live_server, axe, published, which, width):
    """The index, a section, an act and a session pass axe-core, at desktop and phone widths, without overflow."""
    urls = {
        "index": "/actes/?matter=7",
        "section": published["section"].url,
        "act": published["act"].url,
        "session": published["session"].url,
    }
    page = new_page(width=width)

    page.goto(live_server.url + urls[which])

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(axe, page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
