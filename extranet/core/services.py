"""Writes of the platform core shared by every app."""

from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def email_render(*, subject_template: str, body_template: str, context: dict) -> tuple[str, str]:
    """An e-mail's subject (on one line) and body, rendered as plain text: nothing in them is HTML-escaped."""
    subject = " ".join(render_to_string(subject_template, context, using="text").split())
    return subject, render_to_string(body_template, context, using="text")


def email_enqueue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str | None = None,
    reply_to: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt` in the recipient's language and queue the e-mail."""
    with translation.override(language or translation.get_language()):
        subject, body = email_render(
            subject_template=f"{template}_subject.txt", body_template=f"{template}_body.txt", context=context
        )
    send_email.enqueue(
        to=[to], subject=subject, body=body, reply_to=[reply_to] if reply_to else [], headers=headers or {}
    )


def tasks_requeue_interrupted(*, worker_id: str) -> int:
    """Put back in the queue the tasks a worker was running when it died; return how many.

    django-tasks-db marks a task RUNNING when a worker takes it and never looks at it again: a worker killed
    mid-task (SIGKILL, OOM, power loss) would leave it so for ever, and an index update or an e-mail would be
    lost. Run before the worker with this id starts (no task can really be running under its id then): the
    interrupted tasks run again, so tasks run at least once, and may run twice.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    running = DBTaskResult.objects.running().only("id", "worker_ids")
    interrupted = [result.pk for result in running if result.worker_ids and result.worker_ids[-1] == worker_id]
    return DBTaskResult.objects.filter(pk__in=interrupted, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )
