"""Permission-aware reads of conversations and messages.

A conversation is read by its members only (see `models`); missing and forbidden both raise Http404. The
membership test is one query built of subqueries, so that the consumer runs it on every subscribe and send.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from extranet.core.compiled import UserCount
from extranet.organisations.models import Membership

from .models import LISTED_KINDS, Attachment, Conversation, ConversationKind, Message, MessagingPreference, Participant

PAGE_SIZE = 50
REPLAY_LIMIT = 200


def conversation_member_q(*, user) -> Q:
    """Conversations the user belongs to: listed in, or a member of the room's organisation(s)."""
    organisations = Membership.objects.filter(user_id=user.pk).values("organisation_id")
    listed = Participant.objects.filter(user_id=user.pk, listed=True).values("conversation_id")
    topics = Conversation.organisations.through.objects.filter(organisation_id__in=organisations).values(
        "conversation_id"
    )
    return (
        Q(kind__in=LISTED_KINDS, pk__in=listed)
        | Q(kind=ConversationKind.ORGANISATION, organisation_id__in=organisations)
        | Q(kind=ConversationKind.TOPIC, pk__in=topics)
    )


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def conversation_get_for_member(*, user, pk) -> Conversation:
    if not _active(user) or not str(pk).isdecimal():
        raise Http404
    conversation = Conversation.objects.filter(conversation_member_q(user=user), pk=pk).first()
    if conversation is None:
        raise Http404
    return conversation


def conversation_member_kind(*, user_id: int, conversation_id: int) -> str | None:
    """The check of every subscribe and send: the conversation's kind while the account is active and a member,
    else None."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    return (
        Conversation.objects.filter(conversation_member_q(user=user), pk=conversation_id)
        .values_list("kind", flat=True)
        .first()
    )


def _unread_subquery(*, user, conversation_ref: str):
    last_read = Participant.objects.filter(conversation_id=OuterRef("conversation_id"), user_id=user.pk).values(
        "last_read_message_id"
    )[:1]
    return (
        Message.objects.filter(conversation_id=OuterRef(conversation_ref), deleted_at=None)
        .exclude(author_id=user.pk)
        .filter(pk__gt=Coalesce(Subquery(last_read), Value(0)))
        .order_by()
        .values("conversation_id")
        .annotate(count=Count("pk"))
        .values("count")
    )


def conversation_list_for_member(*, user) -> list[Conversation]:
    """The user's conversations, latest activity first, each with `unread` and `display_title`, in two queries."""
    if not _active(user):
        return []
    conversations = list(
        Conversation.objects.filter(conversation_member_q(user=user))
        .annotate(
            unread=Coalesce(
                Subquery(_unread_subquery(user=user, conversation_ref="pk"), output_field=IntegerField()), Value(0)
            )
        )
        .select_related("organisation")
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.filter(listed=True).select_related("user"))
        )
    )
    for conversation in conversations:
        conversation.display_title = display_title(conversation=conversation, user=user)
    return conversations


def _unread_messages(*, user):
    last_read = Participant.objects.filter(conversation_id=OuterRef("conversation_id"), user_id=user.pk).values(
        "last_read_message_id"
    )[:1]
    mine = Conversation.objects.filter(conversation_member_q(user=user)).values("pk")
    return (
        Message.objects.filter(conversation_id__in=mine, deleted_at=None)
        .exclude(author_id=user.pk)
        .filter(pk__gt=Coalesce(Subquery(last_read), Value(0)))
        .order_by()
        .values("pk")
    )


@UserCount
def _unread_total(*, user):
    return _unread_messages(user=user)


def unread_total(*, user) -> int:
    """Unread messages in all of the user's conversations, in one query (the site navigation shows it)."""
    if not _active(user):
        return 0
    return _unread_total(user=user)


def display_title(*, conversation: Conversation, user) -> str:
    """A direct conversation is named after the other person, a group after its title or its members."""
    if conversation.title:
        return conversation.title
    if conversation.kind == ConversationKind.ORGANISATION and conversation.organisation_id:
        return conversation.organisation.name
    others = [p.user.full_name for p in conversation.participants.all() if p.listed and p.user_id != user.pk]
    return ", ".join(sorted(others)) or str(conversation)


