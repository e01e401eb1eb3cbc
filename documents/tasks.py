"""Background work of the libraries, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def document_version_process(*, version_id: int) -> None:
    """Extract a new version's text and make its thumbnail."""
    from .services import document_version_process as process

    process(version_id=version_id)


@task()
def documents_housekeeping() -> tuple[int, int]:
    """Empty the bin of what is older than DOCUMENTS_BIN_DAYS and release stale locks."""
    from .services import bin_purge, locks_release_stale

    return bin_purge(), locks_release_stale()
