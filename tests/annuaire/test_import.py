"""CSV import of people: a line-by-line report first, nothing written until the admin confirms a clean file."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annuaire.importer import MAX_ROWS, people_import_parse
from annuaire.models import PersonCard
from annuaire.services import service_create

pytestmark = pytest.mark.django_db

GOOD = (
    "Courriel;Nom;Prénom;Fonction;Service;Téléphone\nzoe@jargeau.test;Lefèvre;Zoé;Comptable;Finances;02 38 59 70 02\n"
)


def parse(text, *, encoding="utf-8", services=("finances",)):
    return people_import_parse(data=text.encode(encoding), service_names=set(services))


def upload(client, text, *, encoding="utf-8"):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    return client.post(
        reverse("annuaire:people_import", args=["jargeau"]), {"file": SimpleUploadedFile("people.csv", data)}
    )


def test_french_headers_semicolons_and_utf8_are_read():
    report = parse(GOOD)
    assert report.is_clean
    assert report.rows[0].values["first_name"] == "Zoé"
    assert report.rows[0].values["service"] == "Finances"


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8-sig", "cp1252"])
def test_latin1_and_bom_files_are_decoded(encoding):
    """A spreadsheet's Latin-1 export and a UTF-8 file with a BOM both keep their accents and first header."""
    report = parse(GOOD, encoding=encoding)
    assert report.is_clean, report.file_errors
    assert report.rows[0].values["last_name"] == "Lefèvre"


def test_comma_separated_english_headers_are_read():
    report = parse("email,last name,first name,phone\nzoe@jargeau.test,Lefevre,Zoe,+44 20 7946 0958\n")
    assert report.is_clean


def test_missing_required_columns_are_named():
    report = parse("Nom;Fonction\nLefèvre;Comptable\n")
    assert report.file_errors == ["Colonnes obligatoires manquantes : e-mail, prénom."]


def test_each_bad_line_gets_its_reasons():
    """Duplicates, bad e-mails and phones, unknown services and missing names are reported with their line."""
    report = parse(
        "E-mail;Nom;Prénom;Téléphone;Service\n"
        "zoe@jargeau.test;Lefèvre;Zoé;02 38 59 70 02;Finances\n"
        "ZOE@jargeau.test;Lefèvre;Zoé;;\n"
        "pas-une-adresse;Durand;;12 34;Cantine\n"
    )
    assert not report.is_clean
    assert [row.line for row in report.rows if row.errors] == [3, 4]
    assert report.rows[1].errors == ["Cette adresse e-mail figure déjà ligne 2."]
    assert set(report.rows[2].errors) == {
        "Le champ « prénom » est vide.",
        "« pas-une-adresse » n’est pas une adresse e-mail valide.",
        "« 12 34 » (téléphone) n’est pas un numéro français ou international valide.",
        "Le service « Cantine » n’existe pas dans l’organigramme : ajoutez-le d’abord.",
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n’est pas un fichier CSV"),
        (b"", "est vide"),
        (("E-mail;Nom;Prénom\n" + "a@b.test;A;B\n" * (MAX_ROWS + 1)).encode(), "plus de 2000 lignes"),
        (b"x" * (1024 * 1024 + 1), "plus de 1 Mo"),
    ],
    ids=["binary", "empty", "too-many-lines", "too-large"],
)
def test_bad_files_get_a_clear_french_message(data, message):
    report = people_import_parse(data=data, service_names=set())
    assert message in report.file_errors[0]


def test_nothing_is_written_before_confirmation(client, commune, admin):
    """The preview shows the lines and a confirm button; only confirming creates the account, membership and card."""
    service_create(organisation=commune, name="Finances")
    client.force_login(admin)
    response = upload(client, GOOD)
    assert response.status_code == 200
    assert "Confirmer l’import" in response.content.decode()
    assert not get_user_model().objects.filter(email="zoe@jargeau.test").exists()

    response = client.post(reverse("annuaire:people_import_confirm", args=["jargeau"]))
    assert response.status_code == 302
    card = PersonCard.objects.get(user__email="zoe@jargeau.test")
    assert (card.organisation, card.function, card.service.name) == (commune, "Comptable", "Finances")
    assert card.user.memberships.get().organisation == commune
    assert not card.user.has_usable_password()


def test_a_file_with_errors_cannot_be_confirmed(client, commune, admin):
    """A report with errors offers no confirmation, and a forged confirmation imports nothing."""
    client.force_login(admin)
    response = upload(client, "E-mail;Nom;Prénom\npas-une-adresse;Durand;Léa\n")
    assert response.status_code == 400
    assert "Confirmer l’import" not in response.content.decode()
    response = client.post(reverse("annuaire:people_import_confirm", args=["jargeau"]))
    assert response.status_code == 302
    assert not PersonCard.objects.exists()


def test_an_account_outside_the_organisation_is_refused(client, commune, other_commune, admin):
    """Nobody joins an organisation through an import: an existing non-member must be invited."""
    from tests.annuaire.factories import person_card

    card = person_card(other_commune, function="Maire de Darvoy")
    client.force_login(admin)
    response = upload(client, f"E-mail;Nom;Prénom;Fonction\n{card.user.email.upper()};X;Y;Comptable\n")
    assert response.status_code == 400
    assert "invitez cette personne" in response.content.decode()
    client.post(reverse("annuaire:people_import_confirm", args=["jargeau"]))
    assert not card.user.memberships.filter(organisation=commune).exists()


def test_a_member_whose_card_is_published_elsewhere_keeps_it(client, commune, other_commune, admin):
    """Importing a member of both organisations whose card belongs to the other one leaves that card alone."""
    from tests.annuaire.factories import person_card
    from tests.organisations.factories import membership

    card = person_card(other_commune, function="Maire de Darvoy")
    membership(commune, user=card.user)
    client.force_login(admin)
    assert upload(client, f"E-mail;Nom;Prénom;Fonction\n{card.user.email};X;Y;Comptable\n").status_code == 200
    client.post(reverse("annuaire:people_import_confirm", args=["jargeau"]))
    card.refresh_from_db()
    assert (card.organisation, card.function) == (other_commune, "Maire de Darvoy")


def test_a_member_without_card_gets_one(client, commune, admin, member):
    """An existing member of the organisation gets a card with the file's function."""
    client.force_login(admin)
    upload(client, f"E-mail;Nom;Prénom;Fonction\n{member.email};X;Y;Comptable\n")
    client.post(reverse("annuaire:people_import_confirm", args=["jargeau"]))
    assert PersonCard.objects.get(user=member).function == "Comptable"


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation"])
def test_only_the_organisations_admins_import(client, commune, personas, persona):
    client.force_login(personas[persona])
    assert upload(client, GOOD).status_code == 404
    assert client.post(reverse("annuaire:people_import_confirm", args=["jargeau"])).status_code == 404
