"""Writes to the search index. They run in the task worker: Whoosh has one writer, the `search` queue's."""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from haystack import connections
from haystack.exceptions import NotHandled


def _index_for(model: type[Model]):
    return connections["default"].get_unified_index().get_index(model)


def search_index_handles(*, model: type[Model]) -> bool:
    """Whether the model has a search index (only those models' saves are queued)."""
    try:
        _index_for(model)
    except NotHandled:
        return False
    return True


def search_documents_refresh(*, model: type[Model], pks: Iterable) -> None:
    """Index the items the index's queryset still holds; remove the others (deleted, hidden, expired)."""
    index = _index_for(model)
    pks = list(pks)
    present = list(index.index_queryset().filter(pk__in=pks))
    backend = index.get_backend()
    if present:
        backend.update(index, present)
    present_pks = {str(item.pk) for item in present}
    for pk in pks:
        if str(pk) not in present_pks:
            backend.remove(f"{model._meta.label_lower}.{pk}")


def search_document_remove(*, identifier: str) -> None:
    """Remove one item by its haystack identifier (`app.model.pk`)."""
    connections["default"].get_backend().remove(identifier)


def search_refresh_later(*, model: type[Model], pks: Iterable) -> None:
    """Queue the refresh of these items (their visibility changed, or they were saved or deleted)."""
    from .tasks import search_documents_refresh_task

    pks = [str(pk) for pk in pks]
    if pks:
        search_documents_refresh_task.enqueue(model_label=model._meta.label_lower, pks=pks)


def search_page_tree_refresh_later(*, page_id: int) -> None:
    """Queue the refresh of a page and its descendants (its privacy changed, or it moved)."""
    from .tasks import search_page_tree_refresh_task

    search_page_tree_refresh_task.enqueue(page_id=page_id)


def search_page_tree_refresh(*, page_id: int) -> None:
    """Refresh every indexed page of the tree rooted at this page."""
    from wagtail.models import Page

    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return
    tree = Page.objects.filter(path__startswith=root.path, depth__gte=root.depth)
    by_content_type: dict[int, list[int]] = {}
    for pk, content_type_id in tree.values_list("pk", "content_type"):
        by_content_type.setdefault(content_type_id, []).append(pk)
    for content_type_id, pks in by_content_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and search_index_handles(model=model):
            search_documents_refresh(model=model, pks=pks)
