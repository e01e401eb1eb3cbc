"""`backup` while the site writes: the archive is one point in time, whose every row has its file.

A writer thread goes on uploading documents, purging documents from the bin (their files are deleted once the
deletion is committed), posting ads with a photo and forum topics, through the services, while the backup
runs. The archive, restored into an empty instance, must be exactly the state after some prefix of the
writer's committed transactions, every file named by a row must be there with the bytes the row describes,
and the rebuilt search index must find exactly the restored documents.
"""

import hashlib
import shutil
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from machina.apps.forum_conversation.models import Post, Topic

from documents import services as documents_services
from documents.models import Document, DocumentVersion
from extranet.ads.models import Ad, AdCategory, AdKind, AdPhoto
from extranet.backup.services import backup_create, backup_file_roots, backup_restore
from extranet.search.selectors import search_run
from tests.ads.factories import new_photo
from tests.backup.conftest import wrapper_for
from tests.documents.factories import checked
from tests.forums.factories import organisation_forum

WORD = "inventaire"
MAX_ROUNDS = 400
UNLOCKED = Topic.TOPIC_UNLOCKED


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Writer(threading.Thread):
    """Writes through the services until told to stop; logs each committed change in commit order."""

    def __init__(self, *, database_name, organisation_id, user_id):
        super().__init__(daemon=True)
        self.database_name, self.organisation_id, self.user_id = database_name, organisation_id, user_id
        self.events, self.stop, self.error = [], threading.Event(), None
        self.rounds_done = threading.Semaphore(0)

    def run(self):
        from django.contrib.auth import get_user_model

        from extranet.ads import services as ads_services
        from extranet.organisations.models import Organisation

        if self.database_name is not None:  # SQLite: this thread's `default` is the live database file
            connections["default"] = wrapper_for(self.database_name)
        try:
            organisation = Organisation.objects.get(pk=self.organisation_id)
            user = get_user_model().objects.get(pk=self.user_id)
            forum = organisation_forum(organisation)
            for number in range(MAX_ROUNDS):
                if self.stop.is_set():
                    break
                title = f"{WORD}-{number}.txt"
                content = checked(title, f"Relevé {number}".encode())
                documents_services.document_upload(organisation=organisation, folder=None, checked=content, user=user)
                self.events.append(("document+", title))
                if number % 2 == 1:
                    # The oldest remaining document goes to the bin long ago, then the purge deletes it for good.
                    victim = Document.objects.filter(title__startswith=WORD, deleted_at=None).order_by("pk").first()
                    Document.objects.filter(pk=victim.pk).update(deleted_at=timezone.now() - timedelta(days=400))
                    documents_services.bin_purge()
                    self.events.append(("document-", victim.title))
                if number % 3 == 0:
                    with transaction.atomic():
                        subject = f"Sujet {number}"
                        topic = Topic.objects.create(
                            forum=forum, poster=user, subject=subject, type=Topic.TOPIC_POST, status=UNLOCKED
                        )
                        Post.objects.create(topic=topic, poster=user, subject=subject, content="?", approved=True)
                    self.events.append(("topic+", subject))
                if number % 4 == 0:
                    ads_services.ad_create(
                        author=user,
                        organisation=organisation,
                        kind=AdKind.LOAN,
                        category=AdCategory.EQUIPMENT,
                        title=f"Annonce {number}",
                        description="Prêt de matériel.",
                        photos=[new_photo()],
                    )
                    self.events.append(("ad+", f"Annonce {number}"))
                self.rounds_done.release()
        except BaseException as error:  # reported by the test
            self.error = error
            self.rounds_done.release()
        finally:
            connections["default"].close()

    def wait_rounds(self, count):
        for _ in range(count):
            assert self.rounds_done.acquire(timeout=30), "the writer stalled"
            if self.error:
                raise self.error


def states_by_prefix(events):
    """The state (documents, topics, ads) after each prefix of the committed events, the empty prefix first."""
    documents, topics, ads = set(), set(), set()
    states = [(frozenset(), frozenset(), frozenset())]
    for kind, name in events:
        {"document+": documents.add, "document-": documents.discard, "topic+": topics.add, "ad+": ads.add}[kind](name)
        states.append((frozenset(documents), frozenset(topics), frozenset(ads)))
    return states


