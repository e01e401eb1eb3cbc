"""Writes to the directory: cards and their photos, directory entries, services, CSV imports."""

import logging
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.uploads import upload_check
from extranet.organisations.models import Membership, Organisation
from extranet.search.services import search_refresh_later

from .models import (
    VISIBILITY_RANK,
    ImportStatus,
    OrganisationProfile,
    PeopleImport,
    PersonCard,
    Service,
    Visibility,
)
from .photos import CleanPhoto
from .storage import import_storage, photo_storage
from .visibility import PERSON_FIELD_VISIBILITY

logger = logging.getLogger(__name__)

CARD_FIELDS = ("function", "service", "phone", "mobile", "email")
VISIBILITY_FIELDS = ("card_visibility", *sorted(set(PERSON_FIELD_VISIBILITY.values())))


def organisation_profile_get_or_create(*, organisation: Organisation) -> OrganisationProfile:
    return OrganisationProfile.objects.get_or_create(organisation=organisation)[0]


def organisation_profile_update(*, profile: OrganisationProfile, **fields) -> OrganisationProfile:
    """Save the directory entry and refresh the search documents that show it."""
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    search_refresh_later(model=Organisation, pks=[profile.organisation_id])
    search_refresh_later(model=PersonCard, pks=profile.organisation.person_cards.values_list("pk", flat=True))
    return profile


def person_card_ensure(*, user, organisation: Organisation) -> PersonCard:
    """The user's card, created under this organisation (one of theirs) if they have none yet.

    A card left behind in an organisation the person no longer belongs to moves to this one.
    """
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("A card can only be published under one of the person's organisations."))
    card, created = PersonCard.objects.get_or_create(
        user=user, defaults={"organisation": organisation, "function": user.job_title, "phone": user.phone}
    )
    if not created and not Membership.objects.filter(user=user, organisation_id=card.organisation_id).exists():
        card.organisation, card.service = organisation, None
        card.save()
    return card


def _check_limits(card: PersonCard) -> None:
    profile = OrganisationProfile.objects.filter(organisation_id=card.organisation_id).first()
    limit = Visibility(profile.widest_person_visibility) if profile else Visibility.PUBLIC
    errors = {
        name: _("Your organisation does not allow a wider audience than “%(limit)s”.") % {"limit": limit.label}
        for name in VISIBILITY_FIELDS
        if VISIBILITY_RANK[Visibility(getattr(card, name))] > VISIBILITY_RANK[limit]
    }
    if card.service_id and card.service.organisation_id != card.organisation_id:
        errors["service"] = _("Choose a service of the card's organisation.")
    if errors:
        raise ValidationError(errors)


