"""Per-user reads that every page's layout or menu makes, with their SQL compiled from the ORM once per database.

Building a query of joins and subqueries through the ORM costs several times running it: the site navigation's
counts (unread messages, unread notifications, the administration link) cost about 2 ms a page built each time,
a tenth of that compiled once (bench/pages.py). The ORM still writes the SQL, so it stays the one definition;
only the user's id changes between runs, always as a parameter.
"""

import functools
from collections.abc import Callable
from types import SimpleNamespace

from django.db import connections, router
from django.db.models import QuerySet

# A user id no row has: it marks the user's places among the compiled query's parameters.
_ANY_USER = SimpleNamespace(pk=-7_230_117)


class UserRows:
    """The rows (tuples) of `build(user=...)` for a user, from SQL compiled once per database alias.

    `build` must use the user only through `user.pk`, and as a filter value (never in a slice or an expression the
    ORM would fold into the SQL text).
    """

    # How the compiled query is wrapped: as it is here, counted in UserCount.
    template = "{}"

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        functools.update_wrapper(self, build)

    @functools.cache  # noqa: B019 # one instance per module-level query, alive as long as the process
    def _sql(self, alias: str) -> tuple[str, tuple]:
        queryset = self._build(user=_ANY_USER)
        sql, params = queryset.query.get_compiler(alias).as_sql()
        if _ANY_USER.pk not in params:
            raise ValueError(f"{self._build.__name__} does not filter on the user")
        return self.template.format(sql), tuple(params)

    @functools.cached_property
    def _model(self):
        return self._build(user=_ANY_USER).model

    def rows(self, *, user) -> list[tuple]:
        alias = router.db_for_read(self._model)
        sql, params = self._sql(alias)
        with connections[alias].cursor() as cursor:
            # The SQL is the ORM's own compilation; every value stays a parameter.
            cursor.execute(sql, [user.pk if value == _ANY_USER.pk else value for value in params])  # nosec B608
            return cursor.fetchall()

    def __call__(self, *, user) -> list[tuple]:
        return self.rows(user=user)


class UserCount(UserRows):
    """`build(user=...)`'s row count for a user (an int), from SQL compiled once per database alias."""

    template = "SELECT COUNT(*) FROM ({}) counted"  # noqa: S608 # the ORM's compiled SQL, values as parameters

    def __call__(self, *, user) -> int:
        return self.rows(user=user)[0][0]
