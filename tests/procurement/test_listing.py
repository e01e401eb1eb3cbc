"""The public listing: filters, and notices closed by themselves once their deadline has passed."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from extranet.core.demo_files import minimal_pdf
from extranet.procurement.models import ProcurementNoticePage
from tests.procurement.factories import closed_notice, notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def notices(departement, montargis):
    notice(departement, title="Renforcement de la RD 2060", procedure="ouvert")
    notice(montargis, title="Denrées pour la cantine", nature="fournitures", cpv_code="15800000-6")
    notice(montargis, title="Nettoyage des écoles", nature="services", cpv_code="90910000-9")
    closed_notice(montargis, title="Toiture de l'école", slug="toiture")


def titles(response):
    return {notice.title for notice in response.context["page_obj"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Renforcement de la RD 2060", "Denrées pour la cantine", "Nettoyage des écoles", "Toiture de l'école"}),
        ({"nature": "fournitures"}, {"Denrées pour la cantine"}),
        ({"procedure": "ouvert"}, {"Renforcement de la RD 2060"}),
        ({"organisation": "loiret"}, {"Renforcement de la RD 2060"}),
        ({"etat": "cloture"}, {"Toiture de l'école"}),
        ({"etat": "ouvert", "organisation": "montargis", "nature": "travaux"}, set()),
        ({"etat": "ouvert", "organisation": "montargis"}, {"Denrées pour la cantine", "Nettoyage des écoles"}),
    ],
)
def test_filters(client, notices, query, expected):
    """Each filter of the GET form narrows the listing; filters combine."""
    assert titles(client.get("/marches-publics/", query)) == expected


def test_a_section_lists_its_organisation_notices(client, notices):
    """/marches-publics/montargis/ lists Montargis's notices only, without the buyer filter."""
    response = client.get("/marches-publics/montargis/")

    assert titles(response) == {"Denrées pour la cantine", "Nettoyage des écoles", "Toiture de l'école"}
    assert "organisation" not in response.context["filterset"].form.fields


def test_a_notice_closes_when_its_deadline_passes(client, montargis):
    """Past its deadline, with no job run, a notice shows "Clôturé" and leaves the open filter."""
    cantine = notice(montargis, title="Denrées pour la cantine")
    assert titles(client.get("/marches-publics/", {"etat": "ouvert"})) == {"Denrées pour la cantine"}

    ProcurementNoticePage.objects.filter(pk=cantine.pk).update(offers_deadline=timezone.now() - timedelta(seconds=1))

    assert titles(client.get("/marches-publics/", {"etat": "ouvert"})) == set()
    listing = client.get("/marches-publics/").content.decode()
    page = client.get(cantine.url).content.decode()
    assert "Clôturé" in listing
    assert "Clôturé" in page
    assert f"/marches/avis/{cantine.pk}/question/" not in page


def consultation_rules():
    document = get_document_model()(title="RC")
    document.file.save("reglement.pdf", ContentFile(minimal_pdf(["Règlement de la consultation"])), save=False)
    document.save()
    return document


def test_an_open_notice_page_shows_its_details(client, montargis):
    """The notice shows its CPV code, procedure, amount, deadline in Paris time (10:00 UTC: noon) and contact."""
    deadline = datetime(2099, 3, 31, 10, 0, tzinfo=UTC)
    documents = [(consultation_rules(), "Règlement de la consultation (PDF)")]
    html = client.get(notice(montargis, offers_deadline=deadline, documents=documents).url).content.decode()
    page = html.replace("\u00a0", " ").replace("\u202f", " ")

    assert "45233140-2" in page
    assert "Procédure adaptée" in page
    assert "50 000,00 € HT" in page
    assert "31 mars 2099 12:00" in page
    assert 'href="mailto:marches@mairie.test"' in html
    assert "Clôturé" not in page
    assert "Règlement de la consultation (PDF)</a>" in page
