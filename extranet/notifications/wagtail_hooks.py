from wagtail import hooks

from . import services


@hooks.register("membership_removed")
def withdraw_notifications_of_a_departed_member(*, organisation, user):
    """Someone who left an organisation keeps nothing of its private content in their notification centre."""
    services.notifications_withdraw(user=user, organisation=organisation)