def person_card_update(*, card: PersonCard, **fields) -> PersonCard:
    """Change a card's fields and visibilities, within the organisation's limits."""
    unknown = set(fields) - set(CARD_FIELDS) - set(VISIBILITY_FIELDS)
    if unknown:
        raise ValueError(f"Not card fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(card, name, value)
    card.full_clean(exclude=["user", "organisation"])
    _check_limits(card)
    card.save()
    return card


def _photo_delete_on_commit(name: str) -> None:
    """Delete a replaced or removed photo once the change is committed (a rollback keeps it)."""
    if name:
        transaction.on_commit(lambda: photo_storage().delete(name))


@transaction.atomic
def person_card_photo_set(*, card: PersonCard, photo: CleanPhoto) -> PersonCard:
    """Store a checked, re-encoded photo under a random name and drop the previous one."""
    previous = card.photo.name if card.photo else ""
    card.photo.save(f"annuaire/photos/{uuid.uuid4().hex}.jpg", ContentFile(photo.content), save=False)
    card.save(update_fields=["photo", "updated_at"])
    _photo_delete_on_commit(previous)
    return card


@transaction.atomic
def person_card_photo_remove(*, card: PersonCard) -> PersonCard:
    """Take the photo off the card and delete its file."""
    previous = card.photo.name if card.photo else ""
    card.photo = ""
    card.save(update_fields=["photo", "updated_at"])
    _photo_delete_on_commit(previous)
    return card


@transaction.atomic
def service_create(*, organisation: Organisation, name: str, parent: Service | None = None) -> Service:
    """Add a service at the end of its parent's children (or as a new top-level direction)."""
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if parent is not None:
        parent = Service.objects.get(pk=parent.pk)
        if parent.organisation_id != organisation.pk:
            raise ValidationError(_("Choose a service of the same organisation."))
        return parent.add_child(organisation=organisation, name=name)
    return Service.add_root(organisation=organisation, name=name)


@transaction.atomic
def service_move(*, service: Service, target: Service, position: str) -> Service:
    """Move a service before or after a sibling ("left"/"right") or under a service ("last-child").

    The organisation row is locked and both nodes re-read inside the transaction, so two concurrent moves
    run one after the other on fresh paths and leave a valid tree.
    """
    if position not in ("left", "right", "last-child"):
        raise ValueError(position)
    Organisation.objects.select_for_update().filter(pk=service.organisation_id).first()
    service = Service.objects.get(pk=service.pk)
    target = Service.objects.get(pk=target.pk)
    if target.organisation_id != service.organisation_id:
        raise ValidationError(_("A service can only move within its organisation."))
    if target.path.startswith(service.path):
        raise ValidationError(_("A service cannot move under itself."))
    service.move(target, position)
    return Service.objects.get(pk=service.pk)


def _refresh_cards_of_services(services) -> None:
    """The search entries of the people in these services carry the service's name: re-index them."""
    search_refresh_later(
        model=PersonCard, pks=PersonCard.objects.filter(service__in=services).values_list("pk", flat=True)
    )


@transaction.atomic
def service_rename(*, service: Service, name: str) -> Service:
    """Rename a service; its people's search entries follow."""
    service.name = name
    service.full_clean(exclude=["path", "depth", "numchild", "organisation"])
    service.save(update_fields=["name"])
    _refresh_cards_of_services([service])
    return service


@transaction.atomic
def service_delete(*, service: Service) -> None:
    """Delete a service and its sub-services; their people keep their cards, without a service."""
    Organisation.objects.select_for_update().filter(pk=service.organisation_id).first()
    service = Service.objects.get(pk=service.pk)
    # Emptied by the deletion (SET NULL, without saving the cards): their search entries still name the service.
    pks = list(PersonCard.objects.filter(service__path__startswith=service.path).values_list("pk", flat=True))
    service.delete()
    search_refresh_later(model=PersonCard, pks=pks)


@transaction.atomic
def people_import_apply(*, organisation: Organisation, rows: list[dict]) -> int:
    """Create or update the people of a confirmed, clean import; return how many were written.

    New people get an account without a password (they set one through "forgotten password") and a
    membership. Existing accounts are only updated if they are members already (the report refuses the
    others); a card published under another of their organisations is left alone.
    """
    from django.contrib.auth import get_user_model

    from extranet.organisations.models import Role
    from extranet.organisations.services import membership_set

    User = get_user_model()
    services_by_name = {service.name.lower(): service for service in Service.objects.filter(organisation=organisation)}
    written = 0
    for values in rows:
        user = User.objects.filter(email__iexact=values["email"]).first()
        if user is None:
            user = User.objects.create_user(
                email=values["email"], first_name=values["first_name"], last_name=values["last_name"]
            )
            membership_set(organisation=organisation, user=user, role=Role.MEMBER)
        elif not Membership.objects.filter(user=user, organisation=organisation).exists():
            continue
        card = person_card_ensure(user=user, organisation=organisation)
        if card.organisation_id == organisation.pk:
            # Empty cells leave the card's current values alone.
            fields = {name: values[name] for name in ("function", "phone", "mobile") if values[name]}
            if values["service"]:
                fields["service"] = services_by_name.get(values["service"].lower())
            person_card_update(card=card, **fields)
        written += 1
    return written


IMPORT_CHUNK = 100
# Lines kept in the stored report: every faulty line up to REPORT_MAX_ROWS, or a preview of a clean file.
REPORT_MAX_ROWS = 500
PREVIEW_ROWS = 100


@transaction.atomic
def people_import_start(*, organisation: Organisation, user, upload, language: str = "") -> PeopleImport:
    """Keep an uploaded CSV in private storage and queue its check; nothing is written to the directory.

    A file over ANNUAIRE_IMPORT_MAX_BYTES is refused here, before it is stored. An earlier import of the
    organisation still waiting for its confirmation is replaced (its file deleted).
    """
    from . import importer
    from .tasks import people_import_check_task

    if upload.size > importer.import_max_bytes():
        raise ValidationError(importer.too_large_message(upload.size), code="too_large")
    # A program, an archive or a page renamed .csv is refused by its content before anything is stored.
    upload_check(upload, allowed_formats=("csv",))
    for earlier in PeopleImport.objects.select_for_update().filter(
        organisation=organisation, status=ImportStatus.CHECKED
    ):
        _import_file_delete_on_commit(earlier)
        earlier.status = ImportStatus.REPLACED
        earlier.save(update_fields=["status", "file", "updated_at"])
    people_import = PeopleImport(
        organisation=organisation,
        created_by=user,
        file_name=(upload.name or "")[-255:],
        file_size=upload.size,
        language=language,
    )
    people_import.file.save(f"annuaire/imports/{uuid.uuid4().hex}.csv", upload, save=False)
    people_import.save()
    # The task row is written in this transaction: the worker sees it once the import is committed.
    people_import_check_task.enqueue(import_id=people_import.pk)
    return people_import


def _import_file_delete_on_commit(people_import: PeopleImport) -> None:
    name = people_import.file.name if people_import.file else ""
    people_import.file = ""
    if name:
        transaction.on_commit(lambda: import_storage().delete(name))


def _import_progress(people_import: PeopleImport, done: int, total: int) -> None:
    """Record the progress where the import page reads it (outside any transaction in the worker)."""
    people_import.done, people_import.total = done, total
    PeopleImport.objects.filter(pk=people_import.pk).update(done=done, total=total, updated_at=timezone.now())


def _import_read(people_import: PeopleImport) -> bytes:
    with import_storage().open(people_import.file.name, "rb") as file:
        return file.read()


def _import_parse(people_import: PeopleImport, *, progress=lambda done, total: None):
    from . import importer
    from .selectors import account_emails_outside

    organisation = people_import.organisation
    return importer.people_import_parse(
        data=_import_read(people_import),
        service_names={name.lower() for name in organisation.services.values_list("name", flat=True)},
        accounts_outside=lambda emails: account_emails_outside(organisation=organisation, emails=emails),
        progress=progress,
    )


def _report_data(report) -> dict:
    """What the import page shows: the file's errors and warnings, the faulty lines, or a preview of a clean file."""
    faulty = [row for row in report.rows if row.errors]
    shown = faulty[:REPORT_MAX_ROWS] if faulty else report.rows[:PREVIEW_ROWS]
    return {
        "file_errors": report.file_errors,
        "warnings": report.warnings,
        "row_count": len(report.rows),
        "error_count": len(faulty),
        "rows": [{"line": row.line, "values": row.values, "errors": row.errors} for row in shown],
        "omitted": (len(faulty) if faulty else len(report.rows)) - len(shown),
    }


def _import_failed(people_import: PeopleImport) -> None:
    logger.exception("People import %s failed", people_import.pk)
    _import_file_delete_on_commit(people_import)
    people_import.status = ImportStatus.FAILED
    people_import.save(update_fields=["status", "file", "updated_at"])


def people_import_check(*, import_id: int) -> PeopleImport | None:
    """Check the stored file line by line (run by the task worker), recording progress and the report."""
    people_import = PeopleImport.objects.select_related("organisation").filter(pk=import_id).first()
    if people_import is None or people_import.status != ImportStatus.CHECKING:
        return people_import
    try:
        with translation.override(people_import.language or settings.LANGUAGE_CODE):
            report = _import_parse(people_import, progress=partial(_import_progress, people_import))
            people_import.report = _report_data(report)
    except Exception:
        _import_failed(people_import)
        raise
    people_import.is_clean = report.is_clean
    people_import.status = ImportStatus.CHECKED
    if not report.is_clean:
        # A file with errors is never written: it is not kept.
        _import_file_delete_on_commit(people_import)
    people_import.save()
    return people_import


@transaction.atomic
def people_import_confirm(*, people_import: PeopleImport) -> PeopleImport:
    """The admin confirms a clean report: queue the writing. Anything else is refused with a clear message."""
    from .tasks import people_import_write_task

    people_import = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
    if people_import.status != ImportStatus.CHECKED or not people_import.is_clean or not people_import.file:
        raise ValidationError(_("This file cannot be imported (any more): send it again."), code="not_confirmable")
    people_import.status = ImportStatus.IMPORTING
    people_import.done, people_import.total = 0, people_import.report.get("row_count", 0)
    people_import.save(update_fields=["status", "done", "total", "updated_at"])
    people_import_write_task.enqueue(import_id=people_import.pk)
    return people_import


def people_import_write(*, import_id: int) -> PeopleImport | None:
    """Write a confirmed import (run by the task worker) in chunks, recording progress after each one.

    The file is checked again first: if it no longer checks clean (a service was deleted meanwhile, an address
    now belongs to someone outside), nothing is written and the new report is shown instead.
    """
    people_import = PeopleImport.objects.select_related("organisation").filter(pk=import_id).first()
    if people_import is None or people_import.status != ImportStatus.IMPORTING:
        return people_import
    try:
        with translation.override(people_import.language or settings.LANGUAGE_CODE):
            report = _import_parse(people_import)
            if not report.is_clean:
                people_import.report, people_import.is_clean = _report_data(report), False
                people_import.status = ImportStatus.CHECKED
                _import_file_delete_on_commit(people_import)
                people_import.save()
                return people_import
            rows = [row.values for row in report.rows]
            _import_progress(people_import, 0, len(rows))
            written = 0
            for start in range(0, len(rows), IMPORT_CHUNK):
                chunk = rows[start : start + IMPORT_CHUNK]
                written += people_import_apply(organisation=people_import.organisation, rows=chunk)
                _import_progress(people_import, start + len(chunk), len(rows))
    except Exception:
        _import_failed(people_import)
        raise
    people_import.written = written
    people_import.status = ImportStatus.DONE
    _import_file_delete_on_commit(people_import)
    people_import.save()
    return people_import


# A file younger than this may belong to a save whose transaction is not committed yet: never purged.
ORPHAN_GRACE = timedelta(hours=1)


def _purge_orphans(*, storage, folder: str, referenced: set[str], now) -> int:
    try:
        _dirs, names = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    count = 0
    for name in names:
        path = f"{folder}/{name}"
        if path not in referenced and storage.get_modified_time(path) < now - ORPHAN_GRACE:
            storage.delete(path)
            count += 1
    return count


def directory_files_purge(*, import_hours: int = 24) -> tuple[int, int]:
    """Delete what nobody will read: stale imports' files and files no record names; return (imports, files).

    A checked import not confirmed within `import_hours` expires; a check or a write stuck as long (a worker
    stopped mid-way) is marked failed. Photos of deleted cards and files of deleted imports are orphans.
    """
    now = timezone.now()
    stale = PeopleImport.objects.filter(updated_at__lt=now - timedelta(hours=import_hours)).exclude(file="")
    imports = 0
    for people_import in stale.filter(status__in=[ImportStatus.CHECKED, ImportStatus.CHECKING, ImportStatus.IMPORTING]):
        with transaction.atomic():
            _import_file_delete_on_commit(people_import)
            people_import.status = (
                ImportStatus.EXPIRED if people_import.status == ImportStatus.CHECKED else ImportStatus.FAILED
            )
            people_import.save(update_fields=["status", "file", "updated_at"])
        imports += 1
    photos = set(PersonCard.objects.exclude(photo="").values_list("photo", flat=True))
    import_files = set(PeopleImport.objects.exclude(file="").values_list("file", flat=True))
    files = _purge_orphans(storage=photo_storage(), folder="annuaire/photos", referenced=photos, now=now)
    files += _purge_orphans(storage=import_storage(), folder="annuaire/imports", referenced=import_files, now=now)
    return imports, files
