"""`backup` then `restore`: the same rows, the same files, the same search results; a bad archive changes nothing."""

import gzip
import sqlite3
import tarfile
import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections

from extranet.backup.errors import BackupError
from extranet.backup.services import backup_create, backup_restore
from extranet.search.selectors import search_run
from forums.permission_cache import permissions_version
from tests.annuaire.factories import person_card
from tests.backup.conftest import file_hashes, row_counts, wrapper_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def card(commune):
    return person_card(commune, card_visibility="public", function="Garde champêtre", function_visibility="public")


def test_round_trip_restores_every_row_file_and_search_result(
    sqlite_only, search_index, card, source_database, source_roots, empty_roots, tmp_path
):
    """A fresh instance restored from the archive has the same rows per table, files and search results, and the
    forum permissions kept in the cache for the database it replaced are retired."""
    archive = tmp_path / "backup.tar.gz"
    backup_create(output=archive, connection=source_database, roots=source_roots)
    permissions_before = permissions_version()
    restored = wrapper_for(str(tmp_path / "restored.sqlite3"))
    original = connections["default"]
    connections["default"] = restored  # the index rebuild and the searches below read the restored database
    try:
        backup_restore(path=archive, roots=empty_roots)
        found = [result.title for result in search_run(user=AnonymousUser(), query="champêtre")]
        counts = row_counts(restored)
    finally:
        connections["default"] = original
        restored.close()
    assert counts == row_counts(source_database)
    assert counts["annuaire_personcard"] == 1
    assert file_hashes(empty_roots) == {
        name.replace("restored-", ""): digest for name, digest in file_hashes(source_roots).items()
    }
    assert len(found) == 1
    assert permissions_version() != permissions_before


def test_a_damaged_archive_is_refused_and_nothing_is_restored(
    member, source_database, source_roots, empty_roots, tmp_path
):
    """One flipped byte in the archive: the restore stops before touching the database or the files."""
    archive = tmp_path / "backup.tar.gz"
    backup_create(output=archive, connection=source_database, roots=source_roots)
    damaged = bytearray(archive.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    archive.write_bytes(bytes(damaged))
    before = row_counts(source_database)
    with pytest.raises(BackupError, match="damaged|not a readable"):
        backup_restore(path=archive, connection=source_database, roots=empty_roots, force=True, rebuild_search=False)
    assert row_counts(source_database) == before
    assert file_hashes(empty_roots) == {}


def test_an_altered_file_fails_its_checksum(source_database, source_roots, empty_roots, tmp_path):
    """A member rewritten inside a well-formed archive is caught by the manifest's checksum."""
    archive, altered = tmp_path / "backup.tar.gz", tmp_path / "altered.tar.gz"
    backup_create(output=archive, connection=source_database, roots=source_roots)
    with tarfile.open(archive) as source, tarfile.open(altered, "w:gz") as target:
        for info in source.getmembers():
            data = source.extractfile(info).read()
            if info.name.endswith(".pdf"):
                data = data.replace(b"x", b"y", 1)
            target.addfile(info, gzip.io.BytesIO(data))
    with pytest.raises(BackupError, match="Checksum mismatch"):
        backup_restore(path=altered, connection=source_database, roots=empty_roots, force=True, rebuild_search=False)
    assert file_hashes(empty_roots) == {}


def test_restore_refuses_an_instance_with_accounts_or_files(member, source_database, source_roots, tmp_path):
    """Restoring over a live site would mix two sites: refused, with the reason; a backup never overwrites."""
    archive = tmp_path / "backup.tar.gz"
    backup_create(output=archive, connection=source_database, roots=source_roots)
    with pytest.raises(BackupError, match="user account.*holds files"):
        backup_restore(path=archive, connection=source_database, roots=source_roots, rebuild_search=False)
    with pytest.raises(BackupError, match="already exists"):
        backup_create(output=archive, connection=source_database, roots=source_roots)


def test_backup_under_concurrent_writes_is_consistent(sqlite_only, source_database, empty_roots, tmp_path):
    """While another connection keeps inserting rows, the archived database passes its integrity check."""
    live_path = source_database.settings_dict["NAME"]
    writer = sqlite3.connect(live_path, timeout=20, check_same_thread=False)
    writer.execute("CREATE TABLE load (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
    writer.commit()
    stop, started, errors = threading.Event(), threading.Event(), []

    def insert_rows():
        try:
            while not stop.is_set():
                writer.execute("INSERT INTO load (payload) VALUES (?)", ("x" * 2000,))
                writer.commit()
                started.set()
        except Exception as error:  # reported in the test's thread
            errors.append(error)

    thread = threading.Thread(target=insert_rows)
    thread.start()
    try:
        assert started.wait(timeout=10)
        backup_create(output=tmp_path / "backup.tar.gz", connection=source_database, roots=empty_roots)
    finally:
        stop.set()
        thread.join(timeout=30)
    written = writer.execute("SELECT COUNT(*) FROM load").fetchone()[0]
    writer.close()
    with tarfile.open(tmp_path / "backup.tar.gz") as archive:
        archive.extract("database.sqlite3", tmp_path / "extracted", filter="data")
    dump = sqlite3.connect(tmp_path / "extracted" / "database.sqlite3")
    assert dump.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert 0 < dump.execute("SELECT COUNT(*) FROM load").fetchone()[0] <= written
    dump.close()
    assert errors == []


def test_library_files_in_object_storage_are_left_out_with_a_clear_note(monkeypatch, settings, tmp_path):
    """With an S3 bucket for documents, only MEDIA_ROOT is archived and the command says the bucket is not."""
    from django.core.files.storage import Storage

    from extranet.backup import services

    monkeypatch.setattr(services, "document_storage", lambda: Storage())
    settings.MEDIA_ROOT = str(tmp_path)
    roots, notes = services.backup_file_roots()
    assert roots == {"media": tmp_path}
    assert "NOT in this archive" in notes[0]
