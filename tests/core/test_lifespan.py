"""A server process freezes what it loaded out of Python's garbage collector when it starts (the ASGI lifespan)."""

import gc
import logging

import pytest
from asgiref.testing import ApplicationCommunicator
from django.urls import clear_url_caches, get_resolver
from django.utils import translation

from config.asgi import application
from extranet.core import lifespan
from tests.event_loop import run_apart


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


def _is_frozen(target) -> bool:
    """Frozen objects are in no generation the collector walks."""
    return not any(tracked is target for tracked in gc.get_objects())


def test_a_starting_server_freezes_what_is_loaded(collector_restored):
    """At start the loaded objects leave the collector's walks, and its thresholds stay Python's."""
    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    started, frozen, stopped = run_apart(_start_then_stop())

    assert started == {"type": "lifespan.startup.complete"}
    assert frozen > 100_000
    assert gc.get_threshold() == thresholds
    assert stopped == {"type": "lifespan.shutdown.complete"}


def test_the_urlconf_is_loaded_in_every_language_before_the_freeze(collector_restored):
    """The URL resolver and each language's lookup table, built at start, are frozen with the rest."""
    clear_url_caches()
    run_apart(_start_then_stop())

    resolver = get_resolver()
    assert _is_frozen(resolver)
    for language_code in ("fr", "en"):
        with translation.override(language_code):
            assert _is_frozen(resolver.reverse_dict)


def test_a_failed_preparation_is_logged_and_the_server_still_starts(collector_restored, monkeypatch, caplog):
    """A start that cannot load or freeze is logged as an error, and the process serves without the freeze."""

    def broken_resolver():
        raise ImportError("a view that does not import")

    monkeypatch.setattr(lifespan, "get_resolver", broken_resolver)
    with caplog.at_level(logging.ERROR, logger="extranet.core.lifespan"):
        started, frozen, stopped = run_apart(_start_then_stop())

    assert started == {"type": "lifespan.startup.complete"}
    assert frozen == 0
    assert "serves without the freeze" in caplog.text
    assert "a view that does not import" in caplog.text
