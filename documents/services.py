"""Writes of the libraries: uploads, versions, folders, the bin, sharing, locks, audit (share links: `sharing.py`).

Stored bytes are never rewritten: each version gets a new storage name chosen here (never from the upload's
name), and a failed transaction deletes the file it had just written.
"""

import hashlib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.core.visible_text import same_name, visible_text
from extranet.notifications.services import notification_send
from extranet.organisations.models import Membership, Role
from extranet.organisations.wording import organisation_phrase
from extranet.search.services import search_refresh_later

from .models import AuditAction, AuditEvent, Document, DocumentVersion, Folder, Share, TextStatus
from .storage import document_storage
from .uploads import FORMATS, NAME_MAX_LENGTH, CheckedFile

MAX_FOLDER_DEPTH = 12


def audit_record(*, organisation, actor, action: str, document=None, folder=None, detail: str = "") -> AuditEvent:
    target = document or folder
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        document=document,
        folder=folder,
        target_name=str(target)[:200] if target else "",
        detail=detail[:300],
    )


def _clean_name(name: str) -> str:
    """One line of visible text (`visible_text`), as uploaded file names are."""
    name = visible_text(name)
    if not name:
        raise ValidationError(_("Give a name."), code="empty_name")
    return name[:NAME_MAX_LENGTH]


# Folders.


def _check_destination(*, organisation, folder: Folder | None) -> None:
    """A document goes to a folder of its own library that is not in the bin (or to the root)."""
    if folder is not None and (folder.organisation_id != organisation.pk or folder.deleted_at is not None):
        raise ValidationError(_("This folder cannot be chosen."), code="bad_parent")


def _check_parent(*, organisation, parent: Folder | None, moving: Folder | None = None) -> None:
    """A folder goes where a document could, not inside itself, and not deeper than MAX_FOLDER_DEPTH."""
    _check_destination(organisation=organisation, folder=parent)
    if parent is None:
        return
    if moving is not None and moving.pk in parent.ancestor_ids():
        raise ValidationError(_("A folder cannot be moved into itself or one of its subfolders."), code="cycle")
    # A moved folder brings its subfolders: the deepest of them must stay within the limit too.
    height = _subtree_height(moving) if moving is not None else 1
    if len(parent.ancestor_ids()) + height > MAX_FOLDER_DEPTH:
        raise ValidationError(
            _("Folders cannot be nested more than %(depth)d levels deep.") % {"depth": MAX_FOLDER_DEPTH},
            code="too_deep",
        )


def _subtree_height(folder: Folder) -> int:
    """How many levels the folder and its subfolders span (1 for a folder without subfolders)."""
    depth = folder.path.count("/")
    paths = Folder.objects.filter(path__startswith=folder.path).values_list("path", flat=True)
    return 1 + max((path.count("/") - depth for path in paths), default=0)


def _check_name_free(*, organisation, parent: Folder | None, name: str, folder: Folder | None = None) -> None:
    """Refuse a second folder of the same name (whatever its case) beside another, where nobody could tell them
    apart in the library, the move destinations or the breadcrumbs."""
    siblings = Folder.objects.filter(organisation=organisation, parent=parent, deleted_at=None)
    if folder is not None:
        siblings = siblings.exclude(pk=folder.pk)
    # Compared here rather than with `name__iexact`, which SQLite applies to ASCII letters only ("Élus", "élus").
    if any(same_name(other, name) for other in siblings.values_list("name", flat=True)):
        raise ValidationError(
            _("A folder named “%(name)s” is already here: choose another name."),
            code="duplicate_name",
            params={"name": name},
        )


@transaction.atomic
def folder_create(*, organisation, parent: Folder | None, name: str, user) -> Folder:
    _check_parent(organisation=organisation, parent=parent)
    name = _clean_name(name)
    _check_name_free(organisation=organisation, parent=parent, name=name)
    folder = Folder.objects.create(organisation=organisation, parent=parent, name=name, created_by=user)
    folder.path = f"{parent.path if parent else '/'}{folder.pk}/"
    folder.save(update_fields=["path"])
    audit_record(organisation=organisation, actor=user, action=AuditAction.FOLDER_CREATE, folder=folder)
    return folder


