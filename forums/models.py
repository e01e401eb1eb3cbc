"""Who may use each forum, and who wants to hear about new posts; machina's own models hold the rest."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post

from extranet.organisations.models import Organisation, OrganisationKind, Role

# The roles that moderate: an organisation's admins its forums, the départements' editors and admins the shared ones.
MODERATOR_ROLES = {Role.EDITOR, Role.ADMIN}


class ForumAudience(models.Model):
    """Who reads and writes a forum; `forums.services.forum_permissions_sync` turns it into machina's permissions.

    A forum of an organisation is its members' only; a shared forum is open to the members of all organisations,
    or of the chosen organisations and kinds. A public forum can also be read by anyone, logged in or not.
    """

    forum = models.OneToOneField(Forum, on_delete=models.CASCADE, related_name="audience")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="forum_audiences",
        help_text=_("Set for an organisation's private forum; empty for a shared forum."),
    )
    open_to_all_organisations = models.BooleanField(_("open to every organisation"), default=False)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="shared_forum_audiences"
    )
    organisation_kinds = models.JSONField(_("organisation kinds"), default=list, blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Anyone, even without an account, may read this forum.")
    )
    premoderated = models.BooleanField(
        _("pre-moderated"), default=False, help_text=_("Posts wait for a moderator's approval before appearing.")
    )

    class Meta:
        verbose_name = _("forum audience")
        verbose_name_plural = _("forum audiences")

    def __str__(self):
        return str(self.forum)

    @property
    def organisation_kind_labels(self) -> list[str]:
        return [str(OrganisationKind(kind).label) for kind in self.organisation_kinds]

    @property
    def is_shared(self) -> bool:
        return self.organisation_id is None

    def clean(self):
        unknown = set(self.organisation_kinds) - set(OrganisationKind.values)
        if unknown:
            raise ValidationError({"organisation_kinds": _("Unknown organisation kind.")})


class ForumSubscription(models.Model):
    """A member who wants to hear about every new post of a forum (machina only knows topic subscriptions)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "forum"], name="forums_subscription_unique")]

    def __str__(self):
        return f"{self.user_id} → {self.forum_id}"


class NotificationFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one e-mail per new post")
    DAILY = "daily", _("Once a day, in a digest")
    NEVER = "never", _("Never")


class NotificationPreference(models.Model):
    """How a member wants to hear about new posts in what they follow; no row means at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notification_preference"
    )
    frequency = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.IMMEDIATE,
    )

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class DigestEntry(models.Model):
    """A new post waiting for the next daily digest of one member."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="forums_digest_entry_unique")]

    def __str__(self):
        return f"{self.user_id} ← {self.post_id}"


class NotifiedPost(models.Model):
    """A post whose subscribers were notified, so that editing or re-approving it notifies nobody twice."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="+")
    notified_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.post_id)


class PostRevision(models.Model):
    """What a post said before one of its edits."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    subject = models.CharField(max_length=255)
    content = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at", "-pk"]

    def __str__(self):
        return f"{self.post_id} @ {self.edited_at:%Y-%m-%d %H:%M}"
