"""Objects too costly to build for each request and unsafe to share between threads, lent to one thread at a time.

Django runs the synchronous code of each ASGI request in a thread of its own (asgiref's `ThreadSensitiveContext`),
so an object kept per thread would serve a single request: Whoosh searchers with their caches, and analyzers with
their stem caches, are kept per process here instead, each in use by one thread at most.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class Lender(Generic[T]):
    """A few idle objects of one kind, built when none is idle, put back after use, thrown away when stale."""

    def __init__(
        self,
        build: Callable[[], T] | None = None,
        *,
        keep: int = 4,
        is_current: Callable[[T], bool] = lambda item: True,
        discard: Callable[[T], None] = lambda item: None,
    ):
        self.build = build
        self.keep = keep
        self.is_current = is_current
        self.discard = discard
        self.idle: list[T] = []
        self.lock = threading.Lock()

    @contextmanager
    def lend(self, build: Callable[[], T] | None = None) -> Iterator[T]:
        """An idle current object (the last put back first: its caches are the warmest), or a new one (made by
        `build` if given, the lender's own otherwise)."""
        item = None
        with self.lock:
            while self.idle and item is None:
                candidate = self.idle.pop()
                if self.is_current(candidate):
                    item = candidate
                else:
                    self.discard(candidate)
        if item is None:
            item = (build or self.build)()
        try:
            yield item
        finally:
            self.put_back(item)

    def put_back(self, item: T) -> None:
        """Keep the object if it is current and few are idle; the idle ones gone stale go (a searcher holds files)."""
        with self.lock:
            kept, gone = [], []
            for other in self.idle:
                (kept if self.is_current(other) else gone).append(other)
            self.idle = kept
            if self.is_current(item) and len(self.idle) < self.keep:
                self.idle.append(item)
            else:
                gone.append(item)
        for other in gone:
            self.discard(other)