def folder_rename(*, folder: Folder, name: str, user) -> Folder:
    old = folder.name
    name = _clean_name(name)
    _check_name_free(organisation=folder.organisation, parent=folder.parent, name=name, folder=folder)
    folder.name = name
    folder.save(update_fields=["name"])
    audit_record(organisation=folder.organisation, actor=user, action=AuditAction.RENAME, folder=folder, detail=old)
    return folder


def _rename_if_taken(*, folder: Folder, parent: Folder | None) -> None:
    """Give a folder coming back from the bin a free name, "Budget (2)", if another took its name meanwhile."""
    taken = {
        name.casefold()
        for name in Folder.objects.filter(organisation=folder.organisation, parent=parent, deleted_at=None)
        .exclude(pk=folder.pk)
        .values_list("name", flat=True)
    }
    if folder.name.casefold() not in taken:
        return
    number = 2
    while f"{folder.name[:140]} ({number})".casefold() in taken:
        number += 1
    folder.name = f"{folder.name[:140]} ({number})"
    folder.save(update_fields=["name"])


def _subtree_documents(folder: Folder):
    return Document.objects.filter(folder__path__startswith=folder.path)


@transaction.atomic
def folder_move(*, folder: Folder, parent: Folder | None, user) -> Folder:
    _check_parent(organisation=folder.organisation, parent=parent, moving=folder)
    _check_name_free(organisation=folder.organisation, parent=parent, name=folder.name, folder=folder)
    old_path, new_path = folder.path, f"{parent.path if parent else '/'}{folder.pk}/"
    folder.parent = parent
    folder.save(update_fields=["parent"])
    descendants = list(Folder.objects.filter(path__startswith=old_path))
    for item in descendants:
        item.path = new_path + item.path[len(old_path) :]
    Folder.objects.bulk_update(descendants, ["path"])
    folder.path = new_path
    audit_record(organisation=folder.organisation, actor=user, action=AuditAction.MOVE, folder=folder)
    _refresh_search(_subtree_documents(folder))
    return folder


@transaction.atomic
def folder_delete(*, folder: Folder, user) -> None:
    """Put the folder, its subfolders and their documents in the bin, together (restored together)."""
    now = timezone.now()
    Folder.objects.filter(path__startswith=folder.path, deleted_at=None).update(deleted_at=now, deleted_by=user)
    documents = _subtree_documents(folder).filter(deleted_at=None)
    pks = list(documents.values_list("pk", flat=True))
    documents.update(deleted_at=now, deleted_by=user)
    audit_record(organisation=folder.organisation, actor=user, action=AuditAction.DELETE, folder=folder)
    _refresh_search_pks(pks)


@transaction.atomic
def folder_restore(*, folder: Folder, user) -> None:
    """Take the folder and what was deleted with it out of the bin; to the root if its parent is still there."""
    stamp = folder.deleted_at
    to_root = folder.parent_id and Folder.objects.filter(pk=folder.parent_id, deleted_at__isnull=False).exists()
    _rename_if_taken(folder=folder, parent=None if to_root else folder.parent)
    if to_root:
        folder_move(folder=folder, parent=None, user=user)
    Folder.objects.filter(path__startswith=folder.path, deleted_at=stamp).update(deleted_at=None, deleted_by=None)
    documents = _subtree_documents(folder).filter(deleted_at=stamp)
    pks = list(documents.values_list("pk", flat=True))
    documents.update(deleted_at=None, deleted_by=None)
    audit_record(organisation=folder.organisation, actor=user, action=AuditAction.RESTORE, folder=folder)
    _refresh_search_pks(pks)


@transaction.atomic
def folder_sharing_set(*, folder: Folder, is_public: bool, shares: dict, user) -> Folder:
    """Set who besides the owner may read the folder's contents: `shares` maps organisations to can_write."""
    folder.is_public = is_public
    folder.save(update_fields=["is_public"])
    newly_shared = _shares_replace(Share.objects.filter(folder=folder), shares, folder=folder, user=user)
    audit_record(
        organisation=folder.organisation,
        actor=user,
        action=AuditAction.SHARE,
        folder=folder,
        detail=_sharing_detail(is_public, shares),
    )
    _refresh_search(_subtree_documents(folder))
    _shared_notify(organisations=newly_shared, target=folder, user=user)
    return folder


# Documents and versions.


