"""The demo applications: one in each status, created once."""

from io import StringIO

import pytest

from extranet.aids import demo as aids_demo
from extranet.organisations import demo as organisations_demo
from extranet.subsidies import demo
from extranet.subsidies.models import Application, Status

pytestmark = pytest.mark.django_db


def test_seeding_twice_creates_one_application_per_status_once():
    organisations_demo.seed(stdout=StringIO())
    aids_demo.seed(stdout=StringIO())
    first, second = StringIO(), StringIO()

    demo.seed(stdout=first)
    demo.seed(stdout=second)

    assert sorted(Application.objects.values_list("status", flat=True)) == sorted(Status.values)
    assert Application.objects.get(status=Status.PAID).payments.count() == 1
    assert "8 créées, 0 déjà présentes" in first.getvalue()
    assert "0 créées, 8 déjà présentes" in second.getvalue()
