"""The demo aids: ten aids from four providers, two of them closed, created once."""

from io import StringIO

import pytest
from django.utils import timezone

from extranet.aids import demo
from extranet.aids.pages import AidPage
from extranet.organisations import demo as organisations_demo

pytestmark = pytest.mark.django_db


def test_seeding_twice_creates_the_aids_once():
    """The first run creates ten published aids (two closed) from four providers; the second creates nothing."""
    organisations_demo.seed(stdout=StringIO())
    first, second = StringIO(), StringIO()

    demo.seed(stdout=first)
    demo.seed(stdout=second)

    aids = AidPage.objects.live().select_related("organisation")
    assert aids.count() == 10
    assert {aid.organisation.slug for aid in aids} == {"loiret", "cdg45", "loiret-numerique", "cc-des-loges"}
    assert aids.filter(submission_deadline__lt=timezone.localdate()).count() == 2
    assert "Aides : 10 créées, 0 déjà présentes." in first.getvalue()
    assert "Aides : 0 créées, 10 déjà présentes." in second.getvalue()
