"""The demo job offers: six offers over four organisations, one expired, created once."""

from io import StringIO

import pytest
from django.utils import timezone

from extranet.jobs import demo
from extranet.jobs.pages import JobOfferPage
from extranet.organisations import demo as organisations_demo

pytestmark = pytest.mark.django_db


def test_seeding_twice_creates_the_offers_once(client):
    """The first run creates six published offers (one expired, still reachable); the second creates nothing."""
    organisations_demo.seed(stdout=StringIO())
    first, second = StringIO(), StringIO()

    demo.seed(stdout=first)
    demo.seed(stdout=second)

    offers = JobOfferPage.objects.live().select_related("organisation")
    assert offers.count() == 6
    assert {offer.organisation.slug for offer in offers} == {"loiret", "orleans-metropole", "montargis", "jargeau"}
    expired = offers.get(application_deadline__lt=timezone.localdate())
    assert "Offre expirée le" in client.get(expired.url).content.decode()
    assert "Offres d'emploi : 6 créées, 0 déjà présentes." in first.getvalue()
    assert "Offres d'emploi : 0 créées, 6 déjà présentes." in second.getvalue()
