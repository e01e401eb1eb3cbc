"""Signal receivers: they only hand the saved account to its service, whatever saved it.

The Wagtail admin's user form, a shell or a management command save accounts without going through
`services.py`; the service still tells the features that copy account fields (the `user_changed` hook).
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_saved")
def user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw:
        services.user_saved(user=instance, update_fields=update_fields)
