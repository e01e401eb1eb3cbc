"""The aid directory's listing: facets whose counts match their results, closed aids, sections."""

import pytest

from extranet.aids.pages import AidPage
from tests.aids.factories import aid, days

pytestmark = pytest.mark.django_db

# The aids of the directory, described once; the expected counts are computed from this table.
AIDS = [
    dict(
        provider="loiret",
        title="Aide à l'investissement des communes rurales",
        targeted_audiences=["commune"],
        aid_types=["grant"],
        themes=["amenagement", "urbanisme"],
        closed=False,
        open_today=True,
    ),
    dict(
        provider="loiret",
        title="Fonds pour le patrimoine rural",
        targeted_audiences=["commune", "association"],
        aid_types=["grant"],
        themes=["culture"],
        closed=True,
        open_today=False,
    ),
    dict(
        provider="loiret",
        title="Conseil en énergie partagé",
        targeted_audiences=["commune", "epci"],
        aid_types=["technical_engineering"],
        themes=["energie"],
        closed=False,
        open_today=True,
    ),
    dict(
        provider="loiret-numerique",
        title="Fonds de soutien à la numérisation des écoles",
        targeted_audiences=["commune", "epci"],
        aid_types=["grant", "call_for_projects"],
        themes=["numerique", "education"],
        closed=False,
        open_today=False,
    ),
    dict(
        provider="loiret-numerique",
        title="Délégué à la protection des données mutualisé",
        targeted_audiences=["public_org"],
        aid_types=["technical_engineering"],
        themes=["numerique"],
        closed=True,
        open_today=False,
    ),
]
# Where each aid's specification maps to a query parameter.
PARAMS = {"beneficiaire": "targeted_audiences", "theme": "themes", "type": "aid_types", "porteur": "provider"}


def dates(spec):
    if spec["closed"]:
        return {"start_date": days(-60), "submission_deadline": days(-1)}
    if spec["open_today"]:
        return {"start_date": days(-10), "submission_deadline": days(30)}
    return {"start_date": days(10), "submission_deadline": days(60)}


@pytest.fixture
def directory(departement, syndicat):
    """The aids of AIDS, published by the département and the syndicate."""
    providers = {"loiret": departement, "loiret-numerique": syndicat}
    for spec in AIDS:
        fields = {key: spec[key] for key in ("title", "targeted_audiences", "aid_types", "themes")}
        aid(providers[spec["provider"]], **fields, **dates(spec))
    return providers


def values_of(spec, param):
    value = spec[PARAMS[param]]
    return value if isinstance(value, list) else [value]


def titles(response):
    return [aid.title for aid in response.context["page_obj"]]


def facets(response):
    return {facet.param: facet for facet in response.context["listing"].facets}


def test_closed_aids_are_hidden_by_default(client, directory):
    """The directory shows the open and upcoming aids only, without any "closed" mark."""
    response = client.get("/aides/")

    expected = {spec["title"] for spec in AIDS if not spec["closed"]}
    assert set(titles(response)) == expected
    assert "Clôturée" not in response.content.decode()


def test_closed_aids_are_shown_and_marked_on_request(client, directory):
    """Ticking "also show closed aids" lists them too, after the others, each marked "Clôturée"."""
    response = client.get("/aides/", {"cloturees": "1"})

    shown = titles(response)
    closed = [spec["title"] for spec in AIDS if spec["closed"]]
    assert set(shown) == {spec["title"] for spec in AIDS}
    assert set(shown[-len(closed) :]) == set(closed)
    assert response.content.decode().count(">Clôturée</span>") == len(closed)


