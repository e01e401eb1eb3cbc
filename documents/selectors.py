"""Who may read and change library folders and documents, and permission-aware reads of the libraries.

One decision (`document_access`/`folder_access`) serves every view, the search index and the file
responses. Missing and forbidden both raise Http404.
"""

from enum import IntEnum

from django.conf import settings
from django.db.models import CharField, Count, Exists, ExpressionWrapper, F, Max, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.utils import timezone

from extranet.organisations.models import Organisation, Role
from extranet.organisations.selectors import user_roles

from .models import AuditEvent, Document, DocumentVersion, Folder, Share, ShareLink, TextStatus
from .uploads import FORMATS, extension_of


class Access(IntEnum):
    NONE = 0
    PUBLIC = 1  # anyone: the current version of a public document
    READ = 2  # every version, the folder's contents
    WRITE = 3  # upload, new versions, rename, move, bin, lock
    MANAGE = 4  # sharing, publication, share links
    ADMIN = 5  # audit log, others' locks, the bin of the whole library


OWNER_ACCESS = {Role.MEMBER: Access.WRITE, Role.EDITOR: Access.MANAGE, Role.ADMIN: Access.ADMIN}
ACTIONS = {
    "view": Access.PUBLIC,
    "history": Access.READ,
    "write": Access.WRITE,
    # Renaming a folder compares its name with its neighbours': for those it is shared with, only inside the share,
    # where they see every neighbour, not its top, whose neighbours are the owner's (`folder_get_for_user`).
    "rename": Access.WRITE,
    # Moving and binning reorganise the owner's library: for its members, not for those it is shared with.
    "organise": Access.WRITE,
    "manage": Access.MANAGE,
    "admin": Access.ADMIN,
}


def _access(*, user, organisation_id: int, folder_ids: list[int], document=None, is_public: bool, roles=None) -> Access:
    roles = user_roles(user=user) if roles is None else roles
    level = Access.NONE
    if organisation_id in roles:
        level = OWNER_ACCESS[Role(roles[organisation_id])]
    if level < Access.WRITE and roles:
        targets = Q(folder_id__in=folder_ids) | (Q(document=document) if document is not None else Q(pk__in=[]))
        for can_write in Share.objects.filter(targets, organisation_id__in=roles).values_list("can_write", flat=True):
            level = max(level, Access.WRITE if can_write else Access.READ)
    if level == Access.NONE and (is_public or _public_folders().filter(pk__in=folder_ids).exists()):
        level = Access.PUBLIC
    return level


def _public_folders():
    # A folder without its path yet would be the "ancestor" of every document in `document_public_q`.
    return Folder.objects.filter(is_public=True).exclude(path="")


def document_public_q() -> Q:
    """The PUBLIC branch of `_access` as a queryset filter: the document or one of its ancestor folders is public.

    A folder is an ancestor of a document when the document's folder path starts with the folder's path.
    """
    document_path = ExpressionWrapper(OuterRef("folder__path"), output_field=CharField())
    return Q(is_public=True) | Q(Exists(_public_folders().filter(StartsWith(document_path, F("path")))))


def document_readable_q(*, roles: dict[int, str]) -> Q:
    """The documents `_access` opens (at least PUBLIC) to a user of these roles, as one queryset filter.

    Their organisation's library, a share of the document or of an ancestor folder with one of the user's
    organisations, or public; the caller leaves out the bin.
    """
    readable = document_public_q()
    if roles:
        shares = Share.objects.filter(organisation_id__in=list(roles))
        document_path = ExpressionWrapper(OuterRef("folder__path"), output_field=CharField())
        shared_folders = shares.filter(folder__isnull=False).exclude(folder__path="")
        readable |= (
            Q(organisation_id__in=list(roles))
            | Q(Exists(shares.filter(document=OuterRef("pk"))))
            | Q(Exists(shared_folders.filter(StartsWith(document_path, F("folder__path")))))
        )
    return readable


def document_access(*, user, document: Document, roles=None) -> Access:
    return _access(
        user=user,
        roles=roles,
        organisation_id=document.organisation_id,
        folder_ids=document.ancestor_folder_ids(),
        document=document,
        is_public=document.is_public,
    )


def folder_access(*, user, folder: Folder, roles=None) -> Access:
    return _access(
        user=user,
        roles=roles,
        organisation_id=folder.organisation_id,
        folder_ids=folder.ancestor_ids(),
        is_public=False,
    )


