"""Ids typed in an address or a form that no row can have.

Django answers "no row" for an integer beyond the column's range on a model's own integer key (`pk=`), but not
through a relation (a session's key is its event's) nor in `pk__in`: there the database driver raises
OverflowError, an error page. Selectors and form fields check such ids here before querying.
"""

from django.db import connection


def pk_in_range(model, value) -> bool:
    """Whether `value` (an int, or digits) fits the model's primary key column; False for anything else."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return False
    field = model._meta.pk
    field = getattr(field, "target_field", None) or field  # a one-to-one key stores its target's integer
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or number >= low) and (high is None or number <= high)
