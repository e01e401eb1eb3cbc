"""What authors do with their ads (“Mes annonces”): change while pending, mark done, withdraw, renew once."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from extranet.ads import services
from extranet.ads.models import Ad, AdStatus
from extranet.ads.tasks import ads_expire
from tests.ads.factories import ad, published_ad
from tests.ads.helpers import ad_form_data, page_text, valid_photo
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

MINE_URL = "/annonces/mes-annonces/"


def action_url(ad, action):
    return f"/annonces/mes-annonces/{ad.pk}/{action}/"


def backdate(ad, *, days_ago):
    """Pretend the ad expired `days_ago` days ago."""
    Ad.objects.filter(pk=ad.pk).update(expires_at=timezone.now() - timedelta(days=days_ago))


def test_my_ads_lists_the_authors_ads_only(client, jargeau, author):
    """The author sees their ads and statuses; a colleague's ad is not listed."""
    ad(jargeau, author=author, title="Mon annonce")
    ad(jargeau, title="L'annonce d'un collègue")
    client.force_login(author)

    page = page_text(client.get(MINE_URL))

    assert "Mon annonce" in page
    assert "En attente de validation" in page
    assert "L'annonce d'un collègue" not in page


def test_the_author_changes_a_pending_ad_and_its_photos(client, jargeau, author):
    """Title changed, one photo removed (its files deleted), one added; the ad still awaits moderation."""
    pending = ad(jargeau, author=author, photos=2)
    removed = pending.photos.first()
    client.force_login(author)
    data = ad_form_data(
        jargeau, title="Prêt d'une nacelle de 12 m", photos=[valid_photo("Panier de la nacelle")], remove=[removed.pk]
    )
    data["photos-TOTAL_FORMS"] = "3"

    response = client.post(action_url(pending, "modifier"), data)

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.title == "Prêt d'une nacelle de 12 m"
    assert pending.status == AdStatus.PENDING
    assert [photo.alt_text for photo in pending.photos.all()] == ["Photo 1", "Panier de la nacelle"]


def test_removed_photo_files_are_deleted(jargeau, author, django_capture_on_commit_callbacks):
    """The files of a removed photo leave the storage once the change is committed."""
    pending = ad(jargeau, author=author, photos=1)
    photo = pending.photos.get()
    names = [photo.image.name, photo.thumbnail.name]

    with django_capture_on_commit_callbacks(execute=True):
        services.ad_update(ad=pending, **_fields(pending), removed_photos=[photo])

    assert not pending.photos.exists()
    assert not any(default_storage.exists(name) for name in names)


def _fields(ad):
    return {
        "organisation": ad.organisation,
        "kind": ad.kind,
        "title": ad.title,
        "description": ad.description,
        "category": ad.category,
        "price": ad.price,
        "location": ad.location,
    }


def test_another_member_cannot_see_or_change_someone_elses_ad(client, jargeau, author):
    """A colleague of the same commune, even its admin, gets 404 on every action on the author's ad."""
    pending = ad(jargeau, author=author)
    published = published_ad(jargeau, author=author)
    client.force_login(membership(jargeau, role="admin").user)

    assert client.get(action_url(pending, "modifier")).status_code == 404
    assert client.post(action_url(pending, "modifier"), ad_form_data(jargeau, title="Piraté")).status_code == 404
    for action in ("terminer", "retirer", "renouveler"):
        assert client.post(action_url(published, action)).status_code == 404
    assert {item.status for item in Ad.objects.all()} == {AdStatus.PENDING, AdStatus.PUBLISHED}
    assert not Ad.objects.filter(title="Piraté").exists()


def test_a_published_ad_cannot_be_changed(client, jargeau, author):
    """Only pending ads are changed: the author is sent back to their list with a French explanation."""
    published = published_ad(jargeau, author=author)
    client.force_login(author)

    response = client.post(action_url(published, "modifier"), ad_form_data(jargeau, title="Autre"), follow=True)

    assert "Seule une annonce en attente de validation peut être modifiée." in page_text(response)
    published.refresh_from_db()
    assert published.title != "Autre"


