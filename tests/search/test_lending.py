"""Costly objects lent to one thread at a time: reused after use, never shared at once, dropped when stale."""

import threading

from extranet.search.lending import Lender


def test_an_object_put_back_is_lent_again_in_another_thread():
    """A thread of its own per use, as Django's ASGI requests have, still gets the object the last one used."""
    lender = Lender(object)
    used = []

    def use():
        with lender.lend() as item:
            used.append(item)

    for _ in range(3):
        thread = threading.Thread(target=use)
        thread.start()
        thread.join()
    assert len(used) == 3 and used[0] is used[1] is used[2]


def test_threads_using_it_at_once_get_different_objects():
    """Two threads inside `lend` together never hold the same object."""
    lender = Lender(object)
    both_inside = threading.Barrier(2, timeout=5)
    held = []

    def use():
        with lender.lend() as item:
            held.append(item)
            both_inside.wait()

    threads = [threading.Thread(target=use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(held) == 2 and held[0] is not held[1]
    assert len(lender.idle) == 2


def test_stale_objects_are_discarded_and_no_more_than_keep_stay_idle():
    """An object gone stale is never lent again and is discarded; beyond `keep`, objects put back are discarded."""
    stale, discarded = set(), []
    lender = Lender(object, keep=1, is_current=lambda item: id(item) not in stale, discard=discarded.append)
    with lender.lend() as first, lender.lend() as second:
        pass
    assert lender.idle == [second] and discarded == [first]

    stale.add(id(second))
    with lender.lend() as third:
        assert third is not second
    assert discarded == [first, second] and lender.idle == [third]
