"""A server process tunes Python's garbage collector when it starts (the ASGI lifespan)."""

import gc

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator

from config.asgi import application
from extranet.core.lifespan import YOUNG_GENERATION_THRESHOLD


@pytest.fixture
def collector_restored():
    """The test process's collector as it was: nothing frozen, the usual thresholds."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


async def _start_then_stop() -> tuple[dict, int, tuple, dict]:
    communicator = ApplicationCommunicator(application, {"type": "lifespan", "asgi": {"version": "3.0"}})
    await communicator.send_input({"type": "lifespan.startup"})
    started = await communicator.receive_output(timeout=30)
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    await communicator.send_input({"type": "lifespan.shutdown"})
    stopped = await communicator.receive_output(timeout=30)
    return started, frozen, threshold, stopped


def test_a_starting_server_freezes_what_is_loaded_and_raises_the_young_threshold(collector_restored):
    """At start the loaded objects leave the collector's walks and the youngest generation waits for more objects."""
    assert gc.get_freeze_count() == 0
    older_thresholds = gc.get_threshold()[1:]
    started, frozen, threshold, stopped = async_to_sync(_start_then_stop)()

    assert started == {"type": "lifespan.startup.complete"}
    assert frozen > 100_000
    assert threshold[0] == YOUNG_GENERATION_THRESHOLD
    assert threshold[1:] == older_thresholds
    assert stopped == {"type": "lifespan.shutdown.complete"}
