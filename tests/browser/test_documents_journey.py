"""A library in a real browser: a member uploads two files with a progress bar each, then finds one by a word
inside it through the unified search; the pages pass axe."""

import pprint

import pytest
from playwright.sync_api import expect

from tests.documents.factories import odt_bytes, pdf_bytes
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_a_member_uploads_two_files_and_finds_one_by_a_word_inside(search_index, page, live_server, log_in, axe):
    """Two files sent with progress bars; the library lists them; the search finds the ODT by its content."""
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    member = membership(commune).user
    log_in(page, member)

    page.get_by_role("link", name="Documents").click()
    page.get_by_role("link", name="Bibliothèque de Jargeau").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bibliothèque de Jargeau")
    assert_no_violations(axe, page)

    page.get_by_label("Fichiers").set_input_files(
        [
            {"name": "budget.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Budget primitif 2026")},
            {
                "name": "note-chantier.odt",
                "mimeType": "application/vnd.oasis.opendocument.text",
                "buffer": odt_bytes("Le chantier du gymnase commence en septembre"),
            },
        ]
    )
    page.get_by_role("button", name="Envoyer", exact=True).click()
    progress = page.locator("[data-progress] progress")
    expect(progress).to_have_count(2)
    expect(page.locator("[data-progress] .upload-done")).to_have_count(2)
    for index in range(2):
        assert progress.nth(index).evaluate("bar => bar.value") == 100
    assert_no_violations(axe, page)

    page.get_by_role("link", name="Afficher le dossier à jour").click()
    expect(page.get_by_role("link", name="note-chantier.odt")).to_be_visible()
    expect(page.get_by_role("link", name="budget.pdf")).to_be_visible()

    page.goto(f"{live_server.url}/recherche/?q=gymnase")
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="note-chantier.odt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("note-chantier.odt")
    expect(page.get_by_text("Le chantier du gymnase commence en septembre")).to_be_visible()
    assert_no_violations(axe, page)


def test_the_form_works_without_javascript(browser, live_server, log_in):
    """With scripts off, the same form posts the files and the page reloads with them listed."""
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    member = membership(commune).user
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, member)
        page.goto(f"{live_server.url}/bibliotheque/jargeau/")
        page.get_by_label("Fichiers").set_input_files(
            [{"name": "arrete.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("Arrêté")}]
        )
        page.get_by_role("button", name="Envoyer", exact=True).click()
        expect(page.get_by_text("1 document ajouté.")).to_be_visible()
        expect(page.get_by_role("link", name="arrete.pdf")).to_be_visible()
    finally:
        context.close()
