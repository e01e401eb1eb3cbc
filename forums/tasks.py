"""Background tasks of the forums, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def forum_post_notify(*, post_id: int) -> None:
    """Tell the followers of a new post's topic and forum, away from the request that published it."""
    from .notifications import post_notify

    post_notify(post_id=post_id)


@task()
def forums_send_digests() -> int:
    """Send the daily digests (the `forums_send_digests` command does the same from cron)."""
    from .notifications import digests_send

    return digests_send()
