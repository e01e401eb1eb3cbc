from wagtail import hooks

from . import services


@hooks.register("provision_organisation")
def provision_organisation_room(*, organisation):
    """Each organisation gets its room, read by its members."""
    services.conversation_organisation_provision(organisation=organisation)


@hooks.register("membership_removed")
def close_sockets_of_a_departed_member(*, organisation, user):
    """Sockets subscribed to the organisation's rooms stop at once; the person reconnects without them."""
    services.user_sockets_close(user_id=user.pk, reason="membership_removed")


@hooks.register("user_changed")
def close_sockets_of_a_deactivated_account(*, user):
    if not user.is_active:
        services.user_sockets_close(user_id=user.pk, reason="deactivated")
