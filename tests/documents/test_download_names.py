"""A renamed document downloads under its new name, with the extension its content calls for."""

from documents import services, sharing
from tests.documents.factories import checked, document, odt_bytes


def disposition(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response["Content-Disposition"]


def test_the_current_version_downloads_under_the_title(client, commune, member):
    """Renamed "Compte rendu 2027" (no extension), the ODT downloads as "Compte rendu 2027.odt"; the button says so."""
    report = document(commune, user=member, name="cr.odt", content=odt_bytes("Séance du 5 janvier"))
    services.document_rename(document=report, title="Compte rendu 2027", user=member)
    client.force_login(member)

    page = client.get(report.get_absolute_url()).content.decode()

    assert disposition(client, f"/bibliotheque/document/{report.pk}/telecharger/") == (
        'attachment; filename="Compte rendu 2027.odt"'
    )
    assert "Télécharger « Compte rendu 2027.odt »" in page


def test_a_title_with_the_right_extension_is_kept_and_earlier_versions_keep_their_names(client, commune, member):
    """ "CR janvier.odt" stays so; version 1, uploaded as "cr.odt", still downloads as "cr.odt"."""
    report = document(commune, user=member, name="cr.odt", content=odt_bytes("Première version"))
    services.document_add_version(document=report, checked=checked("cr-v2.odt", odt_bytes("Seconde")), user=member)
    services.document_rename(document=report, title="CR janvier.odt", user=member)
    client.force_login(member)

    current = disposition(client, f"/bibliotheque/document/{report.pk}/telecharger/")
    first = disposition(client, f"/bibliotheque/document/{report.pk}/versions/1/telecharger/")

    assert current == 'attachment; filename="CR janvier.odt"'
    assert first == 'attachment; filename="cr.odt"'


def test_a_share_link_downloads_under_the_title_too(client, commune, member, editor):
    """Someone without an account, given a link, gets the renamed file."""
    report = document(commune, user=member, name="cr.odt", content=odt_bytes("Séance"))
    services.document_rename(document=report, title="Compte rendu", user=member)
    _link, token = sharing.share_link_create(document=report, user=editor, days=7)

    assert disposition(client, f"/bibliotheque/lien/{token}/telecharger/") == 'attachment; filename="Compte rendu.odt"'
