"""Writes of the share links: time-limited, revocable links to a document or a folder for people without an account.

Only the hash of a link's token is stored; the token is shown once, to its creator.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditAction, Document, Folder, ShareLink
from .services import audit_record


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def share_link_create(
    *, document: Document | None = None, folder: Folder | None = None, days: int, user
) -> tuple[ShareLink, str]:
    """A link to the document or the folder valid `days` days; the returned token is the only copy."""
    if (document is None) == (folder is None):
        raise ValueError("A share link points to a document or to a folder.")
    if not 1 <= days <= settings.DOCUMENTS_LINK_MAX_DAYS:
        raise ValidationError(
            _("A link lasts from 1 to %(max)s days."), params={"max": settings.DOCUMENTS_LINK_MAX_DAYS}
        )
    token = secrets.token_urlsafe(32)
    link = ShareLink.objects.create(
        document=document,
        folder=folder,
        token_hash=token_hash(token),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit_record(
        organisation=(document or folder).organisation,
        actor=user,
        action=AuditAction.LINK_CREATE,
        document=document,
        folder=folder,
        detail=_("until %(date)s") % {"date": timezone.localtime(link.expires_at).strftime("%d/%m/%Y")},
    )
    return link, token


def share_link_revoke(*, document: Document | None = None, folder: Folder | None = None, link_id: int, user) -> None:
    """Stop the link of this document or folder at once (another target's link is left alone)."""
    if (document is None) == (folder is None):
        raise ValueError("A share link points to a document or to a folder.")
    links = ShareLink.objects.filter(pk=link_id, document=document, folder=folder, revoked_at=None)
    if links.update(revoked_at=timezone.now()):
        audit_record(
            organisation=(document or folder).organisation,
            actor=user,
            action=AuditAction.LINK_REVOKE,
            document=document,
            folder=folder,
        )


def share_links_revoke_made_by(*, user, organisation) -> int:
    """Stop the running links `user` made to the organisation's documents and folders, as they leave it: what
    they shared outside is no longer theirs to share. Returns how many; each shows in the library's audit."""
    now = timezone.now()
    links = list(
        ShareLink.objects.filter(created_by=user, revoked_at=None, expires_at__gt=now)
        .filter(Q(document__organisation=organisation) | Q(folder__organisation=organisation))
        .select_related("document", "folder")
    )
    for link in links:
        audit_record(
            organisation=organisation,
            actor=None,
            action=AuditAction.LINK_REVOKE,
            document=link.document,
            folder=link.folder,
            detail=_("made by %(name)s, who left the organisation") % {"name": user.full_name},
        )
    return ShareLink.objects.filter(pk__in=[link.pk for link in links]).update(revoked_at=now)
