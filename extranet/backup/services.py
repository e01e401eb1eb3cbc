"""Back up a running instance into one archive, and restore such an archive into an empty instance."""

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection as default_connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from documents.storage import document_storage
from forums.permission_cache import forum_permissions_changed

from .archive import FORMAT_VERSION, ArchiveWriter, archive_extract_verified, files_under, sha256_of
from .database import DatabaseSnapshot, database_restore, dump_name
from .errors import BackupError
from .locks import files_lock

Progress = Callable[[str], None]


def backup_file_roots() -> tuple[dict[str, Path], list[str]]:
    """The local directories to archive, by archive folder, and notes on what is left to other means."""
    roots, notes = {"media": Path(settings.MEDIA_ROOT)}, []
    storage = document_storage()
    if isinstance(storage, FileSystemStorage):
        roots["documents"] = Path(storage.location)
    else:
        notes.append(
            "The library documents are in object storage (DOCUMENTS_S3_BUCKET): they are NOT in this archive; "
            "back the bucket up by its own means (versioning, replication, provider snapshots)."
        )
    return roots, notes


def backup_create(*, output: Path, connection=None, roots=None, progress: Progress = lambda message: None) -> dict:
    """Write the database dump, every file of `roots` and the manifest to the new archive `output`.

    The archive is one point in time: under the file lock (deletions wait), the database snapshot is fixed,
    then every file is hard-linked aside; the dump and the archiving run afterwards, while the site writes on.
    Every file named by a row of the dump is in the archive (it was written before its row was committed, and
    is deleted only after its row's deletion is committed, under the lock); files written after the snapshot
    may be there too, as harmless extras (the orphan sweeps clean them up after a restore).
    """
    connection = connection or default_connection
    notes = []
    if roots is None:
        roots, notes = backup_file_roots()
    for note in notes:
        progress(note)
    started = time.monotonic()
    writer = ArchiveWriter(Path(output))
    try:
        with contextlib.ExitStack() as kept:
            scratch = Path(kept.enter_context(tempfile.TemporaryDirectory(prefix="territoires-backup-")))
            with contextlib.ExitStack() as held:  # the database snapshot, released as soon as it is dumped
                with files_lock(exclusive=True):
                    snapshot = held.enter_context(DatabaseSnapshot(connection=connection))
                    linked = {folder: kept.enter_context(_files_set_aside(root)) for folder, root in roots.items()}
                name = dump_name(connection=connection)
                dump = scratch / name
                progress(f"Dumping the {connection.vendor} database…")
                snapshot.dump(dump)
            migrations = applied_migrations(connection=connection)
            dump_sha256 = sha256_of(dump)
            database_entry = writer.add_file(dump, name)
            if database_entry["sha256"] != dump_sha256:
                raise BackupError("The database dump changed while it was archived.")
            files = []
            for folder, aside in linked.items():
                before = len(files)
                for path in files_under(aside):
                    files.append(writer.add_file(path, f"{folder}/{path.relative_to(aside).as_posix()}"))
                progress(f"Archived {len(files) - before} file(s) of {roots[folder]} ({folder}/).")
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "vendor": connection.vendor,
            "migrations": migrations,
            "database": database_entry,
            "files": files,
            "notes": notes,
        }
        writer.finish(manifest)
    except BaseException:
        writer.abort()
        raise
    total = sum(entry["size"] for entry in files)
    progress(
        f"Backup written to {output}: database {database_entry['size']} bytes, {len(files)} file(s) "
        f"({total} bytes), archive {Path(output).stat().st_size} bytes, in {time.monotonic() - started:.1f} s."
    )
    return manifest