def _sha256(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _new_version(*, document: Document, checked: CheckedFile, user, comment: str = "") -> DocumentVersion:
    """Store the bytes under a fresh name, then number the version under a lock of the document's row."""
    extension = sorted(FORMATS[checked.file_format][0])[0]
    sha256 = _sha256(checked.file)
    name = document_storage().save(
        f"{document.organisation_id}/{document.pk}/{uuid.uuid4().hex}.{extension}", checked.file
    )
    try:
        return _number_version(
            document=document,
            fields={
                "file": name,
                "original_name": checked.name,
                "file_format": checked.file_format,
                "content_type": checked.content_type,
                "size": checked.size,
                "sha256": sha256,
                "comment": comment[:300],
                "created_by": user,
            },
        )
    except Exception:
        document_storage().delete(name)
        raise


def _number_version(*, document: Document, fields: dict, attempts: int = 3) -> DocumentVersion:
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                Document.objects.select_for_update().filter(pk=document.pk).first()
                number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
                version = DocumentVersion.objects.create(document=document, number=number, **fields)
                document.current_version = version
                document.updated_at = version.created_at
                document.save(update_fields=["current_version", "updated_at"])
                return version
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _process_later(version: DocumentVersion) -> None:
    from .tasks import document_version_process

    document_version_process.enqueue(version_id=version.pk)


@transaction.atomic
def document_upload(*, organisation, folder: Folder | None, checked: CheckedFile, user) -> Document:
    """A new document whose first version is the checked file; its title is the file name."""
    _check_destination(organisation=organisation, folder=folder)
    document = Document.objects.create(
        organisation=organisation, folder=folder, title=checked.name[:200], created_by=user
    )
    version = _new_version(document=document, checked=checked, user=user)
    audit_record(organisation=organisation, actor=user, action=AuditAction.UPLOAD, document=document)
    _process_later(version)
    return document


def document_add_version(
    *, document: Document, checked: CheckedFile, user, comment: str = "", base_number: int | None = None
) -> tuple[DocumentVersion, DocumentVersion | None]:
    """Add a version; return it and, if someone added one since `base_number`, the latest of theirs.

    Both versions are kept: the caller tells the user theirs came after the other one.
    """
    if document.is_locked and document.locked_by_id != user.pk:
        raise ValidationError(
            _("%(name)s is editing this document until %(time)s: ask them to release it, or wait."),
            code="locked",
            params={"name": document.locked_by, "time": timezone.localtime(document.lock_expires_at).strftime("%H:%M")},
        )
    with transaction.atomic():
        version = _new_version(document=document, checked=checked, user=user, comment=comment)
        audit_record(
            organisation=document.organisation,
            actor=user,
            action=AuditAction.NEW_VERSION,
            document=document,
            detail=f"v{version.number}",
        )
        _process_later(version)
    overtaken = None
    if base_number is not None and version.number > base_number + 1:
        overtaken = document.versions.select_related("created_by").filter(number=version.number - 1).first()
    return version, overtaken


@transaction.atomic
def document_restore_version(*, document: Document, version: DocumentVersion, user) -> DocumentVersion:
    """Make an earlier version current again, as a new version holding a copy of its bytes and text."""
    with version.file.open("rb") as source:
        content = ContentFile(source.read())
    extension = version.file.name.rpartition(".")[2]
    name = document_storage().save(f"{document.organisation_id}/{document.pk}/{uuid.uuid4().hex}.{extension}", content)
    try:
        restored = _number_version(
            document=document,
            fields={
                "file": name,
                "original_name": version.original_name,
                "file_format": version.file_format,
                "content_type": version.content_type,
                "size": version.size,
                "sha256": version.sha256,
                "comment": _("Restored from version %(number)s") % {"number": version.number},
                "created_by": user,
                "restored_from": version.number,
                "text": version.text,
                "text_status": version.text_status,
            },
        )
    except Exception:
        document_storage().delete(name)
        raise
    _process_later(restored)
    audit_record(
        organisation=document.organisation,
        actor=user,
        action=AuditAction.RESTORE_VERSION,
        document=document,
        detail=f"v{version.number}",
    )
    return restored


def document_version_process(*, version_id: int) -> None:
    """Extract the version's text and make its thumbnail; then refresh the document in the search index."""
    from .extraction import TEXT_FORMATS, extract_text
    from .previews import thumbnail_png

    version = DocumentVersion.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        return
    with version.file.open("rb") as handle:
        content = handle.read()
    try:
        version.text = extract_text(content, version.file_format)
        version.text_status = TextStatus.DONE if version.file_format in TEXT_FORMATS else TextStatus.NONE
    except Exception:
        version.text, version.text_status = "", TextStatus.FAILED
    try:
        thumbnail = thumbnail_png(content, version.file_format)
    except Exception:
        thumbnail = None
    if thumbnail:
        name = version.file.name.rpartition(".")[0] + ".thumbnail.png"
        version.thumbnail = document_storage().save(name, ContentFile(thumbnail))
    version.save(update_fields=["text", "text_status", "thumbnail"])
    if version.document.current_version_id == version.pk:
        search_refresh_later(model=Document, pks=[version.document_id])


def document_rename(*, document: Document, title: str, user) -> Document:
    old = document.title
    document.title = _clean_name(title)[:200]
    document.save(update_fields=["title"])
    audit_record(
        organisation=document.organisation, actor=user, action=AuditAction.RENAME, document=document, detail=old
    )
    return document


def document_move(*, document: Document, folder: Folder | None, user) -> Document:
    _check_destination(organisation=document.organisation, folder=folder)
    document.folder = folder
    document.save(update_fields=["folder"])
    audit_record(organisation=document.organisation, actor=user, action=AuditAction.MOVE, document=document)
    return document


def document_delete(*, document: Document, user) -> None:
    document.deleted_at, document.deleted_by = timezone.now(), user
    document.save(update_fields=["deleted_at", "deleted_by"])
    audit_record(organisation=document.organisation, actor=user, action=AuditAction.DELETE, document=document)


def document_restore(*, document: Document, user) -> Document:
    """Take the document out of the bin; to the library's root if its folder is still in the bin."""
    if document.folder_id and Folder.objects.filter(pk=document.folder_id, deleted_at__isnull=False).exists():
        document.folder = None
    document.deleted_at, document.deleted_by = None, None
    document.save(update_fields=["deleted_at", "deleted_by", "folder"])
    audit_record(organisation=document.organisation, actor=user, action=AuditAction.RESTORE, document=document)
    return document


@transaction.atomic
def document_sharing_set(*, document: Document, is_public: bool, shares: dict, user) -> Document:
    """Set who besides the owner may read the document: `shares` maps organisations to can_write."""
    document.is_public = is_public
    document.save(update_fields=["is_public"])
    newly_shared = _shares_replace(Share.objects.filter(document=document), shares, document=document, user=user)
    audit_record(
        organisation=document.organisation,
        actor=user,
        action=AuditAction.SHARE,
        document=document,
        detail=_sharing_detail(is_public, shares),
    )
    search_refresh_later(model=Document, pks=[document.pk])
    _shared_notify(organisations=newly_shared, target=document, user=user)
    return document


def _shares_replace(existing, shares: dict, *, user, folder=None, document=None) -> list:
    """Make the shares those of `shares`; return the organisations that did not have one before."""
    owner = (folder or document).organisation_id
    existing.exclude(organisation__in=list(shares)).delete()
    already = set(existing.values_list("organisation_id", flat=True))
    for organisation, can_write in shares.items():
        if organisation.pk == owner:
            continue
        Share.objects.update_or_create(
            organisation=organisation,
            folder=folder,
            document=document,
            defaults={"can_write": can_write, "created_by": user},
        )
    return [organisation for organisation in shares if organisation.pk != owner and organisation.pk not in already]


def _shared_notify(*, organisations, target, user) -> None:
    """Tell the editors and administrators of organisations that just received a share."""
    if not organisations:
        return
    memberships = Membership.objects.filter(
        organisation__in=organisations, role__in=(Role.EDITOR, Role.ADMIN), user__is_active=True
    ).select_related("user")
    name = getattr(target, "title", None) or target.name
    # One notification per person, under the first of their organisations that received the share.
    first_organisation = {}
    for membership in memberships:
        first_organisation.setdefault(membership.user_id, (membership.organisation_id, membership.user))
    for organisation in organisations:
        notification_send(
            users=[user for organisation_id, user in first_organisation.values() if organisation_id == organisation.pk],
            kind="document_shared",
            title=lambda: (
                _("“%(name)s” shared by %(owner)s") % {"name": name, "owner": organisation_phrase(target.organisation)}
            ),
            url=target.get_absolute_url(),
            actor=user,
            organisation=organisation,
        )


def _sharing_detail(is_public: bool, shares: dict) -> str:
    parts = [_("public")] if is_public else []
    parts += [
        f"{organisation} ({_('read-write') if can_write else _('read-only')})"
        for organisation, can_write in shares.items()
    ]
    return ", ".join(parts) or _("private")


def _refresh_search(documents) -> None:
    _refresh_search_pks(list(documents.values_list("pk", flat=True)))


def _refresh_search_pks(pks: list[int]) -> None:
    search_refresh_later(model=Document, pks=pks)


# Locks.


def document_lock(*, document: Document, user) -> Document:
    if document.is_locked and document.locked_by_id != user.pk:
        raise ValidationError(_("%(name)s is already editing this document."), params={"name": document.locked_by})
    document.locked_by, document.locked_at = user, timezone.now()
    document.save(update_fields=["locked_by", "locked_at"])
    audit_record(organisation=document.organisation, actor=user, action=AuditAction.LOCK, document=document)
    return document


def document_unlock(*, document: Document, user, as_admin: bool = False) -> Document:
    """Release the lock: its holder may, an administrator may release anyone's."""
    if document.is_locked and document.locked_by_id != user.pk and not as_admin:
        raise ValidationError(_("Only the person editing the document or an administrator can release it."))
    document.locked_by, document.locked_at = None, None
    document.save(update_fields=["locked_by", "locked_at"])
    audit_record(organisation=document.organisation, actor=user, action=AuditAction.UNLOCK, document=document)
    return document


def locks_release_stale() -> int:
    """Release the locks older than DOCUMENTS_LOCK_TIMEOUT; return how many."""
    limit = timezone.now() - settings.DOCUMENTS_LOCK_TIMEOUT
    return Document.objects.filter(locked_at__lt=limit).update(locked_by=None, locked_at=None)


# The bin.


def bin_purge(*, now=None) -> int:
    """Delete for good what has been in the bin longer than DOCUMENTS_BIN_DAYS, files included; return the count."""
    limit = (now or timezone.now()) - timedelta(days=settings.DOCUMENTS_BIN_DAYS)
    documents = Document.objects.filter(Q(deleted_at__lt=limit) | Q(folder__deleted_at__lt=limit)).select_related(
        "organisation"
    )
    count = 0
    for document in documents:
        names = [name for pair in document.versions.values_list("file", "thumbnail") for name in pair if name]
        with transaction.atomic():
            audit_record(organisation=document.organisation, actor=None, action=AuditAction.PURGE, document=document)
            pk = document.pk
            document.delete()
            transaction.on_commit(lambda names=names: [document_storage().delete(name) for name in names])
        search_refresh_later(model=Document, pks=[pk])
        count += 1
    Folder.objects.filter(deleted_at__lt=limit).delete()
    return count


# Orphan files.

# A younger file may belong to an upload whose transaction is still open (its row not yet committed).
ORPHAN_GRACE = timedelta(hours=1)


def _storage_file_names(storage, folder: str = ""):
    directories, names = storage.listdir(folder)
    for name in names:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from _storage_file_names(storage, f"{folder}/{directory}" if folder else directory)


def _same_storage(one, other) -> bool:
    return one is other or (type(one) is type(other) and one.deconstruct() == other.deconstruct())


def _referenced_names(storage) -> set[str]:
    """Every file name that a file field of any model stored in the library storage holds."""
    from django.apps import apps
    from django.db.models import FileField

    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField) and _same_storage(field.storage, storage):
                names.update(model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    return names


def storage_orphans_sweep(*, older_than: timedelta = ORPHAN_GRACE, now=None) -> list[str]:
    """Delete the files of the library storage that no row names, once older than `older_than`; return them.

    A file is written before the row naming it is committed: a process killed in between (a crash, an OOM
    kill, a deployment) leaves the file alone. The library, the messaging attachments and the directory's
    photos share this storage, so every file field stored there counts. Files are listed before the rows are
    read, so a row committed meanwhile keeps its file.
    """
    storage = document_storage()
    limit = (now or timezone.now()) - older_than
    try:
        candidates = [name for name in _storage_file_names(storage) if storage.get_modified_time(name) <= limit]
    except FileNotFoundError:
        return []  # the storage's directory does not exist yet: nothing was ever stored
    referenced = _referenced_names(storage)
    orphans = [name for name in candidates if name not in referenced]
    for name in orphans:
        storage.delete(name)
    return orphans
