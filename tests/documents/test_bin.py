"""The bin: deleted folders and documents disappear from listings, come back on restore, go for good after 30 days."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from documents import services
from documents.models import AuditAction, AuditEvent, Document, DocumentVersion, Folder
from documents.storage import document_storage
from tests.documents.factories import document, folder

pytestmark = pytest.mark.django_db


def test_a_deleted_document_leaves_the_listing_and_comes_back(client, commune, member):
    """Deleting puts the document in the bin; restoring brings it back with its versions."""
    item = document(commune, user=member, name="arrete.pdf")
    client.force_login(member)
    client.post(f"/bibliotheque/document/{item.pk}/corbeille/", follow=True)
    assert "arrete.pdf" not in client.get(f"/bibliotheque/{commune.slug}/").content.decode()
    assert client.get(item.get_absolute_url()).status_code == 404
    assert "arrete.pdf" in client.get(f"/bibliotheque/{commune.slug}/corbeille/").content.decode()
    client.post(f"/bibliotheque/document/{item.pk}/restaurer/")
    assert client.get(item.get_absolute_url()).status_code == 200


def test_a_folder_goes_to_the_bin_with_its_contents_and_comes_back_with_them(client, commune, member):
    """A folder and its subfolder's documents are deleted and restored together."""
    parent = folder(commune, user=member, name="Urbanisme")
    child = folder(commune, user=member, name="Permis", parent=parent)
    item = document(commune, user=member, folder=child)
    client.force_login(member)
    client.post(f"/bibliotheque/{commune.slug}/dossier/{parent.pk}/corbeille/")
    item.refresh_from_db()
    assert item.deleted_at is not None
    assert client.get(f"/bibliotheque/{commune.slug}/dossier/{child.pk}/").status_code == 404
    client.post(f"/bibliotheque/{commune.slug}/dossier/{parent.pk}/restaurer/")
    item.refresh_from_db()
    assert item.deleted_at is None
    assert client.get(f"/bibliotheque/{commune.slug}/dossier/{child.pk}/").status_code == 200


def test_the_purge_deletes_what_is_older_than_30_days_with_its_files(
    commune, member, django_capture_on_commit_callbacks
):
    """After 30 days in the bin the document, its versions and their files are gone; recent ones stay."""
    old = document(commune, user=member, name="ancien.pdf")
    recent = document(commune, user=member, name="recent.pdf")
    names = [old.current_version.file.name]
    services.document_delete(document=old, user=member)
    services.document_delete(document=recent, user=member)
    Document.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("documents_purge_bin")
    assert list(Document.objects.values_list("title", flat=True)) == ["recent.pdf"]
    assert not DocumentVersion.objects.filter(document_id=old.pk).exists()
    assert not document_storage().exists(names[0])
    assert AuditEvent.objects.filter(action=AuditAction.PURGE, target_name="ancien.pdf").exists()


def test_moving_a_folder_into_its_own_subfolder_is_refused(client, commune, member):
    """A cycle is refused with a French message; the tree is unchanged."""
    parent = folder(commune, user=member, name="A")
    child = folder(commune, user=member, name="B", parent=parent)
    client.force_login(member)
    response = client.post(
        f"/bibliotheque/{commune.slug}/dossier/{parent.pk}/modifier/", {"folder": child.pk}, follow=True
    )
    assert "ne peut pas être déplacé dans lui-même" in response.content.decode()
    assert Folder.objects.get(pk=parent.pk).parent_id is None


def test_moving_a_folder_keeps_its_descendants_paths(commune, member):
    """Moved, a folder's subfolders follow: their paths start with the new parent's."""
    a = folder(commune, user=member, name="A")
    b = folder(commune, user=member, name="B")
    child = folder(commune, user=member, name="C", parent=a)
    services.folder_move(folder=a, parent=b, user=member)
    child.refresh_from_db()
    assert child.path == f"/{b.pk}/{a.pk}/{child.pk}/"


def test_renaming_and_moving_a_document(client, commune, member):
    """A member renames a document and moves it into a folder of the same library only."""
    item = document(commune, user=member)
    target = folder(commune, user=member, name="Archives")
    client.force_login(member)
    client.post(f"/bibliotheque/document/{item.pk}/modifier/", {"name": "Compte rendu final"})
    client.post(f"/bibliotheque/document/{item.pk}/modifier/", {"folder": target.pk})
    item.refresh_from_db()
    assert (item.title, item.folder_id) == ("Compte rendu final", target.pk)
