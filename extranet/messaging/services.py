"""Writes of messaging: conversations, messages, read positions, and closing sockets that lost their right.

Every write that clients see live publishes an event (see `realtime`) once its transaction commits.
Callers pass conversations obtained from `selectors.conversation_get_for_member`.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.uploads import upload_check
from extranet.organisations.models import Membership, Role
from extranet.search.services import search_refresh_later

from . import mentions, realtime, selectors
from .models import (
    BODY_MAX_LENGTH,
    Attachment,
    Conversation,
    ConversationKind,
    Message,
    MessagingPreference,
    Participant,
)

EDIT_WINDOW = timedelta(minutes=15)
GROUP_MAX_MEMBERS = 100
KEY_MAX_LENGTH = 64


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) > 120:
        raise ValidationError(_("A title has at most 120 characters."), code="title_too_long")
    return title


@transaction.atomic
def conversation_create_direct(*, user, other) -> Conversation:
    """The direct conversation of two people, created the first time; one per pair."""
    if not selectors.person_reachable(user=user, other=other):
        raise ValidationError(_("Choose another active person to write to."), code="bad_recipient")
    existing = (
        Conversation.objects.filter(kind=ConversationKind.DIRECT, participants__user=user)
        .filter(participants__user=other)
        .first()
    )
    if existing is not None:
        return existing
    conversation = Conversation.objects.create(kind=ConversationKind.DIRECT, created_by=user)
    Participant.objects.bulk_create([Participant(conversation=conversation, user=person) for person in (user, other)])
    return conversation


@transaction.atomic
def conversation_create_group(*, creator, title: str, members) -> Conversation:
    """A named conversation of the creator and the chosen people."""
    title = _clean_title(title)
    if not title:
        raise ValidationError(_("Give the group conversation a title."), code="title_required")
    people = {person.pk: person for person in members if selectors.person_reachable(user=creator, other=person)}
    if not people:
        raise ValidationError(_("Choose at least one other person."), code="no_members")
    if len(people) + 1 > GROUP_MAX_MEMBERS:
        raise ValidationError(
            _("A group conversation has at most %(max)s members.") % {"max": GROUP_MAX_MEMBERS}, code="too_many"
        )
    conversation = Conversation.objects.create(kind=ConversationKind.GROUP, title=title, created_by=creator)
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user=person) for person in [creator, *people.values()]]
    )
    return conversation


@transaction.atomic
def conversation_organisation_provision(*, organisation) -> Conversation:
    """The organisation's room; idempotent (the organisation provisioning hook calls it)."""
    room, _created = Conversation.objects.get_or_create(
        organisation=organisation, defaults={"kind": ConversationKind.ORGANISATION}
    )
    return room


@transaction.atomic
def topic_room_create(*, creator, title: str, organisations) -> Conversation:
    """A room for the members of several organisations; its creator administers one of them (or the platform)."""
    title = _clean_title(title)
    organisations = list(organisations)
    if not title:
        raise ValidationError(_("Give the room a title."), code="title_required")
    if not organisations:
        raise ValidationError(_("Choose the organisations whose members take part."), code="no_organisations")
    administered = Membership.objects.filter(user=creator, role=Role.ADMIN, organisation__in=organisations).exists()
    if not (creator.is_superuser or administered):
        raise ValidationError(
            _("Only an administrator of one of these organisations may create this room."), code="forbidden"
        )
    room = Conversation.objects.create(kind=ConversationKind.TOPIC, title=title, created_by=creator)
    room.organisations.set(organisations)
    return room


def _clean_body(body: str, *, allow_empty: bool = False) -> str:
    body = (body or "").strip()
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            _("A message has at most %(max)s characters (this one has %(length)s).")
            % {"max": BODY_MAX_LENGTH, "length": len(body)},
            code="too_long",
        )
    if not body and not allow_empty:
        raise ValidationError(_("Write a message first."), code="empty")
    return body


@transaction.atomic
def message_send(*, conversation: Conversation, author, body: str, key: str = "", upload=None):
    """Store and announce a message; return (message, created).

    The same idempotency key from the same author returns the stored message with created=False: a
    client resending after a lost acknowledgement never stores it twice.
    """
    key = (key or "").strip()
    if len(key) > KEY_MAX_LENGTH:
        raise ValidationError(_("The message key is too long."), code="bad_key")
    body = _clean_body(body, allow_empty=upload is not None)
    checked = upload_check(upload) if upload is not None else None
    if key and (existing := Message.objects.filter(author=author, client_key=key).first()) is not None:
        return existing, False
    try:
        with transaction.atomic():
            message = Message.objects.create(conversation=conversation, author=author, body=body, client_key=key)
    except IntegrityError:
        # The same key arrived twice at once (two server processes): the other one stored it.
        return Message.objects.get(author=author, client_key=key), False
    if checked is not None:
        attachment = Attachment(
            message=message, name=checked.name, content_type=checked.content_type, size=checked.size
        )
        attachment.file.save(checked.name, checked.file, save=True)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    _read_up_to(conversation=conversation, user=author, message_id=message.pk)
    realtime.publish(
        realtime.conversation_group(conversation.pk),
        {"type": "message.new", "message": realtime.message_payload(message)},
    )
    mentions.mentions_notify(message=message)
    return message, True


