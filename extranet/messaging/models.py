"""Conversations, their participants and messages.

Who belongs to a conversation depends on its kind: a direct or group conversation lists its participants;
an organisation room is read by the organisation's members, a topic room by the members of its organisations
(memberships are the only truth, checked on every read and send). A `Participant` row then only keeps the
person's reading position, created when they first read.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BODY_MAX_LENGTH = 4000


class ConversationKind(models.TextChoices):
    DIRECT = "direct", _("Direct conversation")
    GROUP = "group", _("Group conversation")
    ORGANISATION = "organisation", _("Organisation room")
    TOPIC = "topic", _("Topic room")


# Kinds whose members are the participant rows; the others derive them from memberships.
LISTED_KINDS = (ConversationKind.DIRECT, ConversationKind.GROUP)


class Conversation(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=ConversationKind.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    # The organisation of an organisation room (one room each).
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messaging_room",
    )
    # The organisations whose members take part in a topic room.
    organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="messaging_topic_rooms", verbose_name=_("organisations")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self):
        return self.title or f"{self.get_kind_display()} {self.pk}"

    def get_absolute_url(self):
        return reverse("messaging:conversation", args=[self.pk])


class Participant(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_participations"
    )
    # Whether the row grants access (direct and group conversations); rooms' rows only keep the reading position.
    listed = models.BooleanField(default=True)
    last_read_message_id = models.BigIntegerField(default=0)
    joined_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="messaging_participant_unique"),
        ]

    def __str__(self):
        return f"{self.user} — {self.conversation}"


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_messages")
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH, blank=True)
    # The sender's idempotency key: a message sent again after a lost acknowledgement is stored once.
    client_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["conversation", "id"], name="messaging_message_history")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_key"],
                condition=~models.Q(client_key=""),
                name="messaging_message_unique_client_key",
            ),
        ]

    def __str__(self):
        return f"{self.author} — {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"


def documents_storage():
    """The library's private storage: attachments have no public URL either."""
    from documents.storage import document_storage

    return document_storage()


class Attachment(models.Model):
    """A file sent with a message, checked like the library's uploads and served only to the conversation's members."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="messaging/%Y/%m/", storage=documents_storage, max_length=255)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()

    def __str__(self):
        return self.name


class MessagingPreference(models.Model):
    """A person's messaging choices: whether others see them online."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_preference")
    show_presence = models.BooleanField(
        _("show when I am online"), default=True, help_text=_("Others in your conversations see you online or away.")
    )

    def __str__(self):
        return str(self.user)