@contextlib.contextmanager
def _files_set_aside(root: Path):
    """Hard links to every file under `root`, in a directory beside it; yield that directory, removed after.

    A link keeps the file's bytes even if the file is deleted afterwards; it costs no space and little time
    (a copy is made instead where links are impossible: another file system, a parent not writable). Files
    are never rewritten in place (each upload gets a new name), so the linked bytes are the rows' bytes.
    """
    root.mkdir(parents=True, exist_ok=True)
    try:
        aside = Path(tempfile.mkdtemp(prefix=f".{root.name}-backup-", dir=root.parent))
    except OSError:  # a parent the backup cannot write to: copies in the temporary directory instead
        aside = Path(tempfile.mkdtemp(prefix=f"territoires-{root.name}-backup-"))
    try:
        for path in files_under(root):
            target = aside / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                try:
                    os.link(path, target)
                except OSError:
                    shutil.copy2(path, target)
            except FileNotFoundError:
                continue  # deleted behind the storage's back (no row can name it: deletions wait for the lock)
        yield aside
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def applied_migrations(*, connection) -> dict[str, str]:
    """The latest applied migration of each app, as the database's migration table records them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY applied, id")
        return dict(cursor.fetchall())


def instance_emptiness_problems(*, connection, roots: dict[str, Path]) -> list[str]:
    """Why the instance is not empty (a restore would mix two sites): accounts in the database, stored files."""
    problems = []
    users_table = get_user_model()._meta.db_table
    if users_table in connection.introspection.table_names():
        with connection.cursor() as cursor:
            # The table name comes from the user model and is quoted by the database backend.
            query = f"SELECT COUNT(*) FROM {connection.ops.quote_name(users_table)}"  # noqa: S608 # nosec B608
            cursor.execute(query)
            if count := cursor.fetchone()[0]:
                problems.append(f"the database holds {count} user account(s)")
    for folder, root in roots.items():
        if next(files_under(root), None) is not None:
            problems.append(f"{root} ({folder}) holds files")
    return problems


def backup_restore(
    *,
    path: Path,
    force: bool = False,
    connection=None,
    roots=None,
    rebuild_search: bool = True,
    progress: Progress = lambda message: None,
) -> dict:
    """Check the archive entirely, then restore the database and the files, then rebuild the search index."""
    connection = connection or default_connection
    if roots is None:
        roots, _notes = backup_file_roots()
    with tempfile.TemporaryDirectory(prefix="territoires-restore-") as scratch:
        staging = Path(scratch)
        progress(f"Reading and checking {path}…")
        manifest = archive_extract_verified(path=Path(path), staging=staging, progress=progress)
        _check_compatible(manifest=manifest, connection=connection, roots=roots)
        problems = instance_emptiness_problems(connection=connection, roots=roots)
        if problems and not force:
            raise BackupError(
                "Restoring needs an empty instance, and "
                + "; ".join(problems)
                + ". Restore into a fresh database and empty directories, or pass --force to overwrite."
            )
        progress(f"Restoring the {manifest['vendor']} database…")
        database_restore(connection=connection, source=staging / manifest["database"]["path"])
        # The shared cache may still hold the forum permissions of the database restored over.
        forum_permissions_changed()
        for entry in manifest["files"]:
            folder, relative = entry["path"].split("/", 1)
            target = roots[folder] / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(staging / entry["path"], target)
        progress(f"Restored {len(manifest['files'])} file(s).")
    if rebuild_search:
        # Whoosh has one writer: the task worker must be stopped while the index is rebuilt.
        progress("Rebuilding the search index…")
        call_command("rebuild_index", interactive=False, verbosity=0)
    progress(f"Restore of the backup of {manifest['created_at']} finished.")
    return manifest


def _check_compatible(*, manifest: dict, connection, roots: dict[str, Path]) -> None:
    if manifest["vendor"] != connection.vendor:
        raise BackupError(f"The archive holds a {manifest['vendor']} dump; this instance runs {connection.vendor}.")
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    if unknown := sorted(set(manifest["migrations"].items()) - known):
        raise BackupError(
            f"The archive comes from a newer version (migration {unknown[0][0]}.{unknown[0][1]} is unknown here): "
            "upgrade the code first."
        )
    folders = {entry["path"].split("/", 1)[0] for entry in manifest["files"]}
    if missing := sorted(folders - roots.keys()):
        raise BackupError(f"The archive holds {missing[0]}/ files but this instance stores them elsewhere (S3?).")
