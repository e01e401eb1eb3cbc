"""The search page's results come from the cache until the index changes, and are never another reader's."""

import pytest
from django.conf import settings
from django.urls import reverse

from extranet.messaging import services as messaging
from extranet.search import views
from tests.accounts.factories import UserFactory
from tests.notices.factories import notice
from tests.organisations.factories import membership
from tests.search.factories import WORD

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


def results_part(client, **params) -> str:
    response = client.get(URL, {"q": WORD, **params})
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('class="search-summary"') : page.index("</main>")]


@pytest.fixture
def searches(monkeypatch) -> list:
    """Each search the page runs on the engine."""
    ran = []
    original = views.search_run
    monkeypatch.setattr(views, "search_run", lambda **kwargs: ran.append(kwargs["query"]) or original(**kwargs))
    return ran


def test_the_same_search_again_runs_nothing_until_an_item_is_indexed(world, client, commune, searches):
    """A second identical search is served from the cache; a notice published since shows at once."""
    first = results_part(client)
    assert results_part(client) == first and searches == [WORD]

    notice(commune, title="Voirie : fermeture du pont")
    assert "fermeture du pont" in results_part(client) and len(searches) == 2


def test_readers_with_other_audiences_never_get_these_results(world, client, commune, other_commune, searches):
    """Jargeau's member finds Jargeau's private article; then Darvoy's member and a visitor do not."""
    client.force_login(membership(commune, role="member").user)
    assert "Réunion des agents" in results_part(client)

    client.force_login(membership(other_commune, role="member").user)
    other = results_part(client)
    assert "Réunion des agents" not in other and "Planning voirie de Darvoy" in other

    client.logout()
    assert "Réunion des agents" not in results_part(client) and "Planning voirie" not in results_part(client)
    assert len(searches) == 3


def test_another_filter_page_or_language_gets_its_own_results(world, client, searches):
    """A kind filter, a sort and English each run their own search."""
    everything = results_part(client)
    notices = results_part(client, kind="notice")
    assert notices != everything and "Prêt d'une balayeuse" not in notices
    results_part(client, sort="date")

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "results for" in results_part(client)
    assert len(searches) == 4


def test_readers_of_the_same_organisations_share_results(world, client, commune, searches):
    """A second member of Jargeau gets the first one's results without a search of its own."""
    client.force_login(membership(commune, role="member").user)
    first = results_part(client)
    client.force_login(membership(commune, role="member").user)
    assert results_part(client) == first and "Réunion des agents" in first
    assert searches == [WORD]


def test_a_reader_whose_messages_match_gets_results_of_their_own(world, client, commune, searches):
    """A direct message about the road is found by its two participants only; a third colleague shares neither."""
    sender, recipient, third = (membership(commune, role="member").user for _ in range(3))
    conversation = messaging.conversation_create_direct(user=sender, other=recipient)
    messaging.message_send(conversation=conversation, author=sender, body="Le devis de voirie est signé", key="k")

    for reader in (sender, recipient):
        client.force_login(reader)
        assert "Le devis de" in results_part(client)
    client.force_login(third)
    assert "Le devis de" not in results_part(client)
    assert len(searches) == 3


def test_a_logged_in_reader_without_organisation_is_not_invited_to_log_in(world, client, searches):
    """Finding nothing, a visitor is invited to log in; a logged-in person without membership is not."""
    invitation = "Connectez-vous pour chercher aussi"
    assert invitation in results_part(client, q="introuvable")
    client.force_login(UserFactory())
    assert invitation not in results_part(client, q="introuvable")
    assert len(searches) == 2


def test_a_repeated_parameter_is_part_of_what_was_asked(world, client):
    """Two addresses whose last `q` is the same keep their own links (the login link returns to each one)."""
    first = results_part(client, q=["premier", "introuvable"])
    second = results_part(client, q=["second", "introuvable"])

    assert "q%3Dpremier" in first and "q%3Dsecond" in second
