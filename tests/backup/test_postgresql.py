"""On PostgreSQL, `backup` and `restore` go through pg_dump and pg_restore and keep every row."""

import shutil

import psycopg
import pytest
from django.db import connection

from extranet.backup.services import backup_create, backup_restore
from tests.backup.conftest import file_hashes, row_counts, wrapper_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_database():
    """An empty PostgreSQL database beside the test database, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("Runs when DATABASE_URL names a PostgreSQL server (CI's second run, .ci/run).")
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not installed (Debian: postgresql-client).")
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore"
    server = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    database = wrapper_for(name)
    yield database
    database.close()
    with psycopg.connect(**server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_pg_dump_then_pg_restore_into_an_empty_database(scratch_database, source_roots, empty_roots, tmp_path):
    """The restored database has every table with the same number of rows, and the files come back."""
    archive = tmp_path / "backup.tar.gz"
    manifest = backup_create(output=archive, roots=source_roots)
    backup_restore(path=archive, connection=scratch_database, roots=empty_roots, rebuild_search=False)
    assert manifest["database"]["path"] == "database.pgdump"
    assert row_counts(scratch_database) == row_counts(connection)
    assert len(file_hashes(empty_roots)) == len(file_hashes(source_roots)) == 3
