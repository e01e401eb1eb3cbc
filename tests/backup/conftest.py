"""Helpers of the backup tests: scratch databases beside the test database, file trees, row counts."""

import copy
import hashlib
import sqlite3

import pytest
from django.db import connection, connections

from extranet.backup.archive import files_under


def wrapper_for(name: str):
    """A Django connection to another database with the test database's settings (its own, never `default`)."""
    default = connections["default"]
    settings_dict = copy.deepcopy(default.settings_dict)
    settings_dict["NAME"] = name
    return type(default)(settings_dict, alias="backup_scratch")


def row_counts(database) -> dict[str, int]:
    with database.cursor() as cursor:
        tables = database.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {database.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def file_hashes(roots) -> dict[str, str]:
    return {
        f"{folder}/{path.relative_to(root)}": hashlib.sha256(path.read_bytes()).hexdigest()
        for folder, root in roots.items()
        for path in files_under(root)
    }


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's online backup API is tested on SQLite; PostgreSQL has its own round trip.")


@pytest.fixture
def source_roots(tmp_path):
    """A media directory and a library directory with nested, binary and non-ASCII file names."""
    roots = {"media": tmp_path / "media", "documents": tmp_path / "documents"}
    (roots["media"] / "ads" / "2026").mkdir(parents=True)
    (roots["media"] / "ads" / "2026" / "vélo.jpg").write_bytes(bytes(range(256)) * 40)
    (roots["documents"] / "jargeau" / "budget").mkdir(parents=True)
    (roots["documents"] / "jargeau" / "budget" / "budget primitif.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 5000)
    (roots["documents"] / "empty.txt").write_bytes(b"")
    return roots


@pytest.fixture
def empty_roots(tmp_path):
    return {"media": tmp_path / "restored-media", "documents": tmp_path / "restored-documents"}


@pytest.fixture
def source_database(tmp_path):
    """The database to back up: on SQLite, a WAL file copy of the test database, uncommitted test data included.

    The test database lives in memory inside the test's open write transaction, where SQLite's backup API
    waits forever for a lock: the copy goes through `serialize()`, which reads the connection's own view.
    On PostgreSQL, the test database itself (pg_dump sees its committed content).
    """
    if connection.vendor != "sqlite":
        yield connection
        return
    connection.ensure_connection()
    snapshot = sqlite3.connect(":memory:")
    snapshot.deserialize(connection.connection.serialize())
    path = tmp_path / "live.sqlite3"
    target = sqlite3.connect(path)
    snapshot.backup(target)
    snapshot.close()
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    database = wrapper_for(str(path))
    yield database
    database.close()
