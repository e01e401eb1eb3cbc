"""The queue keeps the index fresh: saves only enqueue, the worker indexes, in the saving transaction's order."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from haystack.query import SearchQuerySet

from extranet.ads import services as ad_services
from extranet.ads.models import Ad
from tests.ads.factories import published_ad
from tests.notices.factories import notice

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "search"]},
}


def titles(word: str) -> set[str]:
    return {result.title for result in SearchQuerySet().auto_query(word)}


def test_create_update_and_delete_reach_the_index(search_index, commune):
    """A new notice is found, its new title replaces the old one, and a deleted one is gone."""
    page = notice(commune, title="Fermeture de la piscine")
    assert titles("piscine") == {"Fermeture de la piscine"}

    page.title = "Réouverture de la médiathèque"
    page.save_revision().publish()
    assert titles("piscine") == set()
    assert titles("mediatheque") == {"Réouverture de la médiathèque"}

    page.unpublish()
    assert titles("mediatheque") == set()

    page.save_revision().publish()
    assert titles("mediatheque") == {"Réouverture de la médiathèque"}
    page.delete()
    assert titles("mediatheque") == set()


def test_a_save_only_enqueues_and_the_worker_indexes(search_index, commune, settings, monkeypatch):
    """With the database queue, saving writes a task on the `search` queue; the index changes when it runs."""
    settings.TASKS = DATABASE_QUEUE
    # The worker closes "old" connections between tasks; inside the test's transaction that would be ours.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    ad = published_ad(commune, title="Don de barrières de chantier")

    assert titles("barrieres") == set()
    assert DBTaskResult.objects.filter(queue_name="search", status="READY").exists()

    call_command("db_worker", "--batch", "--queue-name", "search", "--no-startup-delay", verbosity=0)

    assert titles("barrieres") == {"Don de barrières de chantier"}
    assert not DBTaskResult.objects.filter(queue_name="search", status="READY").exists()
    assert ad.pk


def test_a_rolled_back_save_leaves_no_task(search_index, commune, settings):
    """The task is written in the saving transaction, so a rollback drops it with the change."""
    settings.TASKS = DATABASE_QUEUE
    ad = published_ad(commune, title="Prêt d'un broyeur de végétaux")
    DBTaskResult.objects.all().delete()

    with pytest.raises(RuntimeError), transaction.atomic():
        Ad.objects.get(pk=ad.pk).save()
        raise RuntimeError("the request failed after saving")

    assert not DBTaskResult.objects.exists()


def test_an_ad_marked_done_leaves_the_index(search_index, commune):
    """Status changes made by a queryset update are pushed to the index by the service."""
    ad = published_ad(commune, title="Prêt d'une tonne à eau")
    assert titles("tonne") == {"Prêt d'une tonne à eau"}

    ad_services.ad_mark_done(ad=ad)

    assert titles("tonne") == set()


def test_a_saved_draft_stays_out_of_the_index(search_index, commune):
    """Saving an unpublished revision re-indexes the live page, never the draft's words."""
    page = notice(commune, title="Marché de Noël")
    page.title = "Brouillon confidentiel"
    page.save_revision()

    assert titles("confidentiel") == set()
    assert titles("noel") == {"Marché de Noël"}
