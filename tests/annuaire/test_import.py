"""CSV import of people: a line-by-line report first, nothing written until the admin confirms a clean file.

The check and the write run in the task queue (the immediate backend in tests), recording their progress.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annuaire.importer import people_import_parse
from annuaire.models import ImportStatus, PeopleImport, PersonCard
from annuaire.services import people_import_apply, service_create, service_delete
from annuaire.storage import import_storage

pytestmark = pytest.mark.django_db

GOOD = (
    "Courriel;Nom;Prénom;Fonction;Service;Téléphone\nzoe@jargeau.test;Lefèvre;Zoé;Comptable;Finances;02 38 59 70 02\n"
)


def parse(text, *, encoding="utf-8", services=("finances",)):
    return people_import_parse(data=text.encode(encoding), service_names=set(services))


def upload(client, text, *, encoding="utf-8"):
    """Send a file; a stored file is checked at once (immediate task backend) and the admin lands on its page."""
    data = text if isinstance(text, bytes) else text.encode(encoding)
    return client.post(
        reverse("annuaire:people_import", args=["jargeau"]), {"file": SimpleUploadedFile("people.csv", data)}
    )


def report_page(client, response):
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response.url)


def confirm(client, people_import=None, slug="jargeau"):
    people_import = people_import or PeopleImport.objects.latest("pk")
    return client.post(reverse("annuaire:people_import_confirm", args=[slug, people_import.pk]))


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


def test_a_value_too_long_for_its_field_is_reported_and_nothing_is_written(client, commune, admin):
    """A function longer than a card holds is a line error in the report, not a failed import once confirmed."""
    client.force_login(admin)
    long_function = "Chargée de mission des finances, " * 6 + "et du reste"
    text = f"E-mail;Nom;Prénom;Fonction\nzoe@jargeau.test;Lefèvre;Zoé;{long_function}\n"
    page = report_page(client, upload(client, text)).content.decode()
    assert "Le champ « fonction » est trop long (209 caractères ; 150 au plus)." in page
    confirm(client)
    assert PeopleImport.objects.latest("pk").status != ImportStatus.FAILED
    assert not get_user_model().objects.filter(email="zoe@jargeau.test").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n’est pas un fichier CSV"),
        (b"", "est vide"),
        (("E-mail;Nom;Prénom\n" + "a@b.test;A;B\n" * 4).encode(), "plus de 3 lignes"),
        (b"x" * 1001, "un import peut peser jusqu"),
    ],
    ids=["binary", "empty", "too-many-lines", "too-large"],
)
def test_bad_files_get_a_clear_french_message(settings, data, message):
    settings.ANNUAIRE_IMPORT_MAX_ROWS = 3
    settings.ANNUAIRE_IMPORT_MAX_BYTES = 1000
    report = people_import_parse(data=data, service_names=set())
    assert message in report.file_errors[0]


def test_the_check_reports_its_progress():
    """A long file reports its progress every 500 lines and at the end."""
    calls = []
    text = "E-mail;Nom;Prénom\n" + "".join(f"p{index}@jargeau.test;Nom;Prénom\n" for index in range(1200))
    people_import_parse(data=text.encode(), service_names=set(), progress=lambda done, total: calls.append(done))
    assert calls == [0, 500, 1000, 1200]


def test_nothing_is_written_before_confirmation(client, commune, admin):
    """The report shows the lines and a confirm button; only confirming creates the account, membership and card."""
    service_create(organisation=commune, name="Finances")
    client.force_login(admin)
    page = report_page(client, upload(client, GOOD))
    assert page.status_code == 200
    assert "Confirmer l’import" in page.content.decode()
    assert not get_user_model().objects.filter(email="zoe@jargeau.test").exists()
    people_import = PeopleImport.objects.get()
    assert (people_import.status, people_import.done, people_import.total) == (ImportStatus.CHECKED, 1, 1)
    assert import_storage().exists(people_import.file.name)

    response = confirm(client)
    assert response.status_code == 302
    card = PersonCard.objects.get(user__email="zoe@jargeau.test")
    assert (card.organisation, card.function, card.service.name) == (commune, "Comptable", "Finances")
    assert card.user.memberships.get().organisation == commune
    assert not card.user.has_usable_password()
    assert "1 personne a été importée" in client.get(response.url).content.decode()
    people_import.refresh_from_db()
    assert (people_import.status, people_import.written) == (ImportStatus.DONE, 1)


def test_a_file_with_errors_cannot_be_confirmed(client, commune, admin):
    """A report with errors offers no confirmation, and a forged confirmation imports nothing."""
    client.force_login(admin)
    page = report_page(client, upload(client, "E-mail;Nom;Prénom\npas-une-adresse;Durand;Léa\n")).content.decode()
    assert "n’est pas une adresse e-mail valide" in page
    assert "Confirmer l’import" not in page
    response = confirm(client)
    assert response.status_code == 302
    assert not PersonCard.objects.exists()
    assert "ne peut pas (ou plus) être importé" in client.get(response.url).content.decode()


def test_a_file_over_the_limit_is_refused_before_it_is_stored(client, commune, admin, settings):
    """A file heavier than ANNUAIRE_IMPORT_MAX_BYTES (say 50 MB for 20) gets a clear French error on the form."""
    settings.ANNUAIRE_IMPORT_MAX_BYTES = 1000
    client.force_login(admin)
    response = upload(client, GOOD + "x" * 2000)
    assert response.status_code == 400
    assert "un import peut peser jusqu’à 1000" in response.content.decode()
    assert not PeopleImport.objects.exists()


def test_a_running_import_shows_a_progress_bar_that_works_without_javascript(client, commune, admin):
    """While the task runs the page draws a <progress> and a plain refresh link; the JSON endpoint gives the figures."""
    people_import = PeopleImport.objects.create(
        organisation=commune, file_name="people.csv", status=ImportStatus.CHECKING, done=250, total=1000
    )
    client.force_login(admin)
    detail = reverse("annuaire:people_import_detail", args=["jargeau", people_import.pk])
    page = client.get(detail).content.decode()
    assert 'max="1000" value="250"' in page
    assert "250 sur 1000 lignes vérifiées" in page
    assert f'href="{detail}"' in page
    assert "import-progress.js" in page
    progress = client.get(reverse("annuaire:people_import_progress", args=["jargeau", people_import.pk])).json()
    assert progress == {"status": "checking", "running": True, "done": 250, "total": 1000, "percent": 25}


def test_a_file_that_no_longer_checks_clean_is_not_written(client, commune, admin):
    """A service deleted between the check and the confirmation: the write re-checks, writes nothing, reports why."""
    finances = service_create(organisation=commune, name="Finances")
    client.force_login(admin)
    upload(client, GOOD)
    service_delete(service=finances)
    page = client.get(confirm(client).url).content.decode()
    assert not get_user_model().objects.filter(email="zoe@jargeau.test").exists()
    assert "n’existe pas dans l’organigramme" in page


def test_a_newer_file_replaces_the_one_waiting_for_confirmation(client, commune, admin):
    """Only the last checked file of the organisation can be confirmed."""
    service_create(organisation=commune, name="Finances")
    client.force_login(admin)
    upload(client, GOOD)
    first = PeopleImport.objects.get()
    upload(client, "E-mail;Nom;Prénom\nlea@jargeau.test;Durand;Léa\n")
    confirm(client, first)
    first.refresh_from_db()
    assert first.status == ImportStatus.REPLACED
    assert not get_user_model().objects.filter(email="zoe@jargeau.test").exists()


def test_an_account_outside_the_organisation_is_refused(client, commune, other_commune, admin):
    """Nobody joins an organisation through an import: an existing non-member must be invited."""
    from tests.annuaire.factories import person_card

    card = person_card(other_commune, function="Maire de Darvoy")
    client.force_login(admin)
    page = report_page(client, upload(client, f"E-mail;Nom;Prénom;Fonction\n{card.user.email.upper()};X;Y;Comptable\n"))
    assert "invitez cette personne" in page.content.decode()
    confirm(client)
    assert not card.user.memberships.filter(organisation=commune).exists()


def test_an_account_saved_with_capitals_outside_the_organisation_is_refused(client, commune, other_commune, admin):
    """An address stored with capitals (Wagtail's user form) is still recognised as an account outside."""
    from tests.annuaire.factories import person_card

    card = person_card(other_commune, function="Maire de Darvoy")
    get_user_model().objects.filter(pk=card.user.pk).update(email="Marc.Durand@Darvoy.test")
    client.force_login(admin)
    page = report_page(client, upload(client, "E-mail;Nom;Prénom;Fonction\nmarc.durand@darvoy.test;X;Y;Comptable\n"))
    assert "invitez cette personne" in page.content.decode()
    confirm(client)
    assert not card.user.memberships.filter(organisation=commune).exists()
    assert PersonCard.objects.get(user=card.user).organisation == other_commune


def test_a_member_whose_card_is_published_elsewhere_keeps_it(client, commune, other_commune, admin):
    """Importing a member of both organisations whose card belongs to the other one leaves that card alone."""
    from tests.annuaire.factories import person_card
    from tests.organisations.factories import membership

    card = person_card(other_commune, function="Maire de Darvoy")
    membership(commune, user=card.user)
    client.force_login(admin)
    upload(client, f"E-mail;Nom;Prénom;Fonction\n{card.user.email};X;Y;Comptable\n")
    confirm(client)
    card.refresh_from_db()
    assert (card.organisation, card.function) == (other_commune, "Maire de Darvoy")


def test_a_member_without_card_gets_one(client, commune, admin, member):
    """An existing member of the organisation gets a card with the file's function."""
    client.force_login(admin)
    upload(client, f"E-mail;Nom;Prénom;Fonction\n{member.email};X;Y;Comptable\n")
    confirm(client)
    assert PersonCard.objects.get(user=member).function == "Comptable"


@pytest.mark.parametrize("persona", ["same_organisation", "other_organisation"])
def test_only_the_organisations_admins_import(client, commune, personas, persona):
    """Members and other organisations' admins get a 404 on the form, the report, the progress and the confirmation."""
    people_import = PeopleImport.objects.create(organisation=commune, file_name="people.csv")
    client.force_login(personas[persona])
    assert upload(client, GOOD).status_code == 404
    for name in ("people_import_detail", "people_import_progress"):
        assert client.get(reverse(f"annuaire:{name}", args=["jargeau", people_import.pk])).status_code == 404
    assert confirm(client, people_import).status_code == 404


def test_an_import_is_only_reached_through_its_organisation(client, commune, outsider):
    """An admin of Darvoy cannot open Jargeau's import under Darvoy's address: 404 like a missing one."""
    people_import = PeopleImport.objects.create(organisation=commune, file_name="people.csv")
    client.force_login(outsider)
    assert client.get(reverse("annuaire:people_import_detail", args=["darvoy", people_import.pk])).status_code == 404
    assert client.get(reverse("annuaire:people_import_detail", args=["darvoy", 999_999])).status_code == 404


def test_a_row_skipped_at_write_time_is_not_counted_as_written(commune, outsider):
    """An account that turned out to belong elsewhere between the check and the write is left out of the count."""
    rows = [
        {"email": "zoe@jargeau.test", "first_name": "Zoé", "last_name": "Lefèvre", "function": "", "service": ""},
        {"email": outsider.email, "first_name": "A", "last_name": "B", "function": "", "service": ""},
    ]
    for row in rows:
        row.update(phone="", mobile="")

    assert people_import_apply(organisation=commune, rows=rows) == 1
    assert not PersonCard.objects.filter(user=outsider, organisation=commune).exists()


def test_mac_line_ends_are_read():
    """A CSV whose lines end with a carriage return alone (Mac Excel) is read line by line."""
    report = parse(GOOD.replace("\n", "\r"))
    assert report.is_clean, report.file_errors
    assert report.rows[0].values["last_name"] == "Lefèvre"


def test_excel_unicode_text_passes_the_upload_check_and_is_read(client, commune, admin):
    """A file saved by Excel as "Unicode text" (UTF-16 with its byte order mark) is checked and read, accents kept."""
    service_create(organisation=commune, name="Finances")
    client.force_login(admin)

    page = report_page(client, upload(client, GOOD.replace(";", "\t"), encoding="utf-16")).content.decode()

    assert "Confirmer l’import" in page
    assert "Lefèvre" in page
