"""Moderation by the département's editors and admins; anybody else gets a 404."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from extranet.ads.models import Ad, AdStatus
from tests.ads.factories import ad, departement
from tests.ads.helpers import page_text
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

QUEUE_URL = "/annonces/moderation/"


def moderate_url(ad, action=""):
    return f"/annonces/moderation/{ad.pk}/{action}"


@pytest.fixture
def pending(jargeau, author):
    return ad(jargeau, author=author, title="Prêt d'une nacelle élévatrice")


@pytest.mark.parametrize("role", ["member", "editor", "admin"])
def test_members_of_a_commune_cannot_moderate(client, jargeau, pending, role):
    """Whatever their role in Jargeau, a commune's member gets 404 on the queue, the ad and the actions."""
    client.force_login(membership(jargeau, role=role).user)

    assert client.get(QUEUE_URL).status_code == 404
    assert client.get(moderate_url(pending)).status_code == 404
    assert client.post(moderate_url(pending, "publier/")).status_code == 404
    assert client.post(moderate_url(pending, "refuser/"), {"reason": "Non"}).status_code == 404
    assert Ad.objects.get().status == AdStatus.PENDING


def test_a_plain_member_of_the_département_cannot_moderate(client, loiret, pending):
    """Moderation needs the editor role at the département: a member gets 404."""
    client.force_login(membership(loiret, role="member").user)

    assert client.get(QUEUE_URL).status_code == 404
    assert client.post(moderate_url(pending, "publier/")).status_code == 404


def test_another_départements_editor_cannot_moderate_this_départements_communes(client, pending):
    """An editor of the Cher does not see or moderate the ads of a Loiret commune."""
    cher = departement(slug="cher", name="Département du Cher")
    client.force_login(membership(cher, role="editor").user)

    assert client.get(QUEUE_URL).context["ads"].count() == 0
    assert client.get(moderate_url(pending)).status_code == 404
    assert client.post(moderate_url(pending, "publier/")).status_code == 404


def test_ads_of_an_organisation_without_a_département_go_to_every_département(client, moderator):
    """A partner body attached to no département is moderated by the départements' editors."""
    partner = OrganisationFactory(kind="agency", slug="cdg45", name="Centre de gestion", insee_code="")
    partner_ad = ad(partner)
    client.force_login(moderator)

    assert list(client.get(QUEUE_URL).context["ads"]) == [partner_ad]


def test_the_editor_sees_the_queue_and_the_ad(client, moderator, pending):
    """The queue lists the pending ad with its organisation; the ad's page offers both decisions."""
    client.force_login(moderator)

    queue = page_text(client.get(QUEUE_URL))
    page = client.get(moderate_url(pending))

    assert "Prêt d'une nacelle élévatrice" in queue
    assert "Jargeau" in queue
    assert page.status_code == 200
    assert "Publier l'annonce" in page_text(page)
    assert "Motif du refus" in page_text(page)


def test_approving_publishes_the_ad_and_tells_the_author(client, moderator, pending, author):
    """After approval the ad is public, its author gets an e-mail with its link, and it leaves the queue."""
    client.force_login(moderator)
    mail.outbox.clear()

    response = client.post(moderate_url(pending, "publier/"), follow=True)

    pending.refresh_from_db()
    assert (pending.status, pending.moderated_by) == (AdStatus.PUBLISHED, moderator)
    assert (pending.expires_at - pending.published_at).days == 60
    assert "« Prêt d'une nacelle élévatrice » est publiée ; son auteur a été prévenu." in page_text(response)
    assert "Aucune annonce n'attend de validation." in page_text(response)
    [message] = mail.outbox
    assert message.to == [author.email]
    assert f"/annonces/{pending.pk}/" in message.body
    assert Client().get(pending.get_absolute_url()).status_code == 200


def test_rejecting_needs_a_reason_that_the_author_receives(client, moderator, pending, author):
    """An empty reason is refused; with one, the ad is rejected and the author reads the reason."""
    client.force_login(moderator)
    mail.outbox.clear()

    empty = client.post(moderate_url(pending, "refuser/"), {"reason": "  "})
    assert empty.status_code == 400
    assert "Champ requis." in page_text(empty)
    assert Ad.objects.get().status == AdStatus.PENDING

    client.post(moderate_url(pending, "refuser/"), {"reason": "Photo sans rapport avec l'annonce."})

    pending.refresh_from_db()
    assert (pending.status, pending.moderation_note) == (AdStatus.REJECTED, "Photo sans rapport avec l'annonce.")
    [message] = mail.outbox
    assert message.to == [author.email]
    assert "Photo sans rapport avec l'annonce." in message.body
    client.force_login(author)
    assert "Motif : Photo sans rapport avec l'annonce." in page_text(client.get("/annonces/mes-annonces/"))


def test_an_ad_cannot_be_moderated_twice(client, moderator, pending):
    """Once approved, the ad is out of reach of the moderation URLs (404)."""
    client.force_login(moderator)
    client.post(moderate_url(pending, "publier/"))

    assert client.post(moderate_url(pending, "refuser/"), {"reason": "Trop tard"}).status_code == 404
    assert Ad.objects.get().status == AdStatus.PUBLISHED


def test_superusers_moderate_everything(client, superuser, pending):
    """A platform superuser sees every pending ad."""
    client.force_login(superuser)

    assert list(client.get(QUEUE_URL).context["ads"]) == [pending]


def test_moderation_forms_need_the_csrf_token(moderator, pending):
    """A cross-site approval is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    assert client.post(moderate_url(pending, "publier/")).status_code == 403
    assert Ad.objects.get().status == AdStatus.PENDING


def test_the_moderators_link_shows_on_the_list_for_them_only(client, moderator, author):
    """The département's editor sees “Annonces à valider” on the public list."""
    client.force_login(moderator)

    assert "Annonces à valider" in page_text(client.get("/annonces/"))


def queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE_URL).status_code == 200
    return len(queries)


def test_the_queue_runs_as_many_queries_for_3_or_20_ads(client, moderator, jargeau, loiret):
    """The number of queries does not grow with the pending ads, their authors, organisations or photos."""
    client.force_login(moderator)
    for number in range(3):
        ad(jargeau, photos=number % 2)
    few = queue_queries(client)
    for number in range(17):
        organisation = OrganisationFactory(parent=loiret) if number % 4 == 0 else jargeau
        ad(organisation, photos=number % 3)

    assert client.get(QUEUE_URL).context["ads"].count() == 20
    assert queue_queries(client) == few
