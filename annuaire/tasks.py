"""Background work of the directory, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def people_import_check_task(*, import_id: int) -> None:
    """Check an uploaded CSV of people line by line, recording its progress and report."""
    from .services import people_import_check

    people_import_check(import_id=import_id)


@task()
def people_import_write_task(*, import_id: int) -> None:
    """Write a confirmed, clean import of people, recording its progress."""
    from .services import people_import_write

    people_import_write(import_id=import_id)