@pytest.mark.parametrize("query", [{}, {"cloturees": "1"}, {"theme": "numerique"}, {"beneficiaire": "epci"}])
def test_each_facet_count_is_the_number_of_its_results(client, directory, query):
    """Every count shown beside a facet value is what the table predicts and what choosing that value lists."""
    response = client.get("/aides/", query)

    shown = facets(response)
    assert set(shown) == set(PARAMS)
    for param, facet in shown.items():
        assert facet.options, param
        for option in facet.options:
            other_filters = {key: value for key, value in query.items() if key != param}
            expected = [
                spec
                for spec in AIDS
                if option.value in values_of(spec, param)
                and (query.get("cloturees") or not spec["closed"])
                and all(value in values_of(spec, key) for key, value in other_filters.items() if key in PARAMS)
            ]
            results = client.get("/aides/", {**other_filters, param: option.value})
            assert option.count == len(expected) == results.context["page_obj"].paginator.count, (param, option)


def test_open_today_count_and_filter(client, directory):
    """ "Open today" counts and lists the aids one may apply for today, not the upcoming one."""
    listing = client.get("/aides/").context["listing"]
    response = client.get("/aides/", {"ouvertes": "1"})

    expected = {spec["title"] for spec in AIDS if spec["open_today"]}
    assert listing.open_count == len(expected)
    assert set(titles(response)) == expected


def test_closed_count_is_the_number_of_closed_aids(client, directory):
    """The "also show closed aids" box counts the closed aids matching the other filters."""
    listing = client.get("/aides/", {"theme": "numerique"}).context["listing"]

    assert listing.closed_count == 1


def test_values_of_one_facet_add_up_and_facets_combine(client, directory):
    """Two themes list the aids of either; a theme and a beneficiary list the aids with both."""
    either = client.get("/aides/", {"theme": ["culture", "energie"], "cloturees": "1"})
    both = client.get("/aides/", {"theme": "numerique", "beneficiaire": "epci"})

    assert set(titles(either)) == {"Fonds pour le patrimoine rural", "Conseil en énergie partagé"}
    assert titles(both) == ["Fonds de soutien à la numérisation des écoles"]


def test_chosen_values_stay_checked(client, directory):
    """The form shows the visitor's choices checked, so the listing can be refined without JavaScript."""
    html = client.get("/aides/", {"theme": "numerique", "porteur": "loiret-numerique"}).content.decode()

    assert 'name="theme" value="numerique" checked' in html
    assert 'name="porteur" value="loiret-numerique" checked' in html
    assert '<form method="get" action="/aides/"' in html


def test_unknown_values_are_ignored(client, directory):
    """A made-up theme in the address is ignored instead of emptying the listing or failing."""
    response = client.get("/aides/", {"theme": "n-importe-quoi", "beneficiaire": "<script>"})

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == sum(not spec["closed"] for spec in AIDS)


def test_a_provider_section_lists_its_own_aids_only(client, directory):
    """/aides/loiret-numerique/ lists the syndicate's aids, with facets but no provider facet."""
    response = client.get("/aides/loiret-numerique/", {"cloturees": "1"})

    assert set(titles(response)) == {spec["title"] for spec in AIDS if spec["provider"] == "loiret-numerique"}
    assert "porteur" not in facets(response)


def test_an_aid_page_shows_its_details(client, directory, departement):
    """An aid's page shows its provider, classification and a link back to the provider's section."""
    html = client.get(AidPage.objects.get(title="Conseil en énergie partagé").url).content.decode()

    assert "<h1>Conseil en énergie partagé</h1>" in html
    assert "Département du Loiret" in html
    assert "Ingénierie et accompagnement" in html
    assert "Communes, Intercommunalités (EPCI)" in html
    assert 'href="/aides/loiret/"' in html


def test_a_closed_aid_page_says_so(client, directory):
    """A closed aid stays reachable and says it is closed, without its application button."""
    html = client.get(AidPage.objects.get(title="Fonds pour le patrimoine rural").url).content.decode()

    assert "Clôturée\u00a0: les demandes étaient possibles jusqu" in html
    assert "Déposer une demande en ligne" not in html


def test_pages_are_cacheable_for_anonymous_visitors(client, directory):
    """The directory and its feed may be cached by browsers and proxies."""
    for url in ("/aides/", "/aides/flux/", "/aides/loiret/"):
        assert "public" in client.get(url)["Cache-Control"], url
