"""The demo notices of `seed_demo`: realistic, idempotent, with the cases the demonstration needs."""

from io import StringIO

import pytest
from pypdf import PdfReader
from wagtail.models import WorkflowState

from extranet.notices import demo
from extranet.notices.pages import NoticePage, NoticeSectionPage
from extranet.notices.selectors import notice_section_requires_approval
from extranet.organisations import demo as organisations_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    organisations_demo.seed(stdout=StringIO())
    out = StringIO()
    demo.seed(stdout=out)
    return out.getvalue()


def test_the_demo_notices_cover_the_expected_cases(seeded):
    """About twelve notices from the département, partners, the metropolis and communes; two expired."""
    live = NoticePage.objects.live()
    organisations = set(
        NoticeSectionPage.objects.filter(pk__in=[notice.get_parent().pk for notice in live]).values_list(
            "organisation__slug", flat=True
        )
    )

    assert "Communiqués et avis : 13 créés, 0 déjà présents." in seeded
    assert live.count() == 12
    assert {"loiret", "loiret-numerique", "sdis45", "orleans-metropole", "jargeau"} <= organisations
    assert sum(notice.is_expired for notice in live) == 2


def test_one_notice_carries_a_real_pdf(seeded):
    """The Département's public enquiry notice has a PDF attachment that a PDF reader opens."""
    attachment = NoticePage.objects.get(slug="enquete-publique-rd960").attachments.get()

    with attachment.document.file.open("rb") as handle:
        reader = PdfReader(handle)
        assert "enquête publique" in reader.pages[0].extract_text()


def test_communes_require_approval_and_jargeau_has_a_notice_in_moderation(seeded):
    """Every commune's section is moderated; Jargeau's Saint-Martin notice waits for the département."""
    pending = NoticePage.objects.get(slug="fete-de-la-saint-martin")

    assert all(
        notice_section_requires_approval(section=section)
        for section in NoticeSectionPage.objects.filter(organisation__kind="commune")
    )
    assert not notice_section_requires_approval(section=NoticeSectionPage.objects.get(organisation__slug="sdis45"))
    assert not pending.live
    state = WorkflowState.objects.get(object_id=str(pending.pk))
    assert (state.status, state.requested_by.email) == (WorkflowState.STATUS_IN_PROGRESS, "laurence.blanc@jargeau.test")


def test_seeding_again_creates_nothing(seeded):
    """A second run finds every notice and leaves the counts unchanged."""
    counts = (NoticePage.objects.count(), WorkflowState.objects.count())
    out = StringIO()

    demo.seed(stdout=out)

    assert "Communiqués et avis : 0 créés, 13 déjà présents." in out.getvalue()
    assert (NoticePage.objects.count(), WorkflowState.objects.count()) == counts
