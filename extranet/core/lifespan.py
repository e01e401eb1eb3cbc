"""What a server process does once the site is loaded, before its first request (the ASGI lifespan protocol).

It tunes Python's cyclic garbage collector for serving (measured in docs/performance.md, tenth round):

- What is loaded at start (Django, Wagtail, machina, the models, the URLconf and every view it imports) lives as
  long as the process, yet each full collection walks all of it again, pausing every request in flight. Frozen, it
  is left out.
- A request makes tens of thousands of objects that live until its response is sent. Under the default threshold
  (700) they are examined again and again while it runs and promoted to the older generations, whose growth soon
  calls a full collection. Under a threshold above what one request holds, most of them die young.

The price: cyclic garbage waits for up to 50,000 allocations (a few MB at most) before it is freed, and an object
loaded at start that later becomes cyclic garbage is never freed. Full collections still come when the objects
made since the start grow by a quarter (CPython's rule), only rarer and shorter.
"""

import gc

from django.urls import get_resolver

# Allocations (minus deallocations) of container objects between two collections of the youngest generation.
YOUNG_GENERATION_THRESHOLD = 50_000


def serving_process_prepare() -> None:
    """Load the URLconf, freeze what is loaded and raise the youngest generation's threshold."""
    # Imports every view and builds the lookup tables, as the first request would, so that they are frozen too.
    get_resolver().reverse_dict  # noqa: B018
    # Garbage left by the start would otherwise be frozen with the rest, never to be collected.
    gc.collect()
    gc.freeze()
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *older)


async def lifespan_application(scope, receive, send):
    """Prepare the process at the server's start; nothing to release at its stop."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            serving_process_prepare()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
