"""The dashboard: a member's organisations, their role in each and a link to each private space."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")


def cards(response):
    """(name, space URL, role) of each organisation card, in page order."""
    return [
        (m.organisation.name, m.organisation.space_page.url, m.get_role_display())
        for m in response.context["memberships"]
    ]


def test_the_dashboard_lists_exactly_the_users_organisations(client, commune, other_commune):
    """Each of the user's organisations appears with its French role and a link to its space; others do not."""
    user = membership(commune, role="admin").user
    membership(other_commune, role="member", user=user)
    unrelated = OrganisationFactory(name="Sandillon", slug="sandillon")
    membership(unrelated, role="admin")
    client.force_login(user)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert cards(response) == [
        ("Darvoy", "/espaces/darvoy/", "Membre"),
        ("Jargeau", "/espaces/jargeau/", "Administrateur"),
    ]
    page = html.unescape(response.content.decode())
    assert '<a href="/espaces/jargeau/">Jargeau</a>' in page
    assert '<a href="/espaces/darvoy/">Darvoy</a>' in page
    assert "Commune · Administrateur" in page
    assert "Commune · Membre" in page
    assert "Sandillon" not in page
    assert "/espaces/sandillon/" not in page


def test_every_link_of_the_dashboard_opens_the_space(client, commune, other_commune):
    """The links lead to spaces the user may actually open."""
    user = membership(commune, role="member").user
    membership(other_commune, role="editor", user=user)
    client.force_login(user)

    for _name, url, _role in cards(client.get(DASHBOARD)):
        assert client.get(url).status_code == 200


def test_a_user_without_organisation_is_told_how_to_join(client, commune):
    """Someone who belongs to no organisation sees the French explanation and no space."""
    client.force_login(UserFactory())

    response = client.get(DASHBOARD)

    page = html.unescape(response.content.decode())
    assert "Vous n'appartenez encore à aucune organisation." in page
    assert "/espaces/jargeau/" not in page


def test_the_dashboard_asks_anonymous_visitors_to_log_in(client):
    """Without a session, the dashboard redirects to the login page."""
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={DASHBOARD}"


def count_dashboard_queries(client, user, cache_operations):
    """The cards shown, the SQL queries and the cache operations of one visit to the dashboard, its caches warm."""
    client.force_login(user)
    client.get(DASHBOARD)  # Warm the caches (site root paths) shared by every request.
    cache_operations.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(response.context["memberships"]), len(queries), len(cache_operations)


def test_the_number_of_queries_does_not_grow_with_the_memberships(client, cache_operations):
    """Ten organisations cost the dashboard as many SQL queries and cache operations as one."""
    parent = OrganisationFactory(kind="epci", insee_code="")
    one, ten = UserFactory(), UserFactory()
    membership(OrganisationFactory(parent=parent), user=one)
    for index in range(10):
        membership(OrganisationFactory(parent=parent), role=["member", "editor", "admin"][index % 3], user=ten)

    shown_one, queries_one, operations_one = count_dashboard_queries(client, one, cache_operations)
    shown_ten, queries_ten, operations_ten = count_dashboard_queries(client, ten, cache_operations)

    assert (shown_one, shown_ten) == (1, 10)
    assert queries_ten == queries_one
    assert operations_ten == operations_one > 0


@pytest.mark.parametrize(
    ("kind", "role", "linked"),
    [("epci", "admin", True), ("departement", "admin", True), ("epci", "editor", False), ("commune", "admin", False)],
)
def test_the_diffusion_lists_link_shows_to_senders_only(client, kind, role, linked):
    """Only an administrator of the département or of an EPCI is shown the link to the diffusion lists."""
    user = membership(OrganisationFactory(kind=kind), role=role).user
    client.force_login(user)

    page = client.get(DASHBOARD).content.decode()

    assert (reverse("broadcast:list") in page) is linked
