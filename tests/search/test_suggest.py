"""Completion for the header box: titles starting with what was typed, among what the visitor may read."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("search:suggest")


def suggested(client, prefix) -> list[str]:
    response = client.get(URL, {"q": prefix})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return [item["title"] for item in response.json()["suggestions"]]


def test_a_prefix_without_accents_proposes_accented_titles(world, client):
    """`refec` proposes "Réfection de la voirie communale", with its address."""
    response = client.get(URL, {"q": "refec"})

    assert response.json()["suggestions"] == [{"title": world["act"].title, "url": world["act"].url}]


def test_private_titles_are_proposed_to_members_only(world, commune, client):
    """The private article's title is proposed to a member of its organisation, never to anyone else."""
    from tests.organisations.factories import membership

    title = world["private"].title
    assert title not in suggested(client, "reun")

    client.force_login(membership(commune).user)
    assert title in suggested(client, "reun")


@pytest.mark.parametrize("prefix", ["", "r", "*", '"', "AND(", "x" * 5000])
def test_short_or_odd_prefixes_answer_an_empty_or_plain_list(world, client, prefix):
    """Too short, syntax characters or absurdly long: a list, never an error."""
    assert isinstance(suggested(client, prefix), list)