def abilities_of(access: Access, *, in_library: bool = True, is_shared_top: bool = False) -> dict[str, bool]:
    """What the user may do, for templates: one key per action of ACTIONS, and `library`, whether they belong to it.

    An organisation a folder or document is shared with neither opens the library nor reorganises it, nor renames
    the folder it was given (`is_shared_top`).
    """
    abilities = {action: access >= minimum for action, minimum in ACTIONS.items()}
    return {
        **abilities,
        "organise": abilities["organise"] and in_library,
        "rename": abilities["rename"] and (in_library or not is_shared_top),
        "library": in_library,
    }


def document_get_for_user(*, user, pk: int, action: str = "view", in_bin: bool = False) -> Document:
    """The document if the user may take `action` on it; Http404 if missing, in the bin, or forbidden.

    `in_bin=True` reaches documents in the bin instead, for their library's writers only.
    """
    document = (
        Document.objects.select_related("organisation", "folder", "current_version", "locked_by")
        .filter(pk=pk, deleted_at__isnull=not in_bin)
        .first()
    )
    if document is None:
        raise Http404
    roles = user_roles(user=user)
    access = document_access(user=user, document=document, roles=roles)
    in_library = document.organisation_id in roles
    if access < ACTIONS[action] or (in_bin and access < Access.WRITE) or (action == "organise" and not in_library):
        raise Http404
    document.access = access
    document.in_library = in_library
    document.shared_top_id = None
    if not in_library and access >= Access.READ and document.folder is not None:
        document.shared_top_id = _shared_top_id(folder=document.folder, roles=roles)
    return document


def folder_get_for_user(*, user, slug: str, pk: int, action: str = "view", in_bin: bool = False) -> Folder:
    """The folder of the organisation `slug` if the user may take `action` in it; Http404 otherwise.

    Anyone may browse ("view") a public folder and its subfolders, whose contents are all public; any other
    action needs READ at least.
    """
    folder = (
        Folder.objects.select_related("organisation")
        .filter(pk=pk, organisation__slug=slug, deleted_at__isnull=not in_bin)
        .first()
    )
    if folder is None:
        raise Http404
    roles = user_roles(user=user)
    access = folder_access(user=user, folder=folder, roles=roles)
    in_library = folder.organisation_id in roles
    minimum = Access.PUBLIC if action == "view" else max(ACTIONS[action], Access.READ)
    if access < minimum or (action == "organise" and not in_library):
        raise Http404
    folder.access = access
    folder.in_library = in_library
    folder.shared_top_id = None
    if not in_library and access >= Access.READ:
        folder.shared_top_id = _shared_top_id(folder=folder, roles=roles)
    if action == "rename" and not in_library and folder.pk == folder.shared_top_id:
        raise Http404
    return folder


def _shared_top_id(*, folder: Folder, roles) -> int | None:
    """The highest of the folder and its ancestors shared with one of the user's organisations."""
    ids = folder.ancestor_ids()
    shared = set(Share.objects.filter(folder_id__in=ids, organisation_id__in=roles).values_list("folder_id", flat=True))
    return next((pk for pk in ids if pk in shared), None)


def version_download_name(*, document: Document, version: DocumentVersion) -> str:
    """The name a version downloads under: the document's title for the current one (so a renamed document
    downloads renamed), with the extension its content calls for; an earlier version keeps its uploaded name."""
    if version.pk != document.current_version_id:
        return version.original_name
    extensions = FORMATS[version.file_format][0] if version.file_format in FORMATS else ()
    if not extensions or extension_of(document.title) in extensions:
        return document.title
    return f"{document.title}.{extensions[0]}"


def version_get(*, document: Document, number: int) -> DocumentVersion:
    version = document.versions.filter(number=number).first()
    if version is None:
        raise Http404
    return version


def _listed_documents():
    shared = Share.objects.filter(document=OuterRef("pk"))
    return (
        Document.objects.filter(deleted_at=None)
        .select_related("current_version", "current_version__created_by", "locked_by")
        .annotate(is_shared=Exists(shared))
        .order_by("title", "pk")
    )


def _listed_folders():
    return (
        Folder.objects.filter(deleted_at=None)
        .annotate(is_shared=Exists(Share.objects.filter(folder=OuterRef("pk"))))
        .order_by("name", "pk")
    )


def folder_contents(*, organisation: Organisation, folder: Folder | None) -> dict:
    """The subfolders and documents of a folder (or of the library's root), in a fixed number of queries.

    Querysets, read when a template first uses them: a listing served from the cache reads nothing.
    """
    return {
        "folders": _listed_folders().filter(organisation=organisation, parent=folder),
        "documents": _listed_documents().filter(organisation=organisation, folder=folder),
    }


