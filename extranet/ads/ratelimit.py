"""A fixed-window rate limit kept in Django's cache (shared by every process when the cache is Redis)."""

import hashlib

from django.core.cache import cache
from django.utils.translation import gettext as _


class RateLimited(Exception):
    """Too many attempts: the visitor is told, in their language, to wait."""

    def __init__(self):
        super().__init__(_("You have sent too many messages in a short time. Please try again in an hour."))


def rate_limit_take(*, key: str, limit: int, window_seconds: int) -> None:
    """Count one attempt under `key` in a window that starts with the first one; raise RateLimited past `limit`."""
    # Hashed, so that any key (an IPv6 address...) is a valid cache key and no raw address is stored.
    cache_key = "ratelimit:" + hashlib.sha256(key.encode()).hexdigest()
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # The entry expired between add() and incr().
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    if count > limit:
        raise RateLimited
