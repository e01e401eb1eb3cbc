"""A subsidy application's life in a real browser: a commune applies from the aid's page, saves a draft and
submits it; the département reviews, grants and records a payment; the commune follows it. Pages pass axe."""

import pprint
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.aids.factories import aid, provider
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


def test_a_commune_applies_and_the_departement_grants(new_page, live_server, log_in, axe):
    departement = provider(kind="departement", name="Département du Loiret", slug="loiret", siret="22450001700013")
    instructor = membership(departement, role="editor").user
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    applicant = membership(commune, role="editor").user
    rural_aid = aid(departement, title="Aide à l'investissement des communes rurales")

    page = new_page()
    log_in(page, applicant)
    page.goto(f"{live_server.url}{rural_aid.url}")
    page.get_by_role("link", name="Demander cette aide").click()
    assert_no_violations(axe, page)
    page.get_by_label("Intitulé du projet").fill("Rénovation de la toiture de l'école")
    page.get_by_label("Description du projet").fill("Couverture et isolation des combles.")
    page.get_by_label("Coût total (€)").fill("120000,00")
    page.get_by_label("Montant demandé (€)").fill("36000,00")
    page.get_by_label("Nom du contact").fill("Marie Dupont")
    page.get_by_label("E-mail de contact").fill("dgs@jargeau.test")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("Votre brouillon est enregistré.")).to_be_visible()
    page.get_by_role("button", name="Déposer la demande").click()
    expect(page.get_by_text("Votre demande est déposée")).to_be_visible()
    assert_no_violations(axe, page)
    detail_url = page.url

    page = new_page()
    log_in(page, instructor)
    page.goto(detail_url)
    page.get_by_role("button", name="Confirmer").nth(1).click()  # Start the review (after "request documents").
    expect(page.get_by_text("La demande est en cours d'instruction.")).to_be_visible()
    grant = page.locator("form[action$='/instruction/grant/']")
    grant.get_by_label("Montant attribué (€)").fill("30000,00")
    grant.get_by_label("Référence de la décision").fill("CP-2027-04")
    # Decided and paid today: a decision cannot precede the application, nor a payment be dated in the future.
    today = timezone.localdate()
    grant.get_by_label("Date de la décision").fill(today.isoformat())
    grant.get_by_label("Date de versement prévue").fill((today + timedelta(days=30)).isoformat())
    grant.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_text("La subvention est attribuée.")).to_be_visible()
    payment = page.locator("form[action$='/instruction/payment/']")
    payment.get_by_label("Date du versement").fill(today.isoformat())
    payment.get_by_label("Montant versé (€)").fill("12000,00")
    payment.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_text("Le versement est enregistré.")).to_be_visible()
    assert_no_violations(axe, page)
    page.get_by_role("link", name="Demandes pour cette aide").click()
    expect(page.locator("#totals")).to_contain_text("Montant attribué30\xa0000,00 €")
    assert_no_violations(axe, page)

    page = new_page()
    log_in(page, applicant)
    page.goto(detail_url)
    history = page.locator("ol.history li")
    expect(history).to_have_count(4)
    expect(history.last).to_contain_text("Versements enregistrés")
