"""On a phone (375 px wide) the pages with tables fit the screen: a wide table scrolls inside its box, the page
itself never scrolls sideways."""

import pytest

from documents import services as document_services
from tests.agenda.factories import private_calendar
from tests.agenda.training.factories import register, session
from tests.documents.factories import checked, document, folder, odt_bytes
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_WIDTH = 375


def test_pages_with_tables_do_not_scroll_sideways(new_page, live_server, log_in):
    """The library, a folder, a document's versions, the audit log and the training sessions, at 375 px."""
    commune = OrganisationFactory(kind="commune", name="Saint-Denis-de-l'Hôtel", slug="saint-denis", insee_code="45270")
    admin = membership(commune, role="admin").user
    works = folder(commune, user=admin, name="Travaux de voirie et réseaux divers 2027")
    # An ODT: Chromium's PDF viewer, which a PDF's inline preview opens, loads files of its own.
    name = "compte-rendu-de-la-commission-voirie-du-mois-de-mars.odt"
    report = document(commune, user=admin, name=name, content=odt_bytes("Première version"), folder=works)
    document_services.document_add_version(
        document=report, checked=checked(name, odt_bytes("Version révisée")), user=admin
    )
    training = session(private_calendar(commune), user=admin, title="Marchés publics : les nouveaux seuils de 2027")
    register(training, admin, commune)
    page = new_page(width=PHONE_WIDTH, height=800)
    log_in(page, admin)

    overflowing = {}
    for path in (
        "/bibliotheque/saint-denis/",
        works.get_absolute_url(),
        report.get_absolute_url(),
        "/bibliotheque/saint-denis/journal/",
        "/agenda/formations/",
    ):
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            overflowing[path] = width

    assert overflowing == {}
