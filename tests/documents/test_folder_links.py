"""Share links to a folder: its subtree read-only for whoever holds the link, nothing outside it, 404 once stopped."""

from datetime import timedelta

import pytest
from django.utils import timezone

from documents import services, sharing
from documents.models import AuditAction, AuditEvent, ShareLink
from tests.documents.factories import checked, document, folder, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(commune, editor, member, library):
    """Conseil (ordre.pdf) › 2026 (pv.pdf, and brouillon.pdf in the bin), beside the library's other folders."""
    council = folder(commune, user=editor, name="Conseil")
    year = folder(commune, user=editor, name="2026", parent=council)
    agenda = document(commune, user=member, name="ordre.pdf", content=pdf_bytes("Ordre du jour"), folder=council)
    minutes = document(commune, user=member, name="pv.pdf", content=pdf_bytes("Procès-verbal"), folder=year)
    draft = document(commune, user=member, name="brouillon.pdf", folder=year)
    services.document_delete(document=draft, user=member)
    return {"council": council, "year": year, "agenda": agenda, "minutes": minutes, "draft": draft, **library}


def link_to(target, editor, **changes) -> str:
    link, token = sharing.share_link_create(folder=target, days=3, user=editor)
    if changes:
        ShareLink.objects.filter(pk=link.pk).update(**changes)
    return token


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_holder_browses_the_subtree_and_downloads_current_documents(client, tree, editor, member):
    """Without an account: the folder, its subfolder, and the current version of each document."""
    token = link_to(tree["council"], editor)
    page = client.get(f"/bibliotheque/lien/{token}/")
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    text = page.content.decode()
    assert "ordre.pdf" in text and "2026" in text and "salaires.pdf" not in text
    sub = client.get(f"/bibliotheque/lien/{token}/dossier/{tree['year'].pk}/").content.decode()
    assert "pv.pdf" in sub and "brouillon.pdf" not in sub and "ordre.pdf" not in sub
    services.document_add_version(
        document=tree["minutes"], checked=checked("pv.pdf", pdf_bytes("Procès-verbal adopté")), user=member
    )
    response = client.get(f"/bibliotheque/lien/{token}/document/{tree['minutes'].pk}/telecharger/")
    assert response.status_code == 200
    assert content(response) == pdf_bytes("Procès-verbal adopté")
    assert AuditEvent.objects.filter(action=AuditAction.LINK_DOWNLOAD, document=tree["minutes"]).exists()


def test_nothing_outside_the_subtree_is_reachable(client, tree, editor):
    """Other folders, the parent, documents elsewhere or in the bin: 404 through a subfolder's link."""
    token = link_to(tree["year"], editor)
    for folder_pk in (tree["council"].pk, tree["private_folder"].pk, tree["shared_folder"].pk, 999999):
        assert client.get(f"/bibliotheque/lien/{token}/dossier/{folder_pk}/").status_code == 404
    for document_pk in (tree["agenda"].pk, tree["private"].pk, tree["shared"].pk, tree["draft"].pk):
        response = client.get(f"/bibliotheque/lien/{token}/document/{document_pk}/telecharger/")
        assert response.status_code == 404
    assert client.get(f"/bibliotheque/lien/{token}/telecharger/").status_code == 404


@pytest.mark.parametrize("change", ["revoked", "expired", "folder in the bin"])
def test_a_stopped_link_answers_404_everywhere(client, tree, editor, change):
    """After revocation, expiry, or once its folder is in the bin, every address of the link answers 404."""
    now = timezone.now()
    changes = {"revoked": {"revoked_at": now}, "expired": {"expires_at": now - timedelta(seconds=1)}}.get(change, {})
    token = link_to(tree["council"], editor, **changes)
    if change == "folder in the bin":
        services.folder_delete(folder=tree["council"], user=editor)
    for url in (
        f"/bibliotheque/lien/{token}/",
        f"/bibliotheque/lien/{token}/dossier/{tree['year'].pk}/",
        f"/bibliotheque/lien/{token}/document/{tree['agenda'].pk}/telecharger/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "ordre.pdf" not in response.content.decode()


def test_a_document_link_does_not_open_folders(client, tree, editor):
    """A document's link reaches that document only, never a folder's address."""
    _link, token = sharing.share_link_create(document=tree["agenda"], days=3, user=editor)
    assert client.get(f"/bibliotheque/lien/{token}/dossier/{tree['council'].pk}/").status_code == 404
    response = client.get(f"/bibliotheque/lien/{token}/document/{tree['agenda'].pk}/telecharger/")
    assert response.status_code == 404


def test_the_editor_creates_and_revokes_a_folder_link_from_the_folder_page(client, tree, editor):
    """The link is shown once after creation; the revoke button stops it at once."""
    client.force_login(editor)
    url = f"/bibliotheque/{tree['council'].organisation.slug}/dossier/{tree['council'].pk}/"
    page = client.post(f"{url}liens/", {"days": 5}).content.decode()
    link = ShareLink.objects.get(folder=tree["council"])
    token = page.split("/bibliotheque/lien/")[1].split("/")[0]
    assert link.token_hash == sharing.token_hash(token) and token not in link.token_hash
    client.logout()
    assert client.get(f"/bibliotheque/lien/{token}/").status_code == 200
    client.force_login(editor)
    client.post(f"{url}liens/{link.pk}/revoquer/")
    client.logout()
    assert client.get(f"/bibliotheque/lien/{token}/").status_code == 404


def test_a_link_lasts_within_the_allowed_days(client, tree, editor, settings):
    """Zero days or more than the maximum is refused with a message; no link is made."""
    client.force_login(editor)
    url = f"/bibliotheque/{tree['council'].organisation.slug}/dossier/{tree['council'].pk}/liens/"
    for days in (0, settings.DOCUMENTS_LINK_MAX_DAYS + 1):
        assert client.post(url, {"days": days}).status_code == 302
    assert not ShareLink.objects.exists()
