"""Fixed-window rate limits kept in Django's cache, shared by every process when the cache is Redis.

Each scope (search, posting a message...) has a limit in `settings.RATE_LIMITS`, "<count>/<seconds>", read
from the environment once by the settings. A window is a slot of the clock (`now // seconds`), so the
counter's key changes by itself and the wait before the next slot is known exactly (the Retry-After header).
Counting is `cache.add` then `cache.incr`: both atomic on Redis and in the local-memory cache.
"""

import functools
import hashlib
import time
from dataclasses import dataclass

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


class RateLimited(Exception):
    """Too many attempts in the current window; `retry_after` seconds until the next one."""

    def __init__(self, *, retry_after: int):
        super().__init__(f"rate limited, retry after {retry_after} s")
        self.retry_after = retry_after


def limit_of(scope: str) -> Limit:
    """The limit of a scope from settings.RATE_LIMITS ("30/60": 30 per 60 seconds)."""
    count, _slash, seconds = str(settings.RATE_LIMITS[scope]).partition("/")
    return Limit(count=int(count), seconds=int(seconds or 60))


def _slot(*, key: str, seconds: int) -> tuple[str, int]:
    now = time.time()
    window = int(now // seconds)
    # Hashed, so that any key (an IPv6 address...) is a valid cache key and no raw address is stored.
    digest = hashlib.sha256(key.encode()).hexdigest()
    retry_after = max(1, int((window + 1) * seconds - now) + 1)
    return f"ratelimit:{digest}:{window}", retry_after


def rate_limit_take(*, key: str, limit: int, window_seconds: int) -> None:
    """Count one attempt under `key`; raise RateLimited when it is past `limit` in the current window."""
    cache_key, retry_after = _slot(key=key, seconds=window_seconds)
    cache.add(cache_key, 0, timeout=window_seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # The entry expired between add() and incr().
        cache.set(cache_key, 1, timeout=window_seconds + 1)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=retry_after)


async def arate_limit_take(*, key: str, limit: int, window_seconds: int) -> None:
    """`rate_limit_take` for asynchronous code (the WebSocket consumers)."""
    cache_key, retry_after = _slot(key=key, seconds=window_seconds)
    await cache.aadd(cache_key, 0, timeout=window_seconds + 1)
    try:
        count = await cache.aincr(cache_key)
    except ValueError:
        await cache.aset(cache_key, 1, timeout=window_seconds + 1)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=retry_after)


def client_key(request) -> str:
    """Who is counted: the logged-in user, or the visitor's address (behind PROXY_COUNT trusted proxies)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{get_client_ip_address(request) or 'unknown'}"


def rate_limit_request(request, scope: str) -> None:
    """Count one request of `scope` by this client; raise RateLimited past the scope's limit."""
    limit = limit_of(scope)
    rate_limit_take(key=f"{scope}:{client_key(request)}", limit=limit.count, window_seconds=limit.seconds)


def retry_after_minutes(error: RateLimited) -> int:
    """The wait, rounded up to whole minutes, as people are told it."""
    return max(1, -(-error.retry_after // 60))


def too_many_requests(request, error: RateLimited):
    """The 429 page, in the visitor's language, with the Retry-After header."""
    minutes = retry_after_minutes(error)
    response = render(request, "429.html", {"retry_after_minutes": minutes}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


def rate_limit(scope: str, *, methods: tuple[str, ...] = ("POST",)):
    """Decorate a view (a function, or a class's `dispatch`) so that its `methods` requests count under `scope`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            # A function view gets (request, ...); a method gets (self, request, ...).
            request = args[0] if hasattr(args[0], "META") else args[1]
            if request.method in methods:
                try:
                    rate_limit_request(request, scope)
                except RateLimited as error:
                    return too_many_requests(request, error)
            return view(*args, **kwargs)

        return wrapped

    return decorator
