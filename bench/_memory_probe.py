"""What messaging_fanout.py asks a server process about its memory, between connection cycles.

`GET /__bench__/memory` answers, after a full garbage collection, the process's RSS, the memory blocks Python's
allocator has handed out and not got back (`sys.getallocatedblocks`: a leak of Python objects raises it cycle
after cycle), and the objects the collector tracks. With `?trim=1` the C allocator first gives its free pages
back to the system (glibc's `malloc_trim`): the RSS then left is memory in use, not memory kept for reuse.
The probe wraps the served application; only the benchmark's servers load it.
"""

import ctypes
import gc
import json
import sys
from pathlib import Path

PATH = "/__bench__/memory"
_LIBC = ctypes.CDLL("libc.so.6") if sys.platform.startswith("linux") else None


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory_figures(*, trim: bool) -> dict:
    gc.collect()
    if trim and _LIBC is not None:
        _LIBC.malloc_trim(0)
    return {"rss_kib": _rss_kib(), "blocks": sys.getallocatedblocks(), "objects": len(gc.get_objects())}


def with_memory_probe(application):
    """The application, with the probe answering its one address over HTTP."""

    async def probed(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == PATH:
            body = json.dumps(memory_figures(trim=b"trim=1" in scope.get("query_string", b""))).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return None
        return await application(scope, receive, send)

    return probed
