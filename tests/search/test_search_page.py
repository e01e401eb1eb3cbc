"""The search page: results the visitor may open, with snippets, facets, sorting and paging."""

import pytest
from django.urls import reverse

from extranet.search.audiences import PUBLIC
from tests.acts.factories import act
from tests.organisations.factories import space_article

pytestmark = pytest.mark.django_db


def test_smoke(search_index, commune, member, client):
    """Smoke."""
    from extranet.acts.models import ActSectionPage

    act(ActSectionPage.objects.get(organisation=commune), title="Réfection de la voirie communale")
    space_article(commune.space_page, title="Réunion des agents de voirie", body="<p>Voirie et élèves.</p>")
    client.force_login(member)
    response = client.get(reverse("search:search"), {"q": "voirie"})
    print(response.content.decode())
    assert PUBLIC
