"""Ids too large for the database answer 404 (or a form error), never an error page."""

import pytest

from tests.agenda.training.running.factories import training_session

pytestmark = pytest.mark.django_db

HUGE = 99999999999999999999999


@pytest.mark.parametrize(
    "path", ["inscriptions/", "presences/", "presences.csv", "modifier/", "avis/", "avis/resultats/", "inscription/"]
)
def test_an_out_of_range_session_id_answers_404(client, commune, editor, path):
    """A session id beyond the database's integers is a missing page for the trainer, not an error page."""
    training_session(commune, trainer=editor)
    client.force_login(editor)
    method = client.post if path == "inscription/" else client.get
    assert method(f"/agenda/formations/session/{HUGE}/{path}").status_code == 404


def test_an_out_of_range_material_is_refused_with_a_french_message(client, calendar, editor):
    """A material id beyond the database's integers is an unknown choice on the form, which keeps what was typed."""
    client.force_login(editor)
    response = client.post(
        f"/agenda/formations/calendrier/{calendar.pk}/nouvelle-session/",
        {"title": "Initiation au RGPD", "materials": [str(HUGE)]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{HUGE} n’en fait pas partie" in page and "Initiation au RGPD" in page
