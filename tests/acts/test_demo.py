"""The demonstration acts: three organisations, their sessions and thirty deliberations with real PDFs."""

import io
from collections import Counter
from io import StringIO

import pytest
from pypdf import PdfReader

from extranet.acts import demo
from extranet.acts.models import ActPage, SessionPage
from extranet.core.demo_files import minimal_pdf
from extranet.organisations import demo as organisations_demo
from extranet.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_generated_pdf_is_read_by_pypdf_with_its_accented_text():
    """The hand-built PDF opens in pypdf, which finds its text, accents and brackets included."""
    content = minimal_pdf(["Délibération n° 2024-015 (extrait)", "Objet : « Subvention à l'école »"])

    reader = PdfReader(io.BytesIO(content), strict=True)

    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Délibération n° 2024-015 (extrait)" in text
    assert "« Subvention à l'école »" in text


@pytest.fixture
def seeded():
    organisations_demo.seed(stdout=StringIO())
    return demo.seed(stdout=StringIO())


def test_the_demo_publishes_thirty_acts_of_three_organisations(seeded):
    """Thirty live acts over the Loiret, Orléans Métropole and Jargeau, in varied matters, with sessions and PDFs."""
    acts = ActPage.objects.live().select_related("organisation")

    assert seeded["acts", True] == acts.count() == 30
    assert Counter(acts.values_list("organisation__slug", flat=True)) == {
        "loiret": 10,
        "orleans-metropole": 10,
        "jargeau": 10,
    }
    assert len({code.split(".")[0] for code in acts.values_list("matter_code", flat=True)}) >= 6
    assert SessionPage.objects.live().count() == 4
    assert acts.filter(session__isnull=False).count() >= 20
    for act in acts:
        with act.signed_pdf.open("rb") as pdf:
            assert act.internal_id in PdfReader(pdf).pages[0].extract_text()
        assert len(act.signed_pdf_sha256) == 64


def test_seeding_again_creates_nothing_and_fills_a_missing_siret(seeded):
    """A second run finds every session and act; an organisation seeded before it had a SIRET gets one."""
    Organisation.objects.filter(slug="jargeau").update(siret="")
    out = StringIO()

    again = demo.seed(stdout=out)

    assert again["acts", True] == again["sessions", True] == 0
    assert "Actes : 0 créés, 30 déjà présents." in out.getvalue()
    assert ActPage.objects.count() == 30
    sirets = dict(Organisation.objects.filter(slug__in=demo.AUTHORITIES).values_list("slug", "siret"))
    assert sirets == {"loiret": "22450001700013", "orleans-metropole": "24450046800016", "jargeau": "21450173600018"}
