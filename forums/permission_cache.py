"""machina's answer to "which permissions has this user in this forum", kept in the shared cache.

machina works it out from the permission rows at every request (two queries built through the ORM, about 1 ms of
the topic page). The answer only changes when a permission row or a group membership does, so it is kept under a
version that every such change moves (`forum_permissions_changed`, called by the services that write rows in bulk
and by `forums.receivers` for every other write): a member who leaves an organisation loses its forums at once.

The version is a random token rather than a counter, so that a cache that lost it (evicted, flushed, restarted)
starts a new one instead of counting again up to a number whose answers may still be stored. It is moved as soon
as the change is made and once more when its transaction commits: a request that read the rows in between, before
the commit, stored its answer under the version that the commit then retires.

One case is left to the answers' lifetime: a transaction that changes a permission, then has a forum permission
checked (and kept), then rolls back. No code does this (views run outside transactions; the services that change
permissions check none); Django gives no hook on rollback to retire such an answer.

Only a cache that every process shares (Redis) can carry the version from the process that changed a permission
to the others: with a cache of each process's own, the answers are not kept (`FORUM_PERMISSIONS_CACHE_SECONDS`).
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

_VERSION_KEY = "forums:permissions:version"


def forum_permissions_changed() -> None:
    """Retire every stored answer: now, and again when the current transaction commits."""
    _version_move()
    transaction.on_commit(_version_move)


def _version_move() -> None:
    cache.set(_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def permissions_version() -> str:
    """The version under which answers are stored now (a new one if the cache has none)."""
    version = cache.get(_VERSION_KEY)
    if version is None:
        token = uuid.uuid4().hex
        version = token if cache.add(_VERSION_KEY, token, timeout=None) else cache.get(_VERSION_KEY)
    # Lost again at once (evicted): a token of this request's own, under which nothing is ever found again.
    return version or uuid.uuid4().hex


def forum_permission_codenames(*, user, forum, version: str, compute) -> set[str]:
    """The codenames `compute()` gives for the user (or anonymous visitor) in the forum, stored under `version`."""
    key = f"forums:permissions:{version}:{user.pk or 'anonymous'}:{forum.pk}"
    codenames = cache.get(key)
    if codenames is None:
        codenames = compute()
        cache.set(key, codenames, timeout=settings.FORUM_PERMISSIONS_CACHE_SECONDS)
    return codenames
