"""The training pages: private sessions stay private, registering by POST, the list in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.training.models import Registration
from tests.agenda.training.factories import register
from tests.agenda.training.factories import session as make_session

pytestmark = pytest.mark.django_db


def test_a_member_of_another_commune_gets_404_on_every_page_of_a_private_session(client, session, outsider):
    """Darvoy's admin reads nothing of Jargeau's private session and cannot register for it."""
    client.force_login(outsider)
    pk = session.pk

    pages = [
        f"/agenda/evenement/{pk}/",
        *(f"/agenda/formations/session/{pk}/{page}/" for page in ("modifier", "inscriptions", "inscrire-un-membre")),
    ]
    assert [client.get(url).status_code for url in pages] == [404] * 4
    assert client.post(f"/agenda/formations/session/{pk}/inscription/").status_code == 404
    assert b"Initiation au RGPD" not in client.get("/agenda/formations/").content
    assert not Registration.objects.exists()


def test_a_member_registers_by_post_and_sees_it_in_french(client, session, commune, member):
    """The button posts the registration; the session's page then says so and offers to cancel."""
    client.force_login(member)

    response = client.post(
        f"/agenda/formations/session/{session.pk}/inscription/", follow=True, HTTP_ACCEPT_LANGUAGE="fr"
    )

    page = response.content.decode()
    assert Registration.objects.get(user=member).status == "registered"
    assert "Vous êtes inscrit." in page and "Annuler mon inscription" in page
    assert client.get(f"/agenda/formations/session/{session.pk}/inscription/").status_code == 405


def test_those_who_run_the_session_see_the_waiting_list_in_order(
    client, session, commune, member, colleagues, editor, admin
):
    """The editor reads the registered people and, in order, the waiting list; the admin may register members."""
    for person in (member, *colleagues):
        register(session, person, commune)
    client.force_login(editor)

    page = client.get(
        f"/agenda/formations/session/{session.pk}/inscriptions/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    waiting = page.split("Liste d’attente")[1]
    assert waiting.index(colleagues[1].full_name) < waiting.index(colleagues[2].full_name)
    assert member.full_name not in waiting
    client.force_login(admin)
    form = client.get(f"/agenda/formations/session/{session.pk}/inscrire-un-membre/").content.decode()
    assert member.full_name in form


def test_the_list_runs_the_same_queries_for_one_or_many_sessions(client, calendar, editor, commune, member):
    """One session or six, registered or not: the list page costs the same number of queries."""
    client.force_login(member)
    first = make_session(calendar, user=editor, title="Session 0")
    register(first, member, commune)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/agenda/formations/").status_code == 200
    for number in range(1, 6):
        register(make_session(calendar, user=editor, title=f"Session {number}"), member, commune)

    with CaptureQueriesContext(connection) as six:
        page = client.get("/agenda/formations/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert len(six) == len(one)
    assert page.count("Inscrit") >= 6 and "Session 5" in page


def test_an_editor_creates_a_session_with_materials_of_their_library_only(
    client, calendar, editor, outsider, other_commune
):
    """The form takes Jargeau's document as material; Darvoy's document is refused and nothing is saved."""
    from agenda.training.models import TrainingSession
    from tests.documents.factories import document

    own = document(calendar.organisation, user=editor, name="support-rgpd.pdf")
    foreign = document(other_commune, user=outsider, name="secret.pdf")
    client.force_login(editor)
    data = {
        "title": "Initiation au RGPD",
        "start": "2031-03-04T09:00",
        "end": "2031-03-04T17:00",
        "registration_deadline": "2031-03-01T12:00",
        "trainer": editor.pk,
        "capacity": "12",
        "audience_roles": ["member"],
    }
    url = f"/agenda/formations/calendrier/{calendar.pk}/nouvelle-session/"

    refused = client.post(url, {**data, "materials": [foreign.pk]}, HTTP_ACCEPT_LANGUAGE="fr")
    created = client.post(url, {**data, "materials": [own.pk]})

    assert refused.status_code == 200 and "Sélectionnez un choix valide" in refused.content.decode()
    session = TrainingSession.objects.get()
    assert created.url == f"/agenda/evenement/{session.pk}/"
    assert list(session.materials.all()) == [own] and session.audience_roles == ["member"]
    assert session.event.rule is None and session.capacity == 12
    assert client.get(url).status_code == 200
    assert f'href="/bibliotheque/document/{own.pk}/"' in client.get(created.url).content.decode()
    assert "support-rgpd.pdf" in client.get(f"/agenda/formations/session/{session.pk}/modifier/").content.decode()


def test_cancelling_twice_says_so_instead_of_a_404(client, session, commune, member):
    """The button pressed twice (a slow network, a second tab): the second press tells the registration is gone."""
    register(session, member, commune)
    client.force_login(member)
    url = f"/agenda/formations/session/{session.pk}/desinscription/"

    client.post(url)
    again = client.post(url, follow=True)

    assert again.status_code == 200
    assert "Vous n&#x27;avez pas d&#x27;inscription à annuler pour cette session." in again.content.decode()
    assert Registration.objects.get(session=session, user=member).status == "cancelled"


def test_a_public_sessions_materials_are_named_only_to_those_who_may_open_them(client, editor, commune, outsider):
    """A private document of Jargeau's library, given as material of a public session, is named to Jargeau only."""
    from tests.agenda.factories import public_calendar
    from tests.documents.factories import document, share

    private = document(commune, user=editor, name="licenciement-confidentiel.pdf")
    handout = document(commune, user=editor, name="programme-public.pdf")
    share(handout, None, user=editor, is_public=True)
    course = make_session(public_calendar(), user=editor, organisation=commune, materials=[private, handout])
    url = f"/agenda/evenement/{course.event.pk}/"

    anonymous = client.get(url).content.decode()
    client.force_login(outsider)
    darvoy = client.get(url).content.decode()
    client.force_login(editor)
    jargeau = client.get(url).content.decode()

    for page in (anonymous, darvoy):
        assert "programme-public" in page and "licenciement-confidentiel" not in page
    assert "programme-public" in jargeau and f'href="/bibliotheque/document/{private.pk}/"' in jargeau
