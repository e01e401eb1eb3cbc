"""Background tasks of small ads, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def ads_expire() -> int:
    """Mark the ads past their date as expired (the `ads_expire` command does the same from cron)."""
    from .services import ad_expire_due

    return ad_expire_due()
