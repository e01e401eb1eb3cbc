"""Every agenda URL, for each kind of visitor: a member and an editor of Jargeau, a member of Darvoy, anonymous."""

import pytest

from tests.agenda.factories import event, paris, public_calendar, shared_calendar, weekly

pytestmark = pytest.mark.django_db

STAMP = int(paris(2027, 1, 12, 18).timestamp())


@pytest.fixture
def log_in_as(client, member, editor, outsider):
    def log_in(who):
        client.logout()
        user = {"member": member, "editor": editor, "outsider": outsider, "anonymous": None}[who]
        if user:
            client.force_login(user)
        return client

    return log_in


def reading_urls(calendar, meeting):
    base = f"/agenda/calendrier/{calendar.pk}/"
    return [base, f"{base}mois/2027/1/", f"{base}semaine/2027/1/12/", f"/agenda/evenement/{meeting.pk}/"]


def editing_urls(calendar, meeting):
    return [
        f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/",
        f"/agenda/calendrier/{calendar.pk}/importer/",
        f"/agenda/evenement/{meeting.pk}/modifier/",
        f"/agenda/evenement/{meeting.pk}/supprimer/",
        f"/agenda/evenement/{meeting.pk}/occurrence/{STAMP}/",
    ]


@pytest.mark.parametrize(
    ("who", "read", "edit"),
    [("editor", 200, 200), ("member", 200, 404), ("outsider", 404, 404), ("anonymous", 404, 404)],
)
def test_private_calendar_answers_only_to_its_organisation(log_in_as, calendar, meeting, who, read, edit):
    """Jargeau's private calendar and meeting: its members read, its editors change, anyone else gets a 404."""
    client = log_in_as(who)
    for url in reading_urls(calendar, meeting):
        response = client.get(url)
        assert response.status_code == read, (who, url)
        if read == 404:
            assert "Réunion du bureau" not in response.content.decode()
    for url in editing_urls(calendar, meeting):
        assert client.get(url).status_code == edit, (who, url)


@pytest.mark.parametrize("who", ["member", "outsider", "anonymous"])
def test_forbidden_writes_change_nothing(log_in_as, meeting, who):
    """Posting a cancellation, a change or a deletion without the right answers 404 and changes nothing."""
    client = log_in_as(who)
    for url in (
        f"/agenda/evenement/{meeting.pk}/occurrence/{STAMP}/annuler/",
        f"/agenda/evenement/{meeting.pk}/occurrence/{STAMP}/retablir/",
        f"/agenda/evenement/{meeting.pk}/supprimer/",
        f"/agenda/evenement/{meeting.pk}/modifier/",
        f"/agenda/evenement/{meeting.pk}/inviter/",
        f"/agenda/evenement/{meeting.pk}/ecrire/",
        f"/agenda/evenement/{meeting.pk}/repondre/",
    ):
        data = {"title": "Piraté", "emails": "x@example.fr", "subject": "x", "message": "y", "answer": "yes"}
        assert client.post(url, data).status_code == 404, url
    meeting.refresh_from_db()
    assert meeting.title == "Réunion du bureau" and not meeting.occurrence_set.exists()
    assert not meeting.invitations.exists()


@pytest.mark.parametrize("who", ["editor", "member", "outsider", "anonymous"])
def test_missing_and_forbidden_look_the_same(log_in_as, who):
    """A missing calendar or event answers 404 like a forbidden one."""
    client = log_in_as(who)
    for url in ("/agenda/calendrier/999999/", "/agenda/evenement/999999/", "/agenda/evenement/999999/modifier/"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(("who", "shared", "public"), [("outsider", 200, 200), ("anonymous", 404, 200)])
def test_shared_calendar_is_for_members_and_public_for_everyone(log_in_as, commune, editor, who, shared, public):
    """An intercommunal meeting is read by any member of the platform; a public event by anyone."""
    meeting = event(shared_calendar(), organisation=commune, user=editor, title="Réunion intercommunale")
    fair = event(public_calendar(), organisation=commune, user=editor, title="Fête de la Loire")
    client = log_in_as(who)

    assert client.get(f"/agenda/evenement/{meeting.pk}/").status_code == shared
    assert client.get(f"/agenda/calendrier/{shared_calendar().pk}/mois/2027/1/").status_code == shared
    assert client.get(f"/agenda/evenement/{fair.pk}/").status_code == public
    assert client.get(f"/agenda/calendrier/{public_calendar().pk}/mois/2027/1/").status_code == public


def test_outsider_cannot_change_another_organisations_shared_event(log_in_as, commune, editor):
    """Darvoy's administrator reads Jargeau's intercommunal meeting but cannot change it."""
    meeting = weekly(shared_calendar(), organisation=commune, user=editor, title="Réunion intercommunale")
    client = log_in_as("outsider")

    assert client.get(f"/agenda/evenement/{meeting.pk}/").status_code == 200
    assert client.get(f"/agenda/evenement/{meeting.pk}/modifier/").status_code == 404


def test_all_calendars_views_leave_out_other_organisations_private_events(log_in_as, meeting):
    """Darvoy's administrator's own agenda (list, month, week) never shows Jargeau's private meeting."""
    client = log_in_as("outsider")
    for url in ("/agenda/?debut=2027-01-01", "/agenda/mois/2027/1/", "/agenda/semaine/2027/1/12/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Réunion du bureau" not in response.content.decode()
