"""Per-user reads that pages make at every view (the layout's counts, a topic page's read mark), with their SQL
compiled from the ORM once per database.

Building a query of joins and subqueries through the ORM costs several times running it: the site navigation's
counts (unread messages, unread notifications, the administration link) cost about 2 ms a page built each time,
a tenth of that compiled once (bench/pages.py). The ORM still writes the SQL, so it stays the one definition;
only the ids of the objects it is asked about change between runs, always as parameters.
"""

import functools
import inspect
from collections.abc import Callable
from types import SimpleNamespace

from django.db import connections, router
from django.db.models import QuerySet

# Ids no row has: each marks one argument's places among the compiled query's parameters.
_FIRST_UNUSED_ID = -7_230_117


class UserRows:
    """The rows (tuples) of `build(user=..., **objects)` for a user and other objects, from SQL compiled once per
    database alias.

    `build` takes keyword-only arguments, `user` among them; it must use each only through its `pk`, and as a filter
    value (never in a slice or an expression the ORM would fold into the SQL text).
    """

    # How the compiled query is wrapped: as it is here, counted in UserCount.
    template = "{}"

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        names = [
            name
            for name, parameter in inspect.signature(build).parameters.items()
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        if "user" not in names:
            raise TypeError(f"{build.__name__} takes no keyword-only user")
        self._placeholders = {name: SimpleNamespace(pk=_FIRST_UNUSED_ID - index) for index, name in enumerate(names)}
        functools.update_wrapper(self, build)

    @functools.cache  # noqa: B019 # one instance per module-level query, alive as long as the process
    def _sql(self, alias: str) -> tuple[str, tuple]:
        queryset = self._build(**self._placeholders)
        sql, params = queryset.query.get_compiler(alias).as_sql()
        for name, placeholder in self._placeholders.items():
            if placeholder.pk not in params:
                raise ValueError(f"{self._build.__name__} does not filter on the {name}")
        return self.template.format(sql), tuple(params)

    @functools.cached_property
    def _model(self):
        return self._build(**self._placeholders).model

    def rows(self, **objects) -> list[tuple]:
        if objects.keys() != self._placeholders.keys():
            raise TypeError(f"{self._build.__name__} takes {', '.join(self._placeholders)}")
        alias = router.db_for_read(self._model)
        sql, params = self._sql(alias)
        ids = {self._placeholders[name].pk: instance.pk for name, instance in objects.items()}
        with connections[alias].cursor() as cursor:
            # The SQL is the ORM's own compilation; every value stays a parameter.
            cursor.execute(sql, [ids.get(value, value) if type(value) is int else value for value in params])  # nosec B608
            return cursor.fetchall()

    def __call__(self, **objects) -> list[tuple]:
        return self.rows(**objects)


class UserCount(UserRows):
    """`build(user=..., **objects)`'s row count (an int), from SQL compiled once per database alias."""

    template = "SELECT COUNT(*) FROM ({}) counted"  # noqa: S608 # the ORM's compiled SQL, values as parameters

    def __call__(self, **objects) -> int:
        return self.rows(**objects)[0][0]
