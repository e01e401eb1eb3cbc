"""Signal receivers: they hand the saved account to its service, whatever saved it, and stamp a login's session.

The Wagtail admin's user form, a shell or a management command save accounts without going through
`services.py`; the service still tells the features that copy account fields (the `user_changed` hook).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from extranet.core.middleware import SlidingSessionMiddleware

from . import services


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_saved")
def user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw:
        services.user_saved(user=instance, update_fields=update_fields)


@receiver(user_logged_in, dispatch_uid="accounts_session_refreshed_at_login")
def session_refreshed_at_login(sender, request, user, **kwargs):
    """The session a login saves counts as just refreshed: the next pages need not save it again."""
    SlidingSessionMiddleware.mark_refreshed(request.session)