@pytest.fixture
def instance(tmp_path):
    """The live database the writer and the backup share, and an empty database to restore into.

    SQLite: a WAL file copied from the test database (other connections cannot reach the in-memory one).
    PostgreSQL: the test database itself (the test is transactional: its rows are committed), and a scratch
    database beside it, dropped afterwards.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        live = tmp_path / "live.sqlite3"
        target = sqlite3.connect(live)
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
        target.close()
        source, restored = wrapper_for(str(live)), wrapper_for(str(tmp_path / "restored.sqlite3"))
        yield {"source": source, "restored": restored, "writer_database": str(live)}
        source.close()
        restored.close()
        return
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not installed (Debian: postgresql-client).")
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_load"
    server = {
        key: value
        for key, value in {
            "host": settings_dict["HOST"],
            "port": settings_dict["PORT"],
            "user": settings_dict["USER"],
            "password": settings_dict["PASSWORD"],
        }.items()
        if value
    }
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    restored = wrapper_for(name)
    yield {"source": connection, "restored": restored, "writer_database": None}
    restored.close()
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


# Committed rows (the writer thread and pg_dump see them); serialized_rollback puts back the pages of the data
# migrations that the flush after a transactional test removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_taken_under_writes_restores_one_consistent_point_in_time(
    commune, editor, search_index, instance, tmp_path
):
    """Restored from a backup taken mid-writes: the rows are those after some prefix of the committed writes,
    every file a row names is there with its recorded hash, and the search finds exactly those documents."""
    user = editor
    roots, _notes = backup_file_roots()
    empty_roots = {folder: tmp_path / f"restored-{folder}" for folder in roots}
    writer = Writer(database_name=instance["writer_database"], organisation_id=commune.pk, user_id=user.pk)
    writer.start()
    archive = tmp_path / "backup.tar.gz"
    try:
        writer.wait_rounds(6)
        committed_before = len(writer.events)
        manifest = backup_create(output=archive, connection=instance["source"], roots=roots)
        writer.wait_rounds(4)  # the writes go on after the snapshot: their files may be extras in the archive
    finally:
        writer.stop.set()
        writer.join(timeout=30)
    assert writer.error is None, writer.error

    original = connections["default"]
    connections["default"] = restored = instance["restored"]  # the index rebuild and the reads below
    try:
        backup_restore(path=archive, roots=empty_roots)
        state = (
            frozenset(Document.objects.filter(title__startswith=WORD).values_list("title", flat=True)),
            frozenset(Topic.objects.filter(subject__startswith="Sujet").values_list("subject", flat=True)),
            frozenset(Ad.objects.filter(title__startswith="Annonce").values_list("title", flat=True)),
        )
        versions = list(DocumentVersion.objects.filter(document__title__startswith=WORD))
        documents = list(Document.objects.filter(title__startswith=WORD))
        topics_without_post = Topic.objects.filter(subject__startswith="Sujet", posts__isnull=True).count()
        photos = list(AdPhoto.objects.filter(ad__title__startswith="Annonce"))
        found = {int(result.pk) for result in search_run(user=user, query=WORD) if result.model is Document}
    finally:
        connections["default"] = original
        restored.close()

    prefixes = states_by_prefix(writer.events)
    # Changes committed before the backup started are in it; the rest is some prefix of the later ones.
    assert state in prefixes[committed_before:], "not the state after a prefix of the committed writes"
    assert state[0] and state[1] and state[2]
    archived = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    assert len(versions) == len(documents) == len(state[0])
    for version in versions:
        assert archived[f"documents/{version.file.name}"] == version.sha256
        assert _file_digest(empty_roots["documents"] / version.file.name) == version.sha256
    assert topics_without_post == 0
    assert len(photos) == len(state[2])
    for photo in photos:
        for name in (photo.image.name, photo.thumbnail.name):
            assert _file_digest(empty_roots["media"] / name) == archived[f"media/{name}"]
    assert found == {document.pk for document in documents}


@pytest.mark.django_db
def test_a_file_deleted_just_after_the_snapshot_is_still_archived(source_database, source_roots, tmp_path, monkeypatch):
    """A deletion issued right after the database snapshot is fixed waits for the file links: archived anyway."""
    from extranet.backup import services
    from extranet.backup.storage import SnapshotSafeFileSystemStorage

    storage = SnapshotSafeFileSystemStorage(location=source_roots["documents"])
    name = "jargeau/budget/budget primitif.pdf"
    deleter = threading.Thread(target=storage.delete, args=[name])

    class SnapshotThenDelete(services.DatabaseSnapshot):
        def __enter__(self):
            snapshot = super().__enter__()
            deleter.start()  # e.g. the bin purge's on-commit deletion, committed after the snapshot
            return snapshot

    monkeypatch.setattr(services, "DatabaseSnapshot", SnapshotThenDelete)
    manifest = backup_create(output=tmp_path / "backup.tar.gz", connection=source_database, roots=source_roots)
    deleter.join(timeout=10)
    assert f"documents/{name}" in {entry["path"] for entry in manifest["files"]}
    assert not storage.exists(name)