def test_marking_done_takes_the_ad_off_the_public_list(client, jargeau, author):
    """A done ad disappears from the public list and page."""
    published = published_ad(jargeau, author=author, title="Don de chaises")
    client.force_login(author)

    response = client.post(action_url(published, "terminer"), follow=True)

    assert "« Don de chaises » est marquée comme terminée." in page_text(response)
    assert Ad.objects.get().status == AdStatus.DONE
    assert Client().get(published.get_absolute_url()).status_code == 404


def test_withdrawing_a_pending_ad_takes_it_out_of_the_queue(client, jargeau, author, moderator):
    """A withdrawn ad is no longer offered to the moderators."""
    pending = ad(jargeau, author=author)
    client.force_login(author)

    client.post(action_url(pending, "retirer"))

    assert Ad.objects.get().status == AdStatus.WITHDRAWN
    client.force_login(moderator)
    assert client.get(f"/annonces/moderation/{pending.pk}/").status_code == 404


def test_author_actions_need_post_and_the_csrf_token(jargeau, author):
    """A link or a cross-site form cannot mark an ad as done."""
    published = published_ad(jargeau, author=author)
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)

    assert client.get(action_url(published, "terminer")).status_code == 405
    assert client.post(action_url(published, "terminer")).status_code == 403
    assert Ad.objects.get().status == AdStatus.PUBLISHED


def test_the_expiry_command_marks_ads_past_their_date(jargeau):
    """`ads_expire` marks the published ads past their date, and only them."""
    old = published_ad(jargeau, title="Ancienne")
    recent = published_ad(jargeau, title="Récente")
    backdate(old, days_ago=1)

    call_command("ads_expire", stdout=None)

    assert Ad.objects.get(pk=old.pk).status == AdStatus.EXPIRED
    assert Ad.objects.get(pk=recent.pk).status == AdStatus.PUBLISHED


def test_the_expiry_task_does_the_same(jargeau):
    """The django-tasks task can run the expiry from the task worker."""
    old = published_ad(jargeau)
    backdate(old, days_ago=1)

    result = ads_expire.enqueue()

    assert result.return_value == 1
    assert Ad.objects.get().status == AdStatus.EXPIRED


@pytest.mark.parametrize("run_the_command", [True, False], ids=["marked-expired", "past-its-date"])
def test_an_expired_ad_is_renewed_once(client, jargeau, author, run_the_command):
    """The author renews an expired ad for a new period, once; the second time is refused in French."""
    published = published_ad(jargeau, author=author, title="Podium")
    backdate(published, days_ago=3)
    if run_the_command:
        services.ad_expire_due()
    client.force_login(author)
    assert "Expirée" in page_text(client.get(MINE_URL))

    response = client.post(action_url(published, "renouveler"), follow=True)

    published.refresh_from_db()
    assert "« Podium » est de nouveau publiée." in page_text(response)
    assert published.status == AdStatus.PUBLISHED
    assert published.expires_at > timezone.now() + timedelta(days=59)
    assert Client().get(published.get_absolute_url()).status_code == 200

    backdate(published, days_ago=1)
    again = client.post(action_url(published, "renouveler"), follow=True)
    assert "Seule une annonce expirée et jamais renouvelée peut être renouvelée." in page_text(again)
    assert "Renouveler" not in page_text(again)


def test_a_published_ad_cannot_be_renewed_before_it_expires(client, jargeau, author):
    """Renewing is for expired ads: a live ad keeps its date."""
    published = published_ad(jargeau, author=author)
    expiry = published.expires_at
    client.force_login(author)

    client.post(action_url(published, "renouveler"))

    published.refresh_from_db()
    assert published.expires_at == expiry
