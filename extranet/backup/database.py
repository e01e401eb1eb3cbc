"""Consistent database dumps and their restoration: SQLite's online backup API, or pg_dump / pg_restore.

Each function takes a Django database wrapper (`django.db.connection` in the commands), so that the tests
can aim them at a scratch database. PostgreSQL tools get their connection settings through the libpq
environment variables (the password never appears on a command line) and run without a shell.
"""

import os
import shutil
import sqlite3
import subprocess  # nosec B404 # argument lists only, no shell (see _run)
from pathlib import Path

from .errors import BackupError

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def dump_name(*, connection) -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Unsupported database vendor: {connection.vendor}.")
    return DUMP_NAMES[connection.vendor]


class DatabaseSnapshot:
    """A point in time of the whole database, fixed on entering, that `dump` writes out later.

    The backup fixes it while it holds the file lock (see `locks.py`), then dumps at leisure: other processes
    keep writing meanwhile, and the dump shows none of their later changes. SQLite: a read transaction of a
    connection of its own (WAL: writers go on), from which the online backup API copies. PostgreSQL: a
    REPEATABLE READ transaction whose exported snapshot pg_dump reuses (`--snapshot`).
    """

    def __init__(self, *, connection):
        if connection.vendor not in DUMP_NAMES:
            raise BackupError(f"Unsupported database vendor: {connection.vendor}.")
        self.connection, self.held, self.snapshot_id = connection, None, None

    def __enter__(self):
        settings_dict = self.connection.settings_dict
        if self.connection.vendor == "sqlite":
            timeout = settings_dict.get("OPTIONS", {}).get("timeout", 20)
            self.held = sqlite3.connect(settings_dict["NAME"], uri=True, isolation_level=None, timeout=timeout)
            self.held.execute("BEGIN")
            self.held.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the first read fixes the snapshot
        else:
            import psycopg

            self.held = psycopg.connect(**_libpq_arguments(settings_dict))
            self.held.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            self.held.read_only = True
            self.snapshot_id = self.held.execute("SELECT pg_export_snapshot()").fetchone()[0]
        return self

    def dump(self, target: Path) -> None:
        """Write the snapshot's copy of the whole database to `target`."""
        if self.connection.vendor == "sqlite":
            with _sqlite_connect(target) as copy:
                # One step (pages=-1) copies every page inside the held read transaction: the fixed snapshot.
                self.held.backup(copy, pages=-1)
            _sqlite_check(target)
        else:
            command = ["pg_dump", "--format=custom", "--no-password", f"--snapshot={self.snapshot_id}"]
            _run([*command, f"--file={target}"], connection=self.connection)

    def __exit__(self, *exc_info):
        if self.held is not None:
            self.held.rollback() if self.connection.vendor == "postgresql" else self.held.execute("ROLLBACK")
            self.held.close()
            self.held = None


def database_dump(*, connection, target: Path) -> None:
    """Write a consistent copy of the whole database to `target`, while other processes keep writing."""
    with DatabaseSnapshot(connection=connection) as snapshot:
        snapshot.dump(target)


def database_restore(*, connection, source: Path) -> None:
    """Replace the whole content of the configured database by the dump `source`."""
    connection.close()
    if connection.vendor == "sqlite":
        _sqlite_check(source)
        with _sqlite_connect(source) as dump, _sqlite_connect(connection.settings_dict["NAME"]) as live:
            dump.backup(live)
    elif connection.vendor == "postgresql":
        # pg_restore, unlike pg_dump, ignores PGDATABASE: the database is named on the command line.
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-password", "--exit-on-error"]
        database = f"--dbname={connection.settings_dict['NAME']}"
        _run([*command, "--single-transaction", database, str(source)], connection=connection)
    else:
        raise BackupError(f"Unsupported database vendor: {connection.vendor}.")


def _sqlite_check(path: Path) -> None:
    with _sqlite_connect(path) as database:
        result = database.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"The SQLite database {path} fails its integrity check: {result}")


class _sqlite_connect:
    """A sqlite3 connection closed on exit (sqlite3's own context manager only commits)."""

    def __init__(self, path):
        self.database = sqlite3.connect(path)

    def __enter__(self):
        return self.database

    def __exit__(self, *exc_info):
        self.database.close()


def _run(command: list[str], *, connection) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt install postgresql-client).")
    # The command is pg_dump, pg_restore or psql with arguments built by this module; no shell is involved.
    result = subprocess.run(  # noqa: S603 # nosec B603 # see the comment above
        command, env=_libpq_environment(connection.settings_dict), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")


def _libpq_arguments(settings_dict: dict) -> dict:
    """psycopg's connection arguments for these Django settings (empty ones left to libpq's defaults)."""
    arguments = {
        "dbname": settings_dict.get("NAME"),
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        "sslmode": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    return {name: str(value) for name, value in arguments.items() if value}


def _libpq_environment(settings_dict: dict) -> dict:
    environment = dict(os.environ)
    variables = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    environment.update({name: str(value) for name, value in variables.items() if value})
    return environment
