"""Writes of the platform core shared by every app."""

from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


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
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    send_email.enqueue(
        to=[to], subject=subject, body=body, reply_to=[reply_to] if reply_to else [], headers=headers or {}
    )
