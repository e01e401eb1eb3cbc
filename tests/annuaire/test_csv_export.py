"""The CSV export of an organisation's cards is for its administrators."""

import csv
import io

import pytest
from django.urls import reverse

from tests.annuaire.factories import MOBILE

pytestmark = pytest.mark.django_db


def test_an_admin_exports_every_field_of_the_members_cards(client, card, admin):
    """The file is semicolon-separated, French headed, with the mobile the admin may read."""
    client.force_login(admin)
    response = client.get(reverse("annuaire:organisation_csv", args=["jargeau"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # French Excel reads UTF-8 only after a BOM
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nom", "Prénom", "E-mail"]
    assert ["Martin", "Camille", "camille.martin@jargeau.test"] in [row[:3] for row in rows[1:]]
    assert MOBILE in response.content.decode()


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation", "no_organisation"])
def test_others_cannot_export(client, card, personas, persona):
    """Plain members, other organisations' admins and people without organisation get a 404."""
    client.force_login(personas[persona])
    assert client.get(reverse("annuaire:organisation_csv", args=["jargeau"])).status_code == 404


@pytest.mark.parametrize(
    "function", ['=HYPERLINK("http://evil")', '=1+HYPERLINK("http://evil")', "-1+cmd|' /C calc'!A0"]
)
def test_formulas_are_neutralised(client, commune, admin, function):
    """A function a spreadsheet would run, even one starting with a digit after "=" or "-", is exported as text."""
    from tests.annuaire.factories import person_card

    person_card(commune, function=function)
    client.force_login(admin)
    text = client.get(reverse("annuaire:organisation_csv", args=["jargeau"])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert f"'{function}" in [row[3] for row in rows[1:]]
