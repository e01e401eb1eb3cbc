"""Organisation libraries: folders, documents with every version kept, shares, share links and the audit log.

Files live in their own storage (`documents.storage.document_storage`), outside MEDIA_ROOT: the only way to
read one is a view that asks `documents.selectors` first.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import document_storage


class Folder(models.Model):
    """A folder of an organisation's library; `path` lists its ancestors' ids and its own ("/3/8/")."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="document_folders"
    )
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    name = models.CharField(_("name"), max_length=150)
    path = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    is_public = models.BooleanField(_("public"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("folder")
        verbose_name_plural = _("folders")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("documents:folder", args=[self.organisation.slug, self.pk])

    def ancestor_ids(self) -> list[int]:
        """This folder's id and its ancestors', read from `path` without a query."""
        return [int(part) for part in self.path.strip("/").split("/") if part]


class Document(models.Model):
    """A file of a library; its content is its current version, earlier versions stay downloadable."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="documents")
    folder = models.ForeignKey(Folder, on_delete=models.CASCADE, null=True, blank=True, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    current_version = models.ForeignKey(
        "DocumentVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_public = models.BooleanField(_("public"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.pk])

    def ancestor_folder_ids(self) -> list[int]:
        return self.folder.ancestor_ids() if self.folder_id else []

    @property
    def lock_expires_at(self):
        return self.locked_at + settings.DOCUMENTS_LOCK_TIMEOUT if self.locked_at else None

    @property
    def is_locked(self) -> bool:
        return self.locked_by_id is not None and self.lock_expires_at > timezone.now()


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for extraction")
    DONE = "done", _("Text extracted")
    NONE = "none", _("No text in this format")
    FAILED = "failed", _("Text could not be read")


class DocumentVersion(models.Model):
    """One uploaded file; never changed once stored, so that no upload overwrites another one's bytes."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(storage=document_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=200)
    file_format = models.CharField(_("format"), max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    text_status = models.CharField(max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING)
    thumbnail = models.FileField(storage=document_storage, max_length=255, blank=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="documents_version_unique_number"),
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Share(models.Model):
    """A folder or a document shared with another organisation, read-only or read-write."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="received_document_shares"
    )
    folder = models.ForeignKey(Folder, on_delete=models.CASCADE, null=True, blank=True, related_name="shares")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, null=True, blank=True, related_name="shares")
    can_write = models.BooleanField(_("may add versions"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(folder__isnull=True, document__isnull=False)
                | models.Q(folder__isnull=False, document__isnull=True),
                name="documents_share_one_target",
            ),
            models.UniqueConstraint(fields=["organisation", "folder"], name="documents_share_unique_folder"),
            models.UniqueConstraint(fields=["organisation", "document"], name="documents_share_unique_document"),
        ]

    def __str__(self):
        return f"{self.folder or self.document} → {self.organisation}"


class ShareLink(models.Model):
    """A time-limited, revocable link to a document or a folder for people without an account.

    Only the hash of its token is stored. A folder's link opens its subtree, read-only, as it is now.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, null=True, blank=True, related_name="links")
    folder = models.ForeignKey(Folder, on_delete=models.CASCADE, null=True, blank=True, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(folder__isnull=True, document__isnull=False)
                | models.Q(folder__isnull=False, document__isnull=True),
                name="documents_sharelink_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.document or self.folder} ({self.expires_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class AuditAction(models.TextChoices):
    UPLOAD = "upload", _("uploaded")
    NEW_VERSION = "version", _("added a version")
    RESTORE_VERSION = "restore_version", _("restored a version")
    DOWNLOAD = "download", _("downloaded")
    RENAME = "rename", _("renamed")
    MOVE = "move", _("moved")
    SHARE = "share", _("changed the sharing of")
    LINK_CREATE = "link_create", _("created a share link to")
    LINK_REVOKE = "link_revoke", _("revoked a share link to")
    LINK_DOWNLOAD = "link_download", _("downloaded through a share link")
    DELETE = "delete", _("moved to the bin")
    RESTORE = "restore", _("restored from the bin")
    PURGE = "purge", _("deleted for good")
    FOLDER_CREATE = "folder_create", _("created the folder")
    LOCK = "lock", _("locked")
    UNLOCK = "unlock", _("unlocked")


class AuditEvent(models.Model):
    """Who did what to which document or folder; shown to the organisation's administrators."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="document_events"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    document = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    folder = models.ForeignKey(Folder, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    target_name = models.CharField(max_length=200)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.actor} {self.action} {self.target_name}"
