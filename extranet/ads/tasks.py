"""Background tasks of small ads, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def ads_expire() -> int:
    """Mark the ads past their date as expired (the `ads_expire` command does the same from cron)."""
    from .services import ad_expire_due

    return ad_expire_due()


@task()
def ad_search_index_refresh(*, ad_id: int) -> None:
    """Put an ad in the search index while it is public, take it out otherwise."""
    from haystack import connections

    from .models import Ad

    index = connections["default"].get_unified_index().get_index(Ad)
    ad = index.index_queryset().filter(pk=ad_id).first()
    if ad is None:
        index.remove_object(f"ads.ad.{ad_id}")
    else:
        index.update_object(ad)
