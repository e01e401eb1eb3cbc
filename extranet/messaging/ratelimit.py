"""The sockets' counters, on the project's shared rate limits (extranet/core/ratelimit.py)."""

from extranet.core.ratelimit import RateLimited, arate_limit_take


async def rate_exceeded(*, key: str, limit: int, window: int) -> bool:
    """Count one event; True when more than `limit` happened in the current `window` seconds."""
    try:
        await arate_limit_take(key=f"messaging:{key}", limit=limit, window_seconds=window)
    except RateLimited:
        return True
    return False
