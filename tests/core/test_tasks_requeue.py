"""A worker restarted after a crash first puts back in the queue the tasks it was running when it died."""

import pytest
from django.core.management import call_command
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db


def _task(*, status, worker_ids):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="extranet.search.tasks.search_documents_refresh_task",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=worker_ids,
    )


def test_only_the_dead_workers_running_tasks_are_requeued():
    """Its RUNNING task is ready again; another worker's running task and finished tasks are left alone."""
    interrupted = _task(status=TaskResultStatus.RUNNING, worker_ids=["host-worker"])
    retried_elsewhere = _task(status=TaskResultStatus.RUNNING, worker_ids=["host-worker", "other-worker"])
    done = _task(status=TaskResultStatus.SUCCESSFUL, worker_ids=["host-worker"])
    call_command("tasks_requeue_interrupted", "--worker-id", "host-worker")
    assert DBTaskResult.objects.ready().filter(pk=interrupted.pk).exists()
    assert DBTaskResult.objects.get(pk=retried_elsewhere.pk).status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.get(pk=done.pk).status == TaskResultStatus.SUCCESSFUL
