"""The public list and ad pages: only published ads before their expiry date, never the author's address."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from extranet.ads import services
from extranet.ads.models import Ad, AdCategory, AdKind
from tests.accounts.factories import UserFactory
from tests.ads.factories import ad, published_ad
from tests.ads.helpers import page_text
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

LIST_URL = "/annonces/"


def titles(response):
    return [item.title for item in response.context["page_obj"]]


def test_the_list_shows_published_ads_only(client, jargeau):
    """Pending, rejected, withdrawn, done and expired ads stay out of the public list."""
    published = published_ad(jargeau, title="Don de 40 chaises")
    ad(jargeau, title="En attente")
    services.ad_mark_done(ad=published_ad(jargeau, title="Terminée"))
    services.ad_withdraw(ad=published_ad(jargeau, title="Retirée"))
    moderator = membership(jargeau, role="admin").user
    services.ad_reject(ad=ad(jargeau, title="Refusée"), moderator=moderator, reason="Doublon")
    expired = published_ad(jargeau, title="Expirée par sa date")
    Ad.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(LIST_URL)

    assert titles(response) == [published.title]
    assert "1 annonce" in page_text(response)


def test_filters_by_kind_category_and_organisation(client, jargeau, other_commune):
    """The French parameters `type`, `categorie` and `organisation` narrow the list."""
    published_ad(jargeau, title="Prêt de nacelle", kind=AdKind.LOAN, category=AdCategory.EQUIPMENT)
    published_ad(jargeau, title="Don de chaises", kind=AdKind.GIFT, category=AdCategory.FURNITURE)
    published_ad(other_commune, title="Don de tables", kind=AdKind.GIFT, category=AdCategory.FURNITURE)

    assert titles(client.get(LIST_URL, {"type": "don"})) == ["Don de tables", "Don de chaises"]
    assert titles(client.get(LIST_URL, {"categorie": "materiel"})) == ["Prêt de nacelle"]
    assert titles(client.get(LIST_URL, {"type": "don", "organisation": "jargeau"})) == ["Don de chaises"]


def test_an_unknown_filter_value_is_ignored_with_a_message(client, jargeau):
    """A made-up value does not break the page: it is reported on the filter and the list stays whole."""
    published_ad(jargeau)

    response = client.get(LIST_URL, {"type": "troc"})

    assert response.status_code == 200
    assert len(titles(response)) == 1
    assert "Sélectionnez un choix valide" in page_text(response)


def test_the_organisation_filter_offers_organisations_with_ads(client, jargeau, other_commune):
    """Only organisations that have a published ad are offered in the filter."""
    published_ad(jargeau)

    choices = [label for _value, label in client.get(LIST_URL).context["filter"].form.fields["organisation"].choices]

    assert "Jargeau" in choices
    assert "Darvoy" not in choices


def test_the_list_is_paginated_and_keeps_the_filters(client, jargeau):
    """Twenty ads a page; the next-page link keeps the filters."""
    for number in range(21):
        published_ad(jargeau, title=f"Don n° {number}", kind=AdKind.GIFT)

    first = client.get(LIST_URL, {"type": "don"})
    second = client.get(LIST_URL, {"type": "don", "page": 2})

    assert len(titles(first)) == 20
    assert 'href="?type=don&amp;page=2"' in first.content.decode()
    assert titles(second) == ["Don n° 0"]


def test_the_ad_page_shows_the_first_name_and_organisation_never_the_address(client, jargeau):
    """The author's first name and organisation are shown; neither their e-mail nor their last name."""
    author = UserFactory(first_name="Pierre", last_name="Vauquelin", email="pierre.vauquelin@jargeau.test")
    membership(jargeau, user=author)
    published = published_ad(jargeau, author=author, photos=2)

    response = client.get(published.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert author.first_name in page_text(response)
    assert "Jargeau" in page_text(response)
    assert author.email not in content
    assert "vauquelin" not in content.lower()
    assert "mailto:" not in content
    assert content.count('alt="Photo ') == 2


def test_a_pending_ad_is_hidden_from_the_public_and_from_other_members(client, jargeau):
    """The page of an ad awaiting moderation answers 404 to visitors and to the author's colleagues."""
    pending = ad(jargeau)

    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(membership(jargeau, role="admin").user)
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_an_expired_ad_page_is_gone_even_before_the_command_runs(client, jargeau):
    """An ad past its date answers 404 although its status still says published."""
    published = published_ad(jargeau)
    Ad.objects.filter(pk=published.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert client.get(published.get_absolute_url()).status_code == 404


def test_public_pages_are_cacheable_for_anonymous_visitors_only(client, jargeau, author):
    """Anonymous visitors get a public Cache-Control; logged-in members a private one."""
    published = published_ad(jargeau)

    for url in (LIST_URL, published.get_absolute_url()):
        assert "public" in client.get(url)["Cache-Control"]
    client.force_login(author)
    for url in (LIST_URL, published.get_absolute_url()):
        assert "private" in client.get(url)["Cache-Control"]


def test_members_see_links_to_post_and_to_their_ads(client, author):
    """A logged-in member is offered “Déposer une annonce” and “Mes annonces”; visitors a login link."""
    anonymous = page_text(client.get(LIST_URL))
    client.force_login(author)
    member = page_text(client.get(LIST_URL))

    assert "se connecter pour déposer une annonce" in anonymous
    assert "Déposer une annonce" in member
    assert "Mes annonces" in member
    assert "Annonces à valider" not in member


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_runs_as_many_queries_for_5_or_30_ads_with_photos(client, jargeau, other_commune):
    """The number of queries does not grow with the number of ads, organisations or photos."""
    for number in range(5):
        published_ad(jargeau if number % 2 else other_commune, photos=2)
    few = count_queries(client, LIST_URL)
    for number in range(25):
        organisation = OrganisationFactory() if number % 5 == 0 else jargeau
        published_ad(organisation, photos=1 + number % 3)

    assert count_queries(client, LIST_URL) == few
    assert count_queries(client, LIST_URL + "?page=2") == few


def test_the_ad_page_runs_a_fixed_number_of_queries(client, jargeau):
    """One photo or five: the ad page runs the same queries."""
    one = count_queries(client, published_ad(jargeau, photos=1).get_absolute_url())

    assert count_queries(client, published_ad(jargeau, photos=5).get_absolute_url()) == one
