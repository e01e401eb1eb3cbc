from django_tasks import task

from .sending import broadcast_deliver


@task()
def broadcast_deliver_task(*, broadcast_id: int) -> None:
    """Send a broadcast's queued deliveries, throttled (see `sending.broadcast_deliver`)."""
    broadcast_deliver(broadcast_id=broadcast_id)
