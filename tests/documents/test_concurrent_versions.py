"""Two people sending a new version of the same document at the same moment, in two real threads."""

import hashlib
import sqlite3
import threading

import pytest
from django.db import connection

from documents import services
from documents.models import Document
from tests.documents.factories import checked, document, pdf_bytes

# Each thread has its own database connection, which only sees committed data: the test cannot run in a
# transaction that is rolled back; serialized_rollback restores the data of the migrations after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_file(tmp_path):
    """On SQLite, run the test on a database file, as in production (WAL, IMMEDIATE, busy timeout).

    The test database lives in memory with a shared cache, where a writer finds the table locked at once
    instead of waiting its turn: its content is copied to a file, kept open meanwhile, restored afterwards.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    memory, memory_name = connection.connection, connection.settings_dict["NAME"]
    copy = sqlite3.connect(tmp_path / "territoires.sqlite3")
    memory.backup(copy)
    copy.close()
    connection.connection = None
    connection.settings_dict["NAME"] = str(tmp_path / "territoires.sqlite3")
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory_name
        connection.connection = memory


def test_two_simultaneous_new_versions_are_both_kept_with_their_own_bytes(database_file, commune, member, editor):
    """Both versions are stored under distinct numbers, each with its author's bytes; the later one is warned."""
    original = document(commune, user=member, name="budget.pdf", content=pdf_bytes("Budget initial"))
    contents = {author.pk: pdf_bytes(f"Budget corrigé par {author.pk}") for author in (member, editor)}
    barrier = threading.Barrier(2)
    results, errors = {}, []

    def send(author):
        try:
            upload = checked("budget.pdf", contents[author.pk])
            target = Document.objects.select_related("organisation").get(pk=original.pk)
            barrier.wait(timeout=10)
            version, overtaken = services.document_add_version(
                document=target, checked=upload, user=author, base_number=1
            )
            results[author.pk] = (version.pk, overtaken.created_by_id if overtaken else None)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(author,)) for author in (member, editor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    original.refresh_from_db()
    versions = {version.pk: version for version in original.versions.all()}
    assert sorted(version.number for version in versions.values()) == [1, 2, 3]
    # The second one is told that the first one's version came in between (the page says so); the first is not.
    assert sorted(told for _version, told in results.values() if told) == [
        author for author, (_version, told) in results.items() if not told
    ]
    for author_pk, (version_pk, _told) in results.items():
        version = versions[version_pk]
        with version.file.open("rb") as handle:
            stored = handle.read()
        assert stored == contents[author_pk]
        assert version.sha256 == hashlib.sha256(contents[author_pk]).hexdigest()
        assert version.created_by_id == author_pk
    assert len({version.file.name for version in versions.values()}) == 3
    assert original.current_version.number == 3
