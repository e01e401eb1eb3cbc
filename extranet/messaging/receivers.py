"""Signal receivers: they only hand over to the services."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from . import services


@receiver(user_logged_out, dispatch_uid="messaging_close_sockets_on_logout")
def close_sockets_on_logout(sender, request, user, **kwargs):
    """The sockets opened with this login close with it (the session is flushed right after this signal)."""
    session = getattr(request, "session", None)
    if session is not None:
        services.session_sockets_close(session_key=session.session_key or "", reason="logout")
