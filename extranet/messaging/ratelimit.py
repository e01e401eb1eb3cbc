"""Fixed-window counters in the cache (shared by every server process when the cache is Redis)."""

import time

from django.core.cache import cache


async def rate_exceeded(*, key: str, limit: int, window: int) -> bool:
    """Count one event; True when more than `limit` happened in the current `window` seconds."""
    slot = f"messaging:rate:{key}:{int(time.time() // window)}"
    await cache.aadd(slot, 0, timeout=window * 2)
    try:
        count = await cache.aincr(slot)
    except ValueError:  # expired between the two calls
        await cache.aset(slot, 1, timeout=window * 2)
        count = 1
    return count > limit
