"""Folder listings cost the same queries with 2 documents or 12."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.documents.factories import document, folder, share

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def fill(organisation, user, target, start, stop):
    for number in range(start, stop):
        document(organisation, user=user, name=f"piece-{number}.pdf", folder=target)
        folder(organisation, user=user, name=f"Sous-dossier {number}", parent=target)


@pytest.mark.parametrize("in_folder", [False, True])
def test_a_folder_listing_runs_a_constant_number_of_queries(client, commune, member, in_folder):
    """The library's root and a folder are listed in the same queries whatever their size, built or cached."""
    target = folder(commune, user=member, name="Conseil") if in_folder else None
    url = target.get_absolute_url() if target else f"/bibliotheque/{commune.slug}/"
    client.force_login(member)
    queries(client, url)
    fill(commune, member, target, 0, 2)
    few = (queries(client, url), queries(client, url))
    fill(commune, member, target, 2, 12)
    many = (queries(client, url), queries(client, url))
    assert many == few
    built, cached = few
    assert cached < built


def test_the_shared_with_us_listing_runs_a_constant_number_of_queries(client, commune, member, partner, partner_member):
    """The partner's list of received shares does not grow in queries with the shares."""
    url = f"/bibliotheque/{partner.slug}/partages-recus/"
    client.force_login(partner_member)

    def share_some(start, stop):
        for number in range(start, stop):
            share(document(commune, user=member, name=f"doc-{number}.pdf"), partner, user=member)
            share(folder(commune, user=member, name=f"Dossier {number}"), partner, user=member)

    share_some(0, 2)
    queries(client, url)
    few = queries(client, url)
    share_some(2, 10)
    assert queries(client, url) == few


@pytest.mark.parametrize("through", ["link", "public"])
def test_a_visitors_folder_listing_runs_a_constant_number_of_queries(client, commune, member, editor, through):
    """A folder seen through its share link or as a public folder costs the same queries with 2 or 12 items."""
    from documents import sharing

    target = folder(commune, user=member, name="Publications")
    if through == "link":
        _link, token = sharing.share_link_create(folder=target, days=3, user=editor)
        url = f"/bibliotheque/lien/{token}/"
    else:
        share(target, None, user=editor, is_public=True)
        url = target.get_absolute_url()
    fill(commune, member, target, 0, 2)
    queries(client, url)
    few = queries(client, url)
    fill(commune, member, target, 2, 12)
    assert queries(client, url) == few


def test_a_deeper_folder_costs_no_more_queries(client, commune, member):
    """Each ancestor in the breadcrumbs links back without a query of its own."""
    top = folder(commune, user=member, name="Conseil")
    middle = folder(commune, user=member, name="2026", parent=top)
    deep = folder(commune, user=member, name="Mars", parent=folder(commune, user=member, name="T1", parent=middle))
    client.force_login(member)
    for visited in (middle, deep):  # each listing built and cached before counting
        queries(client, visited.get_absolute_url())
    assert queries(client, deep.get_absolute_url()) == queries(client, middle.get_absolute_url())
