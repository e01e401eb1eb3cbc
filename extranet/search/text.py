"""A model's searchable text, read from its Wagtail `search_fields`: one declaration serves both searches."""

from collections.abc import Iterable

from wagtail.search import index


def _flatten(value) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Iterable):
        for item in value:
            yield from _flatten(item)
    else:
        yield str(value)


def _values(obj, fields) -> Iterable[str]:
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            if hasattr(related, "all"):
                for item in related.all():
                    yield from _values(item, field.fields)
            else:
                yield from _values(related, field.fields)
        elif isinstance(field, index.SearchField):
            yield from _flatten(field.get_value(obj))


def searchable_text_of(obj) -> str:
    """The text of every `SearchField` of the object, those of `RelatedFields` included, one value per line."""
    return "\n".join(value for value in _values(obj, type(obj).get_search_fields()) if value)