def _check_editable(*, message: Message, user) -> None:
    if message.author_id != user.pk or message.deleted_at is not None:
        raise ValidationError(_("Only its author may edit or delete this message."), code="not_author")
    if timezone.now() - message.created_at > EDIT_WINDOW:
        raise ValidationError(
            _("A message may be changed during %(minutes)s minutes after it was sent.")
            % {"minutes": int(EDIT_WINDOW.total_seconds() // 60)},
            code="too_late",
        )


@transaction.atomic
def message_edit(*, message: Message, user, body: str) -> Message:
    _check_editable(message=message, user=user)
    message.body = _clean_body(body, allow_empty=message.attachments.exists())
    message.edited_at = timezone.now()
    message.save(update_fields=["body", "edited_at"])
    realtime.publish(
        realtime.conversation_group(message.conversation_id),
        {"type": "message.changed", "message": realtime.message_payload(message)},
    )
    return message


@transaction.atomic
def message_delete(*, message: Message, user) -> Message:
    """Blank the message (its place in the history stays, marked deleted) and remove its attachments."""
    _check_editable(message=message, user=user)
    message.body = ""
    message.deleted_at = timezone.now()
    message.save(update_fields=["body", "deleted_at"])
    # The files go once the rows' deletion is committed: a rollback (or a backup's snapshot) keeps them.
    names = [attachment.file.name for attachment in message.attachments.all()]
    message.attachments.all().delete()
    storage = Attachment._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    realtime.publish(
        realtime.conversation_group(message.conversation_id),
        {"type": "message.changed", "message": realtime.message_payload(message)},
    )
    return message


def _read_up_to(*, conversation: Conversation, user, message_id: int) -> Participant:
    listed = conversation.kind in (ConversationKind.DIRECT, ConversationKind.GROUP)
    participant, _created = Participant.objects.get_or_create(
        conversation=conversation, user=user, defaults={"listed": listed}
    )
    if message_id > participant.last_read_message_id:
        participant.last_read_message_id = message_id
        participant.save(update_fields=["last_read_message_id"])
    return participant


@transaction.atomic
def conversation_mark_read(*, conversation: Conversation, user, message_id: int | None = None) -> int:
    """Move the user's reading position forward (to the latest message by default); announce the receipt."""
    latest = Message.objects.filter(conversation=conversation).aggregate(latest=Max("pk"))["latest"] or 0
    target = latest if message_id is None else min(int(message_id), latest)
    before = (
        Participant.objects.filter(conversation=conversation, user=user)
        .values_list("last_read_message_id", flat=True)
        .first()
    )
    participant = _read_up_to(conversation=conversation, user=user, message_id=target)
    if participant.last_read_message_id != before:
        realtime.publish(
            realtime.conversation_group(conversation.pk),
            {
                "type": "read.receipt",
                "conversation": conversation.pk,
                "user": user.pk,
                "name": user.full_name,
                "message": participant.last_read_message_id,
            },
        )
    return participant.last_read_message_id


@transaction.atomic
def conversation_leave(*, conversation: Conversation, user) -> None:
    """Leave a group conversation; the person's open sockets stop receiving it."""
    if conversation.kind != ConversationKind.GROUP:
        raise ValidationError(_("Only a group conversation can be left."), code="not_group")
    Participant.objects.filter(conversation=conversation, user=user).update(listed=False)
    # Their audience leaves the search entries of the conversation's messages.
    search_refresh_later(model=Message, pks=list(conversation.messages.values_list("pk", flat=True)))
    realtime.publish(realtime.user_group(user.pk), {"type": "conversation.revoked", "conversation": conversation.pk})


def user_sockets_close(*, user_id: int, reason: str) -> None:
    """Close every socket of the person (deactivated account, left an organisation); they may reconnect."""
    realtime.publish(realtime.user_group(user_id), {"type": "session.close", "reason": reason})


def session_sockets_close(*, session_key: str, reason: str) -> None:
    """Close the sockets opened with this login (logging out)."""
    if session_key:
        realtime.publish(realtime.session_group(session_key), {"type": "session.close", "reason": reason})


@transaction.atomic
def preference_set(*, user, show_presence: bool) -> MessagingPreference:
    preference, _created = MessagingPreference.objects.update_or_create(
        user=user, defaults={"show_presence": show_presence}
    )
    return preference
