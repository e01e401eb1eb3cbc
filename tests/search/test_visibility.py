"""Who finds what: the unified search returns exactly the items each visitor may open."""

import pytest
from django.urls import reverse

from extranet.organisations.services import membership_remove
from extranet.search.selectors import search_run
from tests.accounts.factories import UserFactory
from tests.organisations.factories import membership
from tests.search.factories import WORD

pytestmark = pytest.mark.django_db

PUBLIC_KINDS = {"act", "notice", "aid", "job", "ad"}


def found_titles(user) -> set[str]:
    return {result.title for result in search_run(user=user, query=WORD)}


def titles(world, keys) -> set[str]:
    return {world[key].title for key in keys}


@pytest.fixture
def personas(commune, other_commune):
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "member_a": membership(commune, role="member").user,
        "member_b": membership(other_commune, role="admin").user,
        "superuser": UserFactory(is_superuser=True),
    }


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", PUBLIC_KINDS),
        ("outsider", PUBLIC_KINDS),
        ("member_a", PUBLIC_KINDS | {"private"}),
        ("member_b", PUBLIC_KINDS | {"other_private"}),
        ("superuser", PUBLIC_KINDS | {"private", "other_private"}),
    ],
)
def test_each_visitor_finds_exactly_what_they_may_read(world, personas, persona, expected):
    """Public items for everyone, a space's pages for its members only (superusers act as admins everywhere)."""
    assert found_titles(personas[persona]) == titles(world, expected)


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "member_a", "member_b", "superuser"])
def test_every_result_opens_for_its_visitor(world, personas, persona, client):
    """Each result's link answers 200 to the visitor who got it: nothing is listed that would then be refused."""
    user = personas[persona]
    if user.is_authenticated:
        client.force_login(user)
    results = list(search_run(user=user, query=WORD))
    assert results
    for result in results:
        assert client.get(result.url.split("#")[0]).status_code == 200, result.url


def test_facet_counts_cover_only_what_the_visitor_may_open(world, personas):
    """The type and organisation counts add up to the visitor's results: private items of others are not counted."""
    results = search_run(user=personas["member_b"], query=WORD)
    facets = results.facet_counts()["fields"]

    assert dict(facets["kind"]) == {"act": 1, "notice": 1, "aid": 1, "job": 1, "ad": 1, "space": 1}
    assert dict(facets["organisation"]) == {"jargeau": 4, "loiret": 1, "darvoy": 1}
    assert results.count() == 6


def test_a_member_who_leaves_stops_finding_the_space_at_once(world, commune, personas):
    """Visibility is checked at query time: no reindexing is needed when a membership ends."""
    member = personas["member_a"]
    assert world["private"].title in found_titles(member)

    membership_remove(membership=member.memberships.get(organisation=commune))

    assert world["private"].title not in found_titles(member)


def test_a_page_made_private_leaves_the_public_results(world, personas):
    """Restricting a public act to a group takes it out of the index (the queue refreshes the page's tree)."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=world["act"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.create(name="Élus de Jargeau")])

    assert world["act"].title not in found_titles(personas["anonymous"])
    assert world["act"].title not in found_titles(personas["member_a"])

    restriction.delete()

    assert world["act"].title in found_titles(personas["anonymous"])


@pytest.mark.parametrize(
    "attack",
    ["visibility:org1", "visibility:(org1 OR org2)", "kind_exact:space", "Jargeau OR visibility:*", "*:*", "voirie)"],
)
def test_query_syntax_cannot_widen_the_audience(world, personas, attack, client):
    """Fielded syntax typed by a visitor is searched as words: it never reaches another space's pages."""
    client.force_login(personas["member_b"])
    response = client.get(reverse("search:search"), {"q": attack})

    assert response.status_code == 200
    assert world["private"].title.encode() not in response.content
