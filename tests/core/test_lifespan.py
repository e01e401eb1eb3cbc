"""A server process freezes what it loaded out of Python's garbage collector when it starts (the ASGI lifespan)."""

import gc

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator

from config.asgi import application


@pytest.fixture
def collector_restored():
    """The test process's collector as it was: nothing frozen."""
    yield
    gc.unfreeze()


async def _start_then_stop() -> tuple[dict, int, dict]:
    communicator = ApplicationCommunicator(application, {"type": "lifespan", "asgi": {"version": "3.0"}})
    await communicator.send_input({"type": "lifespan.startup"})
    started = await communicator.receive_output(timeout=30)
    frozen = gc.get_freeze_count()
    await communicator.send_input({"type": "lifespan.shutdown"})
    stopped = await communicator.receive_output(timeout=30)
    return started, frozen, stopped


def test_a_starting_server_freezes_what_is_loaded(collector_restored):
    """At start the loaded objects leave the collector's walks, and its thresholds stay Python's."""
    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    started, frozen, stopped = async_to_sync(_start_then_stop)()

    assert started == {"type": "lifespan.startup.complete"}
    assert frozen > 100_000
    assert gc.get_threshold() == thresholds
    assert stopped == {"type": "lifespan.shutdown.complete"}
