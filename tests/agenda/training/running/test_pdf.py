"""The printable PDFs: the attendance sheet and the certificates, in French with every accent, for the right people."""

import io
from datetime import datetime

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agenda.training.models import Registration
from tests.agenda.factories import PARIS
from tests.agenda.training.running.factories import TITLE, registration, training_session
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def certificate_url(session, user):
    row = Registration.objects.get(session=session, user=user)
    return reverse("agenda:training:certificate", args=[session.pk, row.pk])


def test_the_attendance_sheet_lists_the_registered_people_with_their_accents(
    client, trainer, session, participant, absentee
):
    """An A4 sheet with the title, the Paris time, the place, the trainer and one row per person to sign."""
    client.force_login(trainer)

    text = pdf_text(client.get(reverse("agenda:training:attendance_pdf", args=[session.pk])))

    for expected in (
        "Feuille d’émargement",
        TITLE,
        "Salle des fêtes",
        "Anaïs Lefèvre",
        "Léa Bœuf",
        "Noël Çava",
        "Signature",
    ):
        assert expected in text, expected
    start = session.event.start.astimezone(PARIS)
    assert f"{start:%H:%M}" in text


def test_a_participant_downloads_their_certificate_with_a_stable_number(client, commune, session, participant):
    """The certificate names the participant, their organisation, the session and its duration; its number stays."""
    client.force_login(participant)

    response = client.get(certificate_url(session, participant))
    text = pdf_text(response)

    row = Registration.objects.get(user=participant)
    assert row.certificate_number.startswith("FORM-")
    for expected in (
        "Attestation de présence",
        "Léa Bœuf",
        "Jargeau",
        TITLE,
        "Durée : 3 h",
        "Anaïs Lefèvre",
        row.certificate_number,
    ):
        assert expected in text, expected
    assert "Fait à Jargeau, le " in text
    assert response["Content-Disposition"] == f'attachment; filename="attestation-{row.certificate_number}.pdf"'
    client.get(certificate_url(session, participant))
    assert Registration.objects.get(user=participant).certificate_number == row.certificate_number


def test_the_trainer_downloads_any_present_participants_certificate_with_its_own_number(
    client, trainer, session, participant, commune
):
    """Two participants, two different numbers; the trainer gets both."""

    second = membership(commune).user
    registration(session, second, organisation=commune, present=True)
    client.force_login(trainer)

    assert client.get(certificate_url(session, participant)).status_code == 200
    assert client.get(certificate_url(session, second)).status_code == 200
    numbers = set(Registration.objects.filter(session=session).values_list("certificate_number", flat=True))
    assert len(numbers) == 2 and "" not in numbers


def test_no_certificate_for_the_absent_nor_for_someone_elses(client, session, participant, absentee, trainer):
    """The absent get none, even from the trainer; a participant cannot fetch another's certificate."""
    client.force_login(absentee)
    assert client.get(certificate_url(session, absentee)).status_code == 404
    assert client.get(certificate_url(session, participant)).status_code == 404

    client.force_login(trainer)
    assert client.get(certificate_url(session, absentee)).status_code == 404
    assert Registration.objects.get(user=absentee).certificate_number == ""


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (datetime(2026, 3, 10, 9, 0, tzinfo=PARIS), 3, "Durée : 3 h"),
        (datetime(2026, 3, 10, 14, 0, tzinfo=PARIS), 2.5, "Durée : 2 h 30"),
        (datetime(2026, 3, 10, 22, 30, tzinfo=PARIS), 3, "Durée : 3 h"),
        (datetime(2026, 3, 10, 9, 0, tzinfo=PARIS), 32, "Durée : 2 jours"),
        (datetime(2026, 3, 10, 14, 0, tzinfo=PARIS), 22, "Durée : 2 jours"),
    ],
)
def test_the_certificate_counts_hours_for_a_day_or_an_evening_and_days_for_a_course(
    client, commune, trainer, start, hours, expected
):
    """An evening session running past midnight lasts hours, not two days; a course over two dates lasts days."""
    session = training_session(commune, trainer=trainer, start=start, hours=hours)
    user = membership(commune).user
    registration(session, user, organisation=commune, present=True)
    client.force_login(user)

    assert expected in pdf_text(client.get(certificate_url(session, user)))
