"""What a server process does once the site is loaded, before its first request (the ASGI lifespan protocol).

What is loaded at start (Django, Wagtail, machina, the models, the URLconf and every view it imports) lives as long
as the process, yet each full collection of Python's cyclic garbage collector walks all of it again, pausing every
request in flight. Frozen, it is left out of every collection (measured in docs/performance.md, tenth round). An
object loaded at start that later becomes cyclic garbage is then never freed; the start loads what the process
keeps.

The collector's thresholds stay Python's: raising the first one (to 50,000) made the pages faster still, but under
WebSocket connection churn the garbage waiting for a collection raised the servers' memory by 14 to 23 % over ten
cycles of 1,000 clients.
"""

import gc
import logging

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)


def serving_process_prepare() -> None:
    """Load the URLconf, then freeze what is loaded."""
    # Imports every view and builds each language's lookup tables, as the first requests would, so that they are
    # frozen too.
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            get_resolver().reverse_dict  # noqa: B018
    # Garbage left by the start would otherwise be frozen with the rest, never to be collected.
    gc.collect()
    gc.freeze()


async def lifespan_application(scope, receive, send):
    """Prepare the process at the server's start; nothing to release at its stop."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            try:
                serving_process_prepare()
            except Exception:
                # The freeze only saves time: serve without it rather than not at all (uvicorn would log the
                # failure at INFO level only, as a server without lifespan support).
                logger.exception("The server process could not be prepared; it serves without the freeze.")
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
