"""Only the administrators of the département and the EPCIs broadcast; the CSV errors show on the form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from extranet.broadcast.models import Broadcast
from extranet.broadcast.services import broadcast_create
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def test_others_get_404(client, departement, departement_admin, commune, admin, epci):
    """A commune's admin, and an EPCI's editor, find no broadcast pages nor the département's broadcasts."""
    broadcast = broadcast_create(
        sender=departement,
        user=departement_admin,
        subject="Info",
        body="Texte",
        by_email=True,
        by_sms=False,
        organisations=[commune],
    )
    epci_editor = membership(epci, role="editor").user
    for user in (admin, epci_editor):
        client.force_login(user)
        assert client.get("/diffusion/").status_code == 404
        assert client.get(f"/diffusion/{broadcast.pk}/").status_code == 404
        assert client.post(f"/diffusion/{broadcast.pk}/envoyer/").status_code == 404
    epci_admin = membership(epci, role="admin").user
    client.force_login(epci_admin)
    assert client.get("/diffusion/").status_code == 200
    assert client.get(f"/diffusion/{broadcast.pk}/").status_code == 404


def test_create_with_a_bad_csv_shows_french_errors_and_saves_nothing(client, departement, departement_admin, commune):
    """An invalid mobile number in the CSV is reported by line, in French, and no broadcast is saved."""
    client.force_login(departement_admin)
    upload = SimpleUploadedFile("contacts.csv", b"nom;telephone\nMarie;01 23 45 67 89\n", "text/csv")

    response = client.post(
        "/diffusion/nouvelle/",
        {"sender": departement.pk, "subject": "Info", "body": "Texte", "by_sms": "on", "contacts_file": upload},
    )

    assert response.status_code == 400
    assert "Ligne 2 : « 01 23 45 67 89 » n&#x27;est pas un numéro de mobile français" in response.content.decode()
    assert not Broadcast.objects.exists()


def test_create_preview_then_send_shows_the_log(client, departement, departement_admin, commune, member):
    """The sender previews, sends, then reads the delivery log with the counts per status."""
    client.force_login(departement_admin)
    response = client.post(
        "/diffusion/nouvelle/",
        {"sender": departement.pk, "subject": "Info", "body": "Texte", "by_email": "on", "organisations": [commune.pk]},
    )
    assert response.status_code == 302
    preview = client.get(response.url).content.decode()
    assert "1 destinataire" in preview

    client.post(response.url + "envoyer/")
    log = client.get(response.url).content.decode()
    assert "Envoyés : 1" in log and member.email in log
