"""The public lists of acts: every organisation's at /actes/, one organisation's at /actes/<slug>/."""

import re
from datetime import date

import pytest

from extranet.acts.models import ActIndexPage
from tests.acts.factories import act, session

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return ActIndexPage.objects.get()


def titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_the_index_lists_the_live_acts_of_every_organisation(client, index, section, other_section):
    """Jargeau's and Darvoy's published acts are listed; a draft is not."""
    act(section, title="Budget primitif de Jargeau")
    act(other_section, title="Budget primitif de Darvoy")
    act(section, title="Projet non publié", publish=False)

    response = client.get(index.url)

    assert response.status_code == 200
    assert sorted(titles(response)) == ["Budget primitif de Darvoy", "Budget primitif de Jargeau"]
    assert "2 actes" in response.content.decode()


def test_a_section_lists_its_organisation_s_acts_only(client, section, other_section):
    """Jargeau's section does not show Darvoy's acts."""
    act(section, title="Budget primitif de Jargeau")
    act(other_section, title="Budget primitif de Darvoy")

    response = client.get(section.url)

    assert titles(response) == ["Budget primitif de Jargeau"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisation=darvoy", ["Voirie de Darvoy"]),
        ("year=2023", ["Subvention 2023 au comité des fêtes"]),
        ("matter=7", ["Budget primitif 2024", "Subvention 2023 au comité des fêtes"]),
        ("matter=7.1", ["Budget primitif 2024"]),
        ("q=comité DES", ["Subvention 2023 au comité des fêtes"]),
        ("q=2024-900", ["Budget primitif 2024"]),
        ("kind=arrete", ["Voirie de Darvoy"]),
        ("matter=7&year=2024", ["Budget primitif 2024"]),
    ],
)
def test_the_filters_narrow_the_index(client, index, section, other_section, query, expected):
    """Organisation, year, matter (level 1 or 2), words of the object or number, and kind narrow the list."""
    act(section, title="Budget primitif 2024", matter_code="7.1", internal_id="2024-900")
    act(section, title="Subvention 2023 au comité des fêtes", matter_code="7.5", adoption_date=date(2023, 11, 20))
    act(
        other_section,
        title="Voirie de Darvoy",
        kind="arrete",
        matter_code="8.3",
        **{
            name: None
            for name in ("votes_theoretical", "votes_actual", "votes_for", "votes_against", "votes_abstention")
        },
    )

    response = client.get(f"{index.url}?{query}")

    assert titles(response) == expected


def test_the_filters_offer_the_years_and_organisations_that_have_acts(client, index, section, other_section):
    """The year and organisation selects list what exists; level-1 and level-2 matters are offered."""
    act(section, adoption_date=date(2023, 5, 2))
    page = client.get(index.url).content.decode()

    assert '<option value="2023">2023</option>' in page
    assert '<option value="jargeau">Jargeau</option>' in page
    assert '<option value="darvoy">' not in page
    assert '<option value="7">7 — toute la matière Finances locales</option>' in page
    assert '<option value="7.5">7.5 — Subventions</option>' in page


def test_unknown_filter_values_do_not_break_the_page(client, index, section):
    """Made-up values are ignored or reported, never a server error."""
    act(section)

    response = client.get(f"{index.url}?year=abc&matter=99&organisation=nowhere&kind=x")

    assert response.status_code == 200


def test_the_list_is_paginated_and_keeps_the_filters(client, index, section):
    """Twenty acts per page; the links to the next page keep the filters."""
    for _number in range(23):
        act(section, matter_code="7.5")

    first = client.get(f"{index.url}?matter=7.5")
    second = client.get(f"{index.url}?matter=7.5&page=2")

    assert len(titles(first)) == 20 and len(titles(second)) == 3
    assert "?matter=7.5&amp;page=2" in first.content.decode()
    assert "Page 2 sur 2" in second.content.decode()


@pytest.mark.parametrize("page_number", ["999", "abc"])
def test_a_page_number_out_of_range_gives_the_nearest_page(client, index, section, page_number):
    """A page number too large gives the last page; one that is not a number the first; never an error."""
    for _number in range(21):
        act(section)

    response = client.get(f"{index.url}?page={page_number}")

    assert response.status_code == 200
    assert len(titles(response)) == (1 if page_number == "999" else 20)


def test_the_pages_declare_their_atom_feed(client, index, section):
    """The index and each section declare their feed in the page head."""
    index_page = client.get(index.url).content.decode()
    section_page = client.get(section.url).content.decode()

    assert '<link rel="alternate" type="application/atom+xml"' in index_page
    assert 'href="/actes/flux/"' in index_page
    assert 'href="/actes/jargeau/flux/"' in section_page


def test_a_section_links_to_its_open_data_exports_and_sessions(client, section):
    """The section offers the CSV and JSON exports and lists the council sessions."""
    session(section, title="Conseil municipal du 14 mars 2024")

    page = client.get(section.url).content.decode()

    assert 'href="/actes/jargeau/export.csv"' in page
    assert 'href="/actes/jargeau/export.json"' in page
    assert "Conseil municipal du 14 mars 2024" in page


def test_a_session_page_lists_its_live_deliberations(client, section):
    """The session's page publishes the list of its deliberations, in number order, without drafts or others."""
    council = session(section)
    act(section, title="Deuxième délibération", internal_id="2024-002", session=council)
    act(section, title="Première délibération", internal_id="2024-001", session=council)
    act(section, title="Délibération en projet", session=council, publish=False)
    act(section, title="Délibération d'une autre séance")

    page = client.get(council.url).content.decode()

    found = re.findall(r"<td><a href=\"[^\"]+\">([^<]+)</a></td>", page)
    assert found == ["Première délibération", "Deuxième délibération"]
    assert "20 / 3 / 1" in page


def test_a_session_page_previews_in_the_admin(section):
    """The editor's preview of a session names its organisation as the page does (it answered 500)."""
    preview = session(section).make_preview_request()

    assert preview.status_code == 200 and "Actes officiels de" in preview.content.decode()


def test_public_pages_may_be_cached_for_anonymous_visitors(client, index, section):
    """Listings and feeds are cacheable for anonymous visitors."""
    deliberation = act(section)

    for url in (index.url, section.url, section.url + "flux/", deliberation.url, section.url + "export.csv"):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert "max-age=300" in response["Cache-Control"], url


def test_public_pages_are_private_for_logged_in_users(client, editor, section):
    """A logged-in visitor's pages are not cached by shared caches."""
    client.force_login(editor)

    response = client.get(section.url)

    assert "private" in response["Cache-Control"]