def message_page(*, conversation: Conversation, before: int | None = None, size: int = PAGE_SIZE):
    """A page of history ending before the message id `before` (the latest page without it); oldest first."""
    messages = (
        Message.objects.filter(conversation=conversation).select_related("author").prefetch_related("attachments")
    )
    if before is not None:
        messages = messages.filter(pk__lt=before)
    page = list(messages.order_by("-pk")[: size + 1])
    has_earlier = len(page) > size
    return list(reversed(page[:size])), has_earlier


def messages_after(*, conversation_id: int, after: int) -> list[Message]:
    """What a reconnecting client missed (messages after the last one it has), oldest first, REPLAY_LIMIT at most."""
    return list(
        Message.objects.filter(conversation_id=conversation_id, pk__gt=after)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("pk")[:REPLAY_LIMIT]
    )


def read_positions(*, conversation: Conversation) -> list[Participant]:
    """Who has read up to where (the read receipts), furthest first."""
    return list(
        Participant.objects.filter(conversation=conversation, last_read_message_id__gt=0)
        .select_related("user")
        .order_by("-last_read_message_id")
    )


def conversation_members(*, conversation: Conversation):
    """The active accounts that belong to the conversation."""
    users = get_user_model().objects.filter(is_active=True)
    if conversation.kind in LISTED_KINDS:
        return users.filter(messaging_participations__conversation=conversation, messaging_participations__listed=True)
    if conversation.kind == ConversationKind.ORGANISATION:
        return users.filter(memberships__organisation_id=conversation.organisation_id)
    return users.filter(memberships__organisation__messaging_topic_rooms=conversation).distinct()


def message_get_for_author(*, user, pk) -> Message:
    """A message its author may change (the time limit is the service's to check)."""
    if not _active(user) or not str(pk).isdecimal():
        raise Http404
    message = Message.objects.filter(pk=pk, author=user, deleted_at=None).select_related("conversation").first()
    if message is None or not conversation_member_kind(user_id=user.pk, conversation_id=message.conversation_id):
        raise Http404
    return message


def attachment_get_for_member(*, user, pk) -> Attachment:
    if not _active(user) or not str(pk).isdecimal():
        raise Http404
    attachment = (
        Attachment.objects.filter(pk=pk, message__deleted_at=None)
        .filter(message__conversation__in=Conversation.objects.filter(conversation_member_q(user=user)))
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment


def presence_visible(*, user_id: int) -> bool:
    return not MessagingPreference.objects.filter(user_id=user_id, show_presence=False).exists()


def messaging_abilities(*, user) -> dict[str, bool]:
    """Topic rooms are created by platform administrators and by organisations' administrators."""
    from extranet.organisations.models import Role

    create_topic = _active(user) and (
        user.is_superuser or Membership.objects.filter(user_id=user.pk, role=Role.ADMIN).exists()
    )
    return {"create_topic": create_topic}


def _memberships_of(user) -> tuple[set[int], bool]:
    """The training sandboxes the person belongs to, and whether they belong to a real organisation."""
    rows = list(Membership.objects.filter(user=user).values_list("organisation_id", "organisation__training_sandbox"))
    sandboxes = {organisation_id for organisation_id, sandbox in rows if sandbox is not None}
    return sandboxes, any(sandbox is None for _id, sandbox in rows)


def recipients(*, user):
    """People the user may pick to write to: the active members of the platform's organisations, and those of the
    user's own training sandboxes. A trainee reaches only their sandbox's people, and real members never see
    trainees listed (nor their login addresses)."""
    sandboxes, real = _memberships_of(user)
    reachable = Q(memberships__organisation__in=sandboxes)
    if real or not sandboxes:
        # Both conditions on the one membership join: an account without any membership is nobody's recipient.
        reachable |= Q(
            memberships__organisation__isnull=False, memberships__organisation__training_sandbox__isnull=True
        )
    return get_user_model().objects.filter(reachable, is_active=True).distinct()


def person_reachable(*, user, other) -> bool:
    """Whether `user` may start a conversation with `other`, an active member of an organisation: a training
    sandbox's trainees and the rest of the platform do not write to each other, except within the sandbox."""
    if not other.is_active or other.pk == user.pk:
        return False
    sandboxes, real = _memberships_of(user)
    other_sandboxes, other_real = _memberships_of(other)
    user_is_trainee = bool(sandboxes) and not real
    return bool(sandboxes & other_sandboxes) or (other_real and not user_is_trainee)