def folder_listing_version(*, organisation: Organisation, folder: Folder | None) -> str:
    """A fingerprint of what a folder's listing shows, for caches: it moves with any change of the library.

    Every change of a library goes through the services, and each records an audit event in the owning
    organisation (sharing with others included), so the newest event's id moves with it. Two changes come
    without an event and only ever lower a count between two events: a version's text and thumbnail made by the
    task queue (fewer versions waiting) and a lock running out (fewer running locks). Two queries.
    """
    newest = AuditEvent.objects.filter(organisation=organisation).aggregate(newest=Max("pk"))["newest"]
    running_since = timezone.now() - settings.DOCUMENTS_LOCK_TIMEOUT
    counts = Document.objects.filter(organisation=organisation, folder=folder, deleted_at=None).aggregate(
        locks=Count("pk", filter=Q(locked_by__isnull=False, locked_at__gt=running_since)),
        waiting=Count("pk", filter=Q(current_version__text_status=TextStatus.PENDING)),
    )
    folder_id = folder.pk if folder else ""
    return f"{organisation.pk}|{organisation.slug}|{folder_id}|{newest}|{counts['locks']}|{counts['waiting']}"


def folder_breadcrumbs_for_reader(*, folder: Folder) -> list[Folder]:
    """The breadcrumbs of `folder_get_for_user`'s folder: from the library's root for its members, from the
    highest folder shared with them for others (the folders above are not theirs to see)."""
    top = Folder(pk=folder.shared_top_id) if folder.shared_top_id else None
    return folder_breadcrumbs(folder=folder, top=top)


def document_breadcrumbs_for_reader(*, document: Document) -> list[Folder]:
    """The folders above a document of `document_get_for_user`: from the library's root for its members, from the
    highest folder shared with them for others, none when only the document itself is shared with them."""
    if document.folder is None or not (document.in_library or document.shared_top_id):
        return []
    document.folder.organisation = document.organisation
    top = None if document.in_library else Folder(pk=document.shared_top_id)
    return folder_breadcrumbs(folder=document.folder, top=top)


def folder_breadcrumbs(*, folder: Folder, top: Folder | None = None) -> list[Folder]:
    """The folder's ancestors from the root (or from `top`, one of them), the folder last.

    The folder itself needs no query, nor do its ancestors' links: they share its organisation.
    """
    ids = folder.ancestor_ids()
    if top is not None:
        ids = ids[ids.index(top.pk) :] if top.pk in ids else [folder.pk]
    ancestors = {folder.pk: folder}
    if len(ids) > 1:
        ancestors |= {item.pk: item for item in Folder.objects.filter(pk__in=ids).exclude(pk=folder.pk)}
    for item in ancestors.values():
        item.organisation = folder.organisation
    return [ancestors[pk] for pk in ids if pk in ancestors]


def folder_public_breadcrumbs(*, folder: Folder) -> list[Folder]:
    """The folder's ancestors from the highest public one, the folder last: what a visitor may browse."""
    crumbs = folder_breadcrumbs(folder=folder)
    first_public = next((index for index, item in enumerate(crumbs) if item.is_public), len(crumbs) - 1)
    return crumbs[first_public:]


def folder_choices(*, organisation: Organisation):
    """The library's folders (not in the bin), the destinations a "move to" form accepts."""
    return Folder.objects.filter(organisation=organisation, deleted_at=None).order_by("path")


def folder_move_targets(*, organisation: Organisation, moved: Folder | None = None) -> list[tuple[int, str]]:
    """(id, name) of the folders a "move to" menu offers, `moved`'s own subtree left out.

    Plain pairs rather than a form widget's options: the menu lists the whole library on every page showing it.
    """
    folders = folder_choices(organisation=organisation)
    if moved is not None:
        folders = folders.exclude(path__startswith=moved.path)
    return list(folders.values_list("pk", "name"))


def shares_received(*, organisation: Organisation) -> dict:
    """Folders and documents other organisations share with this one."""
    shares = Share.objects.filter(organisation=organisation)
    return {
        "folders": list(
            _listed_folders().filter(pk__in=shares.values("folder")).select_related("organisation"),
        ),
        "documents": list(
            _listed_documents().filter(pk__in=shares.values("document")).select_related("organisation"),
        ),
    }


def shares_of(*, folder: Folder | None = None, document: Document | None = None):
    return Share.objects.filter(folder=folder, document=document).select_related("organisation")


