"""Searchers outlive the thread of a request (Django gives each ASGI request its own) and never read a stale index."""

import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from haystack import connections

from extranet.search import backends
from extranet.search.selectors import SearchFilters, search_run
from tests.notices.factories import notice

pytestmark = pytest.mark.django_db


def titles_found(query: str) -> set[str]:
    """The titles a visitor finds, searched from a thread of its own as an ASGI request is served."""
    found, failed = [], []

    def search():
        try:
            results = search_run(user=AnonymousUser(), query=query, filters=SearchFilters())
            found.extend(result.title for result in results[:20])
        except Exception as error:  # raised again in the test's thread, where pytest sees it
            failed.append(error)

    thread = threading.Thread(target=search)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return set(found)


def idle_searchers(search_index) -> list:
    return list(backends.SEARCHERS[search_index.path].idle)


def test_a_request_thread_reuses_the_searcher_the_last_one_put_back(search_index, commune):
    """The second request's thread searches with the searcher (and its caches) of the first."""
    notice(commune, title="Fermeture de la voirie")
    assert titles_found("voirie") == {"Fermeture de la voirie"}
    first = idle_searchers(search_index)

    assert titles_found("voirie") == {"Fermeture de la voirie"}
    assert len(first) == 1 and idle_searchers(search_index) == first


def test_an_item_indexed_since_shows_and_the_old_searcher_is_closed(search_index, commune):
    """A commit makes the kept searcher stale: the next search opens a current one and closes the old."""
    notice(commune, title="Fermeture de la voirie")
    titles_found("voirie")
    [old] = idle_searchers(search_index)

    notice(commune, title="Réfection de la voirie")
    assert titles_found("voirie") == {"Fermeture de la voirie", "Réfection de la voirie"}
    assert old not in idle_searchers(search_index) and old.searcher.is_closed


def test_an_index_cleared_and_rebuilt_to_the_same_generation_is_not_read_through_an_old_searcher(search_index, commune):
    """The generation number alone would match again after a rebuild: the old searcher must not serve it."""
    notice(commune, title="Fermeture de la voirie")
    titles_found("voirie")
    [old] = idle_searchers(search_index)

    time.sleep(0.05)  # a rebuild takes longer than the file system's clock tick
    search_index.clear()
    rebuilt = notice(commune, title="Réfection de la voirie")
    notice_index = connections["default"].get_unified_index().get_index(type(rebuilt))
    while search_index.index.latest_generation() < old.version[0]:
        search_index.update(notice_index, [rebuilt])  # one commit each
    assert search_index.index.latest_generation() == old.version[0]
    assert titles_found("voirie") == {"Réfection de la voirie"}


def test_an_empty_index_answers_nothing_then_finds_what_is_indexed(search_index, commune):
    """A cleared index has no segment (its reader has no generation): searching it works, and stays current."""
    search_index.clear()
    assert titles_found("voirie") == set()
    notice(commune, title="Fermeture de la voirie")
    assert titles_found("voirie") == {"Fermeture de la voirie"}
