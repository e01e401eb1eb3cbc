"""Attendance on a phone: the trainer taps present or absent without reloading, then downloads a certificate."""

import pprint

import pytest
from playwright.sync_api import expect

from agenda.training.models import Registration
from tests.accounts.factories import UserFactory
from tests.agenda.training.running.factories import registration, training_session
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_trainer_takes_attendance_on_a_phone_and_downloads_a_certificate(new_page, live_server, log_in, axe):
    """One tap per person on a 390-pixel screen, large buttons, state announced; the certificate is a PDF."""
    commune = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    trainer = membership(commune, user=UserFactory(first_name="Anaïs", last_name="Lefèvre")).user
    session = training_session(commune, trainer=trainer)
    for first_name, last_name in (("Léa", "Bœuf"), ("Noël", "Çava")):
        user = membership(commune, user=UserFactory(first_name=first_name, last_name=last_name)).user
        registration(session, user, organisation=commune)

    page = new_page(width=390, height=844)
    log_in(page, trainer)
    page.goto(f"{live_server.url}/agenda/formations/session/{session.pk}/presences/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Présences")
    present = page.get_by_role("button", name="Présent (Léa Bœuf)")
    assert present.bounding_box()["height"] >= 48

    page.evaluate("window.notReloaded = true")
    present.click()
    expect(present).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Absent (Noël Çava)").click()
    expect(page.get_by_role("button", name="Absent (Noël Çava)")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#attendance-count")).to_have_text("Présents : 1 sur 2 personnes inscrites.")
    row = Registration.objects.get(user__last_name="Bœuf")
    expect(page.locator(f"#registration-{row.pk} .attendance-state")).to_have_text("Présent")
    assert dict(Registration.objects.values_list("user__last_name", "present")) == {"Bœuf": True, "Çava": False}
    assert page.evaluate("window.notReloaded") is True
    violations = axe(page)
    assert not violations, pprint.pformat(violations, width=120)

    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Attestation de Léa Bœuf (PDF)").click()
    with open(download.value.path(), "rb") as certificate:
        assert certificate.read(5) == b"%PDF-"
    assert download.value.suggested_filename.startswith("attestation-FORM-")
