"""The public listings of notices: filters, pagination, sections, what stays hidden and the query count."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from extranet.notices.pages import NoticeKind
from tests.notices.factories import notice, section_of
from tests.notices.helpers import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def notices(commune, other_commune):
    """Three notices of Jargeau (two kinds, two years) and one of Darvoy."""
    return {
        "travaux": notice(commune, title="Travaux rue du Pont", slug="travaux", kind=NoticeKind.INFORMATION),
        "conseil": notice(
            commune, title="Séance du conseil municipal", slug="conseil", kind=NoticeKind.OFFICIAL_NOTICE
        ),
        "archive": notice(
            commune,
            title="Recensement de la population",
            slug="recensement",
            kind=NoticeKind.OFFICIAL_NOTICE,
            publication_date=date(2024, 1, 15),
        ),
        "darvoy": notice(other_commune, title="Fête du village de Darvoy", slug="fete", kind=NoticeKind.PRESS_RELEASE),
    }


def titles(response) -> set[str]:
    return {notice.title for notice in response.context["page_obj"].object_list}


def test_the_index_lists_every_organisation_with_its_name(client, notices):
    """/communiques/ lists the notices of all organisations, each with a link to its organisation's section."""
    response = client.get("/communiques/")
    text = page_text(response)

    assert response.status_code == 200
    assert titles(response) == {n.title for n in notices.values()}
    assert '<a href="/communiques/darvoy/">Darvoy</a>' in text
    assert "Communiqué de presse" in text


def test_the_organisation_filter(client, notices):
    """Choosing Darvoy lists Darvoy's notices only."""
    assert titles(client.get("/communiques/", {"organisation": "darvoy"})) == {"Fête du village de Darvoy"}


def test_the_kind_filter(client, notices):
    """Choosing "Avis officiel" lists the official notices only."""
    response = client.get("/communiques/", {"kind": "official_notice"})

    assert titles(response) == {"Séance du conseil municipal", "Recensement de la population"}


def test_the_year_filter_offers_the_years_that_have_notices(client, notices):
    """The year filter lists the publication years and keeps the notices of the chosen one."""
    response = client.get("/communiques/", {"year": "2024"})

    assert titles(response) == {"Recensement de la population"}
    assert [value for value, _label in response.context["filter_form"].fields["year"].choices][-1] == 2024


def test_an_invalid_filter_is_ignored_with_a_french_message(client, notices):
    """A forged value shows Django's French error on its field and the other filters still apply."""
    response = client.get("/communiques/", {"kind": "piraté", "organisation": "darvoy"})

    assert response.status_code == 200
    assert titles(response) == {"Fête du village de Darvoy"}
    assert "Sélectionnez un choix valide" in page_text(response)


def test_a_section_lists_its_own_organisation_only(client, notices, commune):
    """Jargeau's section lists Jargeau's notices, has no organisation filter and its own feed link."""
    section = section_of(commune)
    response = client.get(section.url)
    text = page_text(response)

    assert titles(response) == {"Travaux rue du Pont", "Séance du conseil municipal", "Recensement de la population"}
    assert "organisation" not in response.context["filter_form"].fields
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Communiqués et avis : Jargeau" '
        'href="/communiques/jargeau/flux/">' in text
    )


def test_the_index_declares_its_feed(client, db):
    """The index's head declares the overall Atom feed."""
    text = page_text(client.get("/communiques/"))

    assert (
        '<link rel="alternate" type="application/atom+xml" title="Communiqués et avis" href="/communiques/flux/">'
        in (text)
    )


def test_drafts_and_restricted_notices_are_not_listed(client, commune, notices):
    """A draft and a notice restricted to logged-in users stay out of the public listing and feed."""
    notice(commune, title="Brouillon du maire", slug="brouillon", publish=False)
    private = notice(commune, title="Note interne aux agents", slug="note-interne")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    text = page_text(client.get("/communiques/"))
    feed = client.get("/communiques/flux/").content.decode()

    for hidden in ("Brouillon du maire", "Note interne aux agents"):
        assert hidden not in text
        assert hidden not in feed


def test_pagination_keeps_the_filters(client, commune):
    """Twenty-one notices make two pages; the next-page link keeps the chosen kind."""
    for number in range(21):
        notice(commune, title=f"Avis numéro {number}", slug=f"avis-{number}", kind=NoticeKind.OFFICIAL_NOTICE)

    first = client.get("/communiques/", {"kind": "official_notice"})
    second = client.get("/communiques/", {"kind": "official_notice", "page": "2"})

    assert len(first.context["page_obj"].object_list) == 20
    assert 'href="?kind=official_notice&amp;page=2"' in first.content.decode()
    assert len(second.context["page_obj"].object_list) == 1
    assert "Page 2 sur 2" in page_text(second)


def test_listings_are_cacheable_for_anonymous_visitors_only(client, notices, editor):
    """Anonymous visitors get a public Cache-Control; logged-in users a private one."""
    assert "public" in client.get("/communiques/")["Cache-Control"]
    assert "public" in client.get("/communiques/flux/")["Cache-Control"]

    client.force_login(editor)

    assert "private" in client.get("/communiques/")["Cache-Control"]


def count_queries(client, url) -> int:
    client.get(url)  # warm the caches (site root paths) a real server keeps between requests
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/communiques/", "/communiques/jargeau/", "/communiques/flux/"])
def test_the_query_count_does_not_grow_with_the_notices(client, commune, other_commune, url):
    """A listing or a feed runs as many queries with 30 notices as with 5."""
    for number in range(5):
        notice(commune if number % 2 else other_commune, title=f"Avis {number}", slug=f"avis-{number}")
    with_five = count_queries(client, url)
    for number in range(5, 30):
        notice(commune if number % 2 else other_commune, title=f"Avis {number}", slug=f"avis-{number}")

    assert count_queries(client, url) == with_five
