"""Background tasks of the platform core, run by the task worker (`manage.py db_worker`)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *,
    to: list[str],
    subject: str,
    body: str,
    html_body: str = "",
    reply_to: list[str] = (),
    headers: dict[str, str] | None = None,
) -> None:
    """Send one e-mail; the worker retries nothing, so failures stay visible in the task results."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=list(reply_to),
        headers=headers or {},
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
