"""An act stays online two months at least: the Wagtail admin refuses to take a recent act offline."""

from datetime import datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from extranet.acts.models import ActPage, ActSectionPage
from extranet.acts.retention import add_months, online_until
from tests.acts.factories import act, admin_edit_url, admin_form

pytestmark = pytest.mark.django_db


def errors(response):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


def age(act_page, **delta):
    """Pretend the act went online `delta` (or two months and a day) ago."""
    went_online = timezone.now() - timedelta(**delta) if delta else add_months(timezone.now(), -2) - timedelta(days=1)
    ActPage.objects.filter(pk=act_page.pk).update(first_published_at=went_online)
    act_page.refresh_from_db()
    return act_page


def unpublish(client, page):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))


def delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def bulk(client, action, pages, **data):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return client.post(url + "?" + "&".join(f"id={page.pk}" for page in pages), data)


def test_two_months_run_to_the_same_day_and_stay_within_the_month():
    """Two months after 31 December is the end of February; after 14 March, 14 May."""
    paris = timezone.get_current_timezone()

    assert online_until(datetime(2023, 12, 31, 12, tzinfo=paris)) == datetime(2024, 2, 29, 12, tzinfo=paris)
    assert online_until(datetime(2024, 3, 14, 9, tzinfo=paris)) == datetime(2024, 5, 14, 9, tzinfo=paris)


def test_an_editor_cannot_unpublish_a_recent_act(client, editor, section):
    """The unpublish view refuses with a French message naming the date until which the act stays online."""
    recent = age(act(section, title="Tarifs de la cantine scolaire"), days=20)
    client.force_login(editor)

    response = unpublish(client, recent)

    assert response.status_code == 302
    recent.refresh_from_db()
    assert recent.live
    [message] = errors(response)
    assert "« Tarifs de la cantine scolaire » a été mis en ligne le" in message
    assert "ne peut pas être dépublié avant le" in message
    assert "au moins deux mois (article R. 2131-1 du CGCT)" in message


def test_an_editor_cannot_delete_a_recent_act(client, editor, section):
    """The delete view refuses too, whether asked to confirm (GET) or to delete (POST)."""
    recent = act(section)
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_pages:delete", args=[recent.pk])).status_code == 302
    response = delete(client, recent)

    assert response.status_code == 302
    assert ActPage.objects.filter(pk=recent.pk, live=True).exists()
    assert "ne peut pas être supprimé avant le" in errors(response)[0]


def test_an_act_older_than_two_months_can_be_unpublished(client, editor, section):
    """Once the two months have passed, the editor unpublishes the act."""
    old = age(act(section))
    client.force_login(editor)

    response = unpublish(client, old)

    assert response.status_code == 302
    assert errors(response) == []
    old.refresh_from_db()
    assert not old.live


def test_an_act_older_than_two_months_can_be_deleted(client, editor, section):
    """Once the two months have passed, the editor deletes the act."""
    old = age(act(section))
    client.force_login(editor)

    response = delete(client, old)

    assert response.status_code == 302
    assert not ActPage.objects.filter(pk=old.pk).exists()


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_bulk_actions_refuse_recent_acts(client, editor, section, action):
    """Selecting an old and a recent act in the listing and unpublishing or deleting them in bulk is refused."""
    old, recent = age(act(section)), act(section)
    client.force_login(editor)

    response = bulk(client, action, [old, recent])

    assert response.status_code == 302
    assert ActPage.objects.filter(pk__in=[old.pk, recent.pk], live=True).count() == 2
    assert "au moins deux mois" in errors(response)[0]


def test_bulk_unpublish_of_old_acts_is_allowed(client, editor, section):
    """Old acts can be unpublished in bulk."""
    old_acts = [age(act(section)), age(act(section))]
    client.force_login(editor)

    bulk(client, "unpublish", old_acts)

    assert not ActPage.objects.filter(live=True).exists()


def test_unpublishing_the_section_with_its_recent_acts_is_refused(client, superuser, section):
    """Taking the whole section offline with its acts counts as taking the acts offline."""
    act(section)
    client.force_login(superuser)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[section.pk]), {"include_descendants": "on"})

    assert response.status_code == 302
    assert ActSectionPage.objects.get(pk=section.pk).live
    assert ActPage.objects.get().live


def test_an_act_cannot_be_moved_to_another_section(client, superuser, section, other_section):
    """Even a platform administrator cannot move Jargeau's act into Darvoy's section."""
    deliberation = age(act(section))
    client.force_login(superuser)

    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[deliberation.pk, other_section.pk]))

    assert response.status_code == 302
    assert ActPage.objects.get().get_parent().pk == section.pk
    assert "restent dans la section de leur organisation" in errors(response)[0]


def test_an_act_cannot_be_copied(client, superuser, section):
    """Copying would duplicate the act's number and signed PDF: the copy view refuses."""
    deliberation = act(section)
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:copy", args=[deliberation.pk]))

    assert response.status_code == 302
    assert ActPage.objects.count() == 1
    assert "Un acte ne se copie pas" in errors(response)[0]


def test_bulk_publication_refuses_an_incomplete_draft(client, editor, section):
    """A draft saved without its number cannot be published in bulk, which skips the editor's checks."""
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=["acts", "actpage", section.pk]),
        admin_form(publish=False, internal_id="", matter_code=""),
    )
    draft = ActPage.objects.get()

    response = bulk(client, "publish", [draft])

    assert response.status_code == 302
    assert not ActPage.objects.get().live
    [message] = errors(response)
    assert "ne peut pas être publié en l’état : ouvrez-le dans l’éditeur pour le compléter." in message
    assert "Numéro de l’acte : Ce champ ne peut pas être vide." in message


def test_a_scheduled_expiry_after_two_months_is_accepted(client, editor, section):
    """An expiry date beyond the two months is accepted in the editor."""
    deliberation = act(section)
    client.force_login(editor)
    expiry = timezone.localtime(online_until(deliberation.first_published_at) + timedelta(days=1))

    response = client.post(
        admin_edit_url(deliberation),
        admin_form(
            of=deliberation,
            expire_at=expiry.strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert response.status_code == 302
    deliberation.refresh_from_db()
    assert deliberation.expire_at is not None


def test_no_privacy_setting_takes_an_act_or_its_section_offline(client, editor, section):
    """The privacy dialog offers nothing on acts, and a forged "login only" restriction is not saved."""
    from wagtail.models import PageViewRestriction

    recent = age(act(section, title="Tarifs de la cantine scolaire"), days=20)
    client.force_login(editor)

    for page in (recent, section):
        url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
        client.post(url, {"restriction_type": "login", "password": "", "groups": []})

    assert not PageViewRestriction.objects.filter(page__in=[recent, section]).exists()
    client.logout()
    assert client.get(recent.url).status_code == 200


def test_a_published_act_keeps_its_address(client, editor, section):
    """Changing the slug of a published act is refused in French: its PDF's address is in the open-data export."""
    published = act(section, title="Tarifs de la cantine scolaire")
    client.force_login(editor)
    form = admin_form(of=published, slug="nouvelle-adresse")

    response = client.post(admin_edit_url(published), form)

    assert response.status_code == 200
    assert "Cet acte a été publié : son adresse" in response.content.decode()
    published.refresh_from_db()
    assert published.slug != "nouvelle-adresse"
    assert client.get(published.url + "acte.pdf").status_code == 200
