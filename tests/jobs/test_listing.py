"""The job board: open offers listed and filtered; expired ones leave the listings but keep their page."""

import pytest

from extranet.jobs.pages import JobOfferPage
from tests.jobs.factories import expired_offer, offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(departement, montargis):
    offer(
        departement, title="Chargé de mission ingénierie territoriale", category="A", job_family="urbanisme-amenagement"
    )
    offer(
        montargis,
        title="Animateur périscolaire",
        category="C",
        job_family="enfance-jeunesse",
        contract_type="cdd",
        working_time="non-complet",
        weekly_hours=24,
        location="École Pierre-et-Marie-Curie",
    )
    offer(montargis, title="Agent des espaces verts", category="C", job_family="services-techniques")
    expired_offer(montargis, title="Secrétaire général de mairie", slug="secretaire-general")


def titles(response):
    return {offer.title for offer in response.context["page_obj"]}


def test_the_index_lists_open_offers_only(client, offers):
    """/emplois/ lists every organisation's open offers; the expired one is not there."""
    response = client.get("/emplois/")

    assert titles(response) == {
        "Chargé de mission ingénierie territoriale",
        "Animateur périscolaire",
        "Agent des espaces verts",
    }
    assert "Secrétaire général de mairie" not in response.content.decode()


def test_a_section_lists_its_organisation_offers(client, offers):
    """/emplois/montargis/ lists Montargis's open offers only, without the employer filter."""
    response = client.get("/emplois/montargis/")

    assert titles(response) == {"Animateur périscolaire", "Agent des espaces verts"}
    assert "organisation" not in response.context["filterset"].form.fields


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"organisation": "loiret"}, {"Chargé de mission ingénierie territoriale"}),
        ({"categorie": "C"}, {"Animateur périscolaire", "Agent des espaces verts"}),
        ({"famille": "enfance-jeunesse"}, {"Animateur périscolaire"}),
        ({"contrat": "cdd"}, {"Animateur périscolaire"}),
        ({"temps": "complet"}, {"Chargé de mission ingénierie territoriale", "Agent des espaces verts"}),
        ({"categorie": "C", "temps": "non-complet", "organisation": "montargis"}, {"Animateur périscolaire"}),
    ],
)
def test_filters(client, offers, query, expected):
    """Each filter of the GET form narrows the listing; filters combine."""
    assert titles(client.get("/emplois/", query)) == expected


def test_the_employer_filter_offers_organisations_with_open_offers(client, offers):
    """The employer list names the organisations that have open offers."""
    choices = dict(client.get("/emplois/").context["filterset"].form.fields["organisation"].choices)

    assert choices == {"": "Indifférent", "loiret": "Département du Loiret", "montargis": "Montargis"}


def test_a_bad_filter_value_is_ignored_with_a_message(client, offers):
    """An unknown category in the address is ignored, and the form says so."""
    response = client.get("/emplois/", {"categorie": "Z"})

    assert len(titles(response)) == 3
    assert "Certains filtres n'ont pas été compris et sont ignorés." in response.content.decode()


def test_listing_is_paginated_and_keeps_filters(client, montargis):
    """Beyond 20 offers the listing has pages, whose links keep the filters."""
    for number in range(22):
        offer(montargis, title=f"Agent d'entretien {number}", category="C")

    first = client.get("/emplois/", {"categorie": "C"})
    second = client.get("/emplois/", {"categorie": "C", "page": "2"})

    assert len(first.context["page_obj"]) == 20
    assert len(second.context["page_obj"]) == 2
    assert 'href="?categorie=C&amp;page=2"' in first.content.decode()


def test_an_expired_offer_stays_reachable_with_a_notice_and_noindex(client, offers):
    """The expired offer's page answers, says when it expired in French and asks search engines not to index it."""
    expired = JobOfferPage.objects.get(slug="secretaire-general")

    response = client.get(expired.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Offre expirée le " in html
    assert '<meta name="robots" content="noindex">' in html
    assert "mailto:" not in html


def test_an_open_offer_page_is_indexable_and_explains_how_to_apply(client, offers):
    """An open offer has no noindex, shows its details and how to apply."""
    response = client.get(JobOfferPage.objects.get(title="Animateur périscolaire").url)

    html = response.content.decode()
    assert 'name="robots"' not in html
    assert "Offre expirée" not in html
    assert "Temps non complet (24 h par semaine)" in html
    assert "École Pierre-et-Marie-Curie" in html
    assert 'href="mailto:recrutement@mairie.test"' in html


def test_the_place_of_work_defaults_to_the_organisation(client, offers):
    """Without a place of work, the offer shows its organisation's name."""
    assert JobOfferPage.objects.get(title="Agent des espaces verts").place == "Montargis"


def test_pages_are_cacheable_for_anonymous_visitors(client, offers):
    """The board, a section and the feeds may be cached by browsers and proxies."""
    for url in ("/emplois/", "/emplois/montargis/", "/emplois/flux/", "/emplois/montargis/flux/"):
        assert "public" in client.get(url)["Cache-Control"], url
