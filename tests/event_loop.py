"""Running a coroutine from a test, whatever event loop the test process's main thread already runs."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run_apart(coroutine):
    """Run the coroutine in a thread of its own: the browser tests' Playwright keeps an event loop running in the
    main thread, where `asyncio.run` and `async_to_sync` would refuse."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()
