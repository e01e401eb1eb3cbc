"""axe-core finds no WCAG 2.1 A/AA violation on the procurement listing and a notice with its questions."""

import pprint

import pytest
from playwright.sync_api import expect

from extranet.procurement.services import question_answer, question_ask
from tests.organisations.factories import OrganisationFactory, membership
from tests.procurement.factories import closed_notice, notice

# serialized_rollback: the live server's transactional database keeps the pages created by the migrations.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_procurement_listing_and_notice(page, live_server, axe):
    """The open filter leaves the closed notice out; the notice page shows its answered question."""
    jargeau = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    cantine = notice(jargeau, title="Denrées pour la cantine", nature="fournitures", cpv_code="15800000-6")
    closed_notice(jargeau, title="Toiture de l'école")
    editor = membership(jargeau, role="editor").user
    asker = membership(OrganisationFactory(), role="member").user
    question = question_ask(notice=cantine, user=asker, text="Les produits bio sont-ils exigés ?")
    question_answer(user=editor, pk=question.pk, answer="Oui, à hauteur de 20 %.")

    page.goto(live_server.url + "/marches-publics/")
    page.get_by_label("Statut").select_option("ouvert")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.get_by_role("heading", level=2, name="1 avis")).to_be_visible()
    assert_no_violations(axe, page)

    page.get_by_role("link", name="Denrées pour la cantine").click()
    expect(page.get_by_text("Oui, à hauteur de 20 %.")).to_be_visible()
    assert_no_violations(axe, page)
