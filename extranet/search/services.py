"""Writes to the search index.

TEMPORARY (forums branch): a minimal, synchronous `search_refresh_later`, so that the forums can call it; the
search owner's queued version replaces this file when the branches are merged.
"""

from collections.abc import Iterable

from django.db.models import Model
from haystack import connections


def search_refresh_later(*, model: type[Model], pks: Iterable) -> None:
    """Index the items the index's queryset still holds; remove the others (deleted, hidden, expired)."""
    index = connections["default"].get_unified_index().get_index(model)
    pks = list(pks)
    present = list(index.index_queryset().filter(pk__in=pks))
    backend = index.get_backend()
    if present:
        backend.update(index, present)
    present_pks = {str(item.pk) for item in present}
    for pk in pks:
        if str(pk) not in present_pks:
            backend.remove(f"{model._meta.label_lower}.{pk}")
