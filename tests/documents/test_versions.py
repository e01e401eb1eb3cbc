"""Versions: every upload kept with who, when and why; any version restored; concurrent uploads never overwrite."""

import pytest

from documents import services
from documents.models import AuditAction, AuditEvent
from tests.documents.factories import checked, document, pdf_bytes, upload_file
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def read(version) -> bytes:
    with version.file.open("rb") as handle:
        return handle.read()


def test_history_lists_each_version_with_author_and_comment(client, commune, member):
    """The page lists every version with its author and comment, each downloadable with its own bytes."""
    item = document(commune, user=member, content=pdf_bytes("Première"))
    client.force_login(member)
    client.post(
        f"/bibliotheque/document/{item.pk}/nouvelle-version/",
        {
            "file": upload_file("compte-rendu.pdf", pdf_bytes("Seconde")),
            "comment": "Corrections du maire",
            "base_number": 1,
        },
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Corrections du maire" in page and "v2" in page and "v1" in page
    first = client.get(f"/bibliotheque/document/{item.pk}/versions/1/telecharger/")
    second = client.get(f"/bibliotheque/document/{item.pk}/versions/2/telecharger/")
    assert b"Premi" in b"".join(first.streaming_content)
    assert b"Seconde" in b"".join(second.streaming_content)


def test_restoring_a_version_makes_a_new_current_version_with_its_bytes(client, commune, member):
    """Restoring version 1 adds version 3 holding version 1's bytes; versions 1 and 2 remain."""
    item = document(commune, user=member, content=pdf_bytes("Texte initial"))
    services.document_add_version(document=item, checked=checked(content=pdf_bytes("Texte modifié")), user=member)
    client.force_login(member)
    response = client.post(f"/bibliotheque/document/{item.pk}/versions/1/restaurer/")
    assert response.status_code == 302
    item.refresh_from_db()
    current = item.current_version
    assert (current.number, current.restored_from) == (3, 1)
    assert read(current) == read(item.versions.get(number=1))
    assert current.file.name != item.versions.get(number=1).file.name
    assert "initial" in current.text
    assert item.versions.count() == 3


def test_two_versions_sent_from_the_same_base_are_both_kept(client, commune, member):
    """Two people who both saw version 1 send a version: both are stored, the second is told about the first."""
    item = document(commune, user=member, content=pdf_bytes("Base"))
    colleague = membership(commune).user
    first, overtaken = services.document_add_version(
        document=item, checked=checked(content=pdf_bytes("Version de Paul")), user=colleague, base_number=1
    )
    assert overtaken is None
    client.force_login(member)
    response = client.post(
        f"/bibliotheque/document/{item.pk}/nouvelle-version/",
        {"file": upload_file("compte-rendu.pdf", pdf_bytes("Version de Marie")), "base_number": 1},
        follow=True,
    )
    assert "Les deux sont conservées" in response.content.decode()
    versions = {version.number: version for version in item.versions.all()}
    assert sorted(versions) == [1, 2, 3]
    assert b"Paul" in read(versions[2]) and b"Marie" in read(versions[3])
    assert len({version.file.name for version in versions.values()}) == 3


def test_version_numbers_are_unique_even_when_a_number_was_taken_meanwhile(commune, member, monkeypatch):
    """A number taken by another upload between reading the last one and writing is retried, not overwritten."""
    from django.db.models import QuerySet

    item = document(commune, user=member, content=pdf_bytes("Base"))
    other, _ = services.document_add_version(document=item, checked=checked(content=pdf_bytes("Autre")), user=member)
    aggregate, stale = QuerySet.aggregate, [{"last": 1}]

    def stale_once(queryset, *args, **kwargs):
        return stale.pop() if stale else aggregate(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "aggregate", stale_once)
    version, _ = services.document_add_version(document=item, checked=checked(content=pdf_bytes("Mienne")), user=member)

    assert version.number == 3
    assert sorted(item.versions.values_list("number", flat=True)) == [1, 2, 3]
    assert b"Autre" in read(item.versions.get(number=2)) and b"Mienne" in read(version)
    assert other.file.name != version.file.name


def test_a_lock_is_shown_to_others_and_blocks_their_versions(client, commune, member):
    """While Marie edits, Paul sees it and his version is refused with a French message; releasing ends it."""
    item = document(commune, user=member)
    paul = membership(commune).user
    services.document_lock(document=item, user=member)
    client.force_login(paul)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "modifie ce document" in page
    response = client.post(
        f"/bibliotheque/document/{item.pk}/nouvelle-version/", {"file": upload_file("compte-rendu.pdf", pdf_bytes("x"))}
    )
    assert response.status_code == 400
    assert "est en train de modifier ce document" in response.content.decode()
    assert client.post(f"/bibliotheque/document/{item.pk}/verrou/", {"lock": "0"}).status_code == 302
    item.refresh_from_db()
    assert item.is_locked
    client.force_login(member)
    client.post(f"/bibliotheque/document/{item.pk}/verrou/", {"lock": "0"})
    item.refresh_from_db()
    assert not item.is_locked


def test_an_admin_releases_anyones_lock(client, commune, member, admin):
    """An administrator may release a lock held by someone else."""
    item = document(commune, user=member)
    services.document_lock(document=item, user=member)
    client.force_login(admin)
    client.post(f"/bibliotheque/document/{item.pk}/verrou/", {"lock": "0"})
    item.refresh_from_db()
    assert not item.is_locked


def test_stale_locks_expire_and_the_command_releases_them(commune, member, settings):
    """A lock older than the timeout no longer counts and the command clears it."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    item = document(commune, user=member)
    services.document_lock(document=item, user=member)
    type(item).objects.filter(pk=item.pk).update(
        locked_at=timezone.now() - settings.DOCUMENTS_LOCK_TIMEOUT - timedelta(1)
    )
    item.refresh_from_db()
    assert not item.is_locked
    call_command("documents_release_locks")
    item.refresh_from_db()
    assert item.locked_by is None


def test_uploads_and_downloads_are_audited(client, commune, member):
    """The audit log records the upload, the new version and the download, with who did them."""
    item = document(commune, user=member)
    services.document_add_version(document=item, checked=checked(), user=member)
    client.force_login(member)
    client.get(f"/bibliotheque/document/{item.pk}/telecharger/")
    actions = list(AuditEvent.objects.filter(document=item).values_list("action", "actor"))
    assert (AuditAction.UPLOAD, member.pk) in actions
    assert (AuditAction.NEW_VERSION, member.pk) in actions
    assert (AuditAction.DOWNLOAD, member.pk) in actions
