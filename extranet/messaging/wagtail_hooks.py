from wagtail import hooks

from extranet.notifications.services import notifications_withdraw_unreadable

from . import selectors, services


@hooks.register("provision_organisation")
def provision_organisation_room(*, organisation):
    """Each organisation gets its room, read by its members."""
    services.conversation_organisation_provision(organisation=organisation)


@hooks.register("membership_removed")
def close_sockets_of_a_departed_member(*, organisation, user):
    """Sockets subscribed to the organisation's rooms stop at once; the person reconnects without them."""
    services.user_sockets_close(user_id=user.pk, reason="membership_removed")


@hooks.register("membership_removed")
def withdraw_mentions_of_rooms_left(*, organisation, user):
    """A mention in a room the person no longer reads (a topic room of several organisations) leaves their centre
    with its excerpt; the organisation's own room is withdrawn with the organisation's notifications."""

    rooms = {}  # one membership query per conversation, however many mentions it holds

    def readable(kwargs):
        pk = kwargs["pk"]
        if pk not in rooms:
            rooms[pk] = selectors.conversation_member_kind(user_id=user.pk, conversation_id=pk) is not None
        return rooms[pk]

    notifications_withdraw_unreadable(user=user, kind="mention", view_name="messaging:conversation", readable=readable)


@hooks.register("user_changed")
def close_sockets_of_a_deactivated_account(*, user):
    if not user.is_active:
        services.user_sockets_close(user_id=user.pk, reason="deactivated")
