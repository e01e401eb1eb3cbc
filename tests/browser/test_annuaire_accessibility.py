"""axe-core finds no WCAG 2.1 A/AA violation on the directory's pages, for visitors and administrators."""

import io
import pprint

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from annuaire.models import ImportStatus, PeopleImport
from annuaire.photos import photo_clean
from annuaire.services import person_card_photo_set, service_create
from tests.annuaire.factories import organisation_profile, person_card
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def jargeau():
    jargeau = OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")
    organisation_profile(jargeau, city="Jargeau", phone="02 38 59 70 07", opening_hours="Lundi 9 h – 12 h")
    direction = service_create(organisation=jargeau, name="Direction générale")
    voirie = service_create(organisation=jargeau, name="Voirie", parent=direction)
    card = person_card(
        jargeau,
        service=voirie,
        function="Chef d'équipe",
        card_visibility="public",
        function_visibility="public",
        photo_visibility="public",
    )
    photo = io.BytesIO()
    Image.new("RGB", (80, 80), (30, 90, 160)).save(photo, "PNG")
    person_card_photo_set(card=card, photo=photo_clean(SimpleUploadedFile("photo.png", photo.getvalue())))
    return jargeau


@pytest.fixture
def admin(jargeau):
    return membership(jargeau, role="admin").user


def assert_no_violations(axe, page):
    violations = axe(page)
    assert not violations, f"axe-core violations on {page.url}:\n{pprint.pformat(violations, width=120)}"


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/annuaire/", "Annuaire des organisations"),
        ("/annuaire/?kind=commune&q=jar", "Annuaire des organisations"),
        ("/annuaire/organisations/jargeau/", "Jargeau"),
        ("/annuaire/organisations/jargeau/organigramme/", "Organigramme"),
        ("/annuaire/personnes/", "Annuaire des personnes"),
    ],
)
def test_public_directory_pages(page, live_server, axe, jargeau, path, heading):
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_no_violations(axe, page)


def test_admin_pages(page, live_server, axe, log_in, jargeau, admin):
    """The card form, the org chart editor, the import report with errors and a running import's progress bar."""
    log_in(page, admin)
    page.goto(f"{live_server.url}/annuaire/ma-fiche/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier la fiche")
    assert_no_violations(axe, page)

    page.goto(f"{live_server.url}/annuaire/organisations/jargeau/services/")
    assert_no_violations(axe, page)

    page.goto(f"{live_server.url}/annuaire/organisations/jargeau/import/")
    page.get_by_label("Fichier CSV").set_input_files(
        files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": "E-mail;Nom;Prénom\nx;Durand;\n".encode()}]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.get_by_role("heading", name="Rapport de vérification")).to_be_visible()
    assert_no_violations(axe, page)

    running = PeopleImport.objects.create(
        organisation=jargeau, file_name="grand.csv", status=ImportStatus.CHECKING, done=250, total=1000
    )
    page.goto(f"{live_server.url}/annuaire/organisations/jargeau/import/{running.pk}/")
    expect(page.get_by_role("progressbar", name="Vérification du fichier")).to_be_visible()
    assert_no_violations(axe, page)
