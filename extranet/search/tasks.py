"""Index updates, run by the task worker on the `search` queue (one worker: Whoosh allows one writer)."""

from django.apps import apps
from django_tasks import task

from . import services


@task(queue_name="search")
def search_documents_refresh_task(*, model_label: str, pks: list[str]) -> None:
    services.search_documents_refresh(model=apps.get_model(model_label), pks=pks)


@task(queue_name="search")
def search_page_tree_refresh_task(*, page_id: int) -> None:
    services.search_page_tree_refresh(page_id=page_id)