def share_target_choices(*, organisation: Organisation):
    return Organisation.objects.exclude(pk=organisation.pk).order_by("name")


def bin_contents(*, organisation: Organisation) -> dict:
    return {
        "folders": list(
            Folder.objects.filter(organisation=organisation, deleted_at__isnull=False)
            .select_related("deleted_by")
            .order_by("-deleted_at")
        ),
        "documents": list(
            Document.objects.filter(organisation=organisation, deleted_at__isnull=False)
            .select_related("deleted_by", "current_version")
            .order_by("-deleted_at")
        ),
    }


def audit_events(*, organisation: Organisation):
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")


def active_links(*, document: Document | None = None, folder: Folder | None = None):
    """The active share links of the document or of the folder."""
    return ShareLink.objects.filter(
        document=document, folder=folder, revoked_at=None, expires_at__gt=timezone.now()
    ).select_related("created_by")


def libraries_for_user(*, user):
    """The organisations whose library the user may open."""
    return Organisation.objects.filter(pk__in=list(user_roles(user=user))).order_by("name")


def visible_organisation_ids(*, document: Document, public: bool | None = None) -> tuple[bool, list[int]]:
    """Whether the document is public, and the organisations whose members may read it (search audiences).

    `public` may come already computed, from `document_public_q()` annotated on a queryset.
    """
    folder_ids = document.ancestor_folder_ids()
    shared = Share.objects.filter(Q(document=document) | Q(folder_id__in=folder_ids)).values_list(
        "organisation_id", flat=True
    )
    if public is None:
        public = document.is_public or _public_folders().filter(pk__in=folder_ids).exists()
    return public, sorted({document.organisation_id, *shared})


def document_list_for_pages(*, user):
    """The documents the user may put in public pages: public, current, of the organisations the user belongs to."""
    return (
        Document.objects.filter(
            document_public_q(),
            organisation_id__in=list(user_roles(user=user)),
            deleted_at=None,
            current_version__isnull=False,
        )
        .select_related("organisation", "current_version")
        .order_by("title", "pk")
    )


def document_list_public(*, pks) -> dict[int, Document]:
    """The documents among `pks` that anyone may download now (public, current, not in the bin), by pk."""
    documents = Document.objects.filter(
        document_public_q(), pk__in=[pk for pk in pks if pk], deleted_at=None, current_version__isnull=False
    ).select_related("current_version")
    return {document.pk: document for document in documents}


def share_link_get(*, token_hash: str) -> ShareLink:
    """The active link with this token hash, its document or folder not in the bin; Http404 for any other."""
    link = (
        ShareLink.objects.select_related(
            "document", "document__current_version", "document__organisation", "folder", "folder__organisation"
        )
        .filter(token_hash=token_hash, revoked_at=None, expires_at__gt=timezone.now())
        .filter(Q(document__isnull=False, document__deleted_at=None) | Q(folder__isnull=False, folder__deleted_at=None))
        .first()
    )
    if link is None:
        raise Http404
    return link


def share_link_folder_get(*, link: ShareLink, pk: int | None = None) -> Folder:
    """The link's folder, or one of its subfolders (not in the bin); Http404 for any other folder or link."""
    if link.folder_id is None:
        raise Http404
    if pk is None or pk == link.folder_id:
        return link.folder
    folder = (
        Folder.objects.select_related("organisation")
        .filter(pk=pk, path__startswith=link.folder.path, deleted_at=None)
        .first()
    )
    if folder is None:
        raise Http404
    return folder


def share_link_document_get(*, link: ShareLink, pk: int) -> Document:
    """A document of the link's folder or its subfolders, with a current version; Http404 for any other."""
    if link.folder_id is None:
        raise Http404
    document = (
        Document.objects.select_related("organisation", "current_version")
        .filter(pk=pk, folder__path__startswith=link.folder.path, deleted_at=None, current_version__isnull=False)
        .first()
    )
    if document is None:
        raise Http404
    return document


def wagtail_document_readable(*, document, request) -> bool:
    """Whether a file of the Wagtail documents (attached to pages) may be downloaded: once a live page that the
    request may read uses it (a public notice for anyone, a private-space article for its members); before (a
    draft's attachment, a file just uploaded), only by those who may choose or change it in the admin."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.models import Page, ReferenceIndex
    from wagtail.permissions import policy_registry

    # The reference index follows each page's live content: a draft's new attachment is not in it yet.
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).live():
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    user = request.user
    policy = policy_registry.get_by_type(get_document_model())
    return user.is_authenticated and policy.user_has_any_permission_for_instance(user, ["choose", "change"], document)
