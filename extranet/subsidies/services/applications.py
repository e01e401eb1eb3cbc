"""The applicant's writes: a draft saved as often as needed, then an explicit submission with a receipt."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from annuaire.validators import validate_phone
from documents.models import Folder
from documents.services import document_upload, folder_create
from extranet.organisations.selectors import user_roles

from ..amounts import euros
from ..eligibility import eligibility_check
from ..models import Application, Status
from ..selectors import APPLICANT_EDITABLE, WRITER_ROLES
from .transitions import application_lock, transition_apply

# Where uploaded supporting documents go in the applicant's library.
UPLOAD_FOLDER_NAME = "Demandes de subvention"
CENTS = Decimal("0.01")
# The fields an application may leave empty, and their empty value.
OPTIONAL = {"start_date": None, "end_date": None, "contact_phone": ""}
FIELDS = (
    "title",
    "description",
    "total_cost",
    "amount_requested",
    "start_date",
    "end_date",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def _check_writer(*, user, organisation) -> None:
    if user_roles(user=user).get(organisation.pk) not in WRITER_ROLES:
        raise ValidationError(
            _("Only the editors and administrators of %(name)s can write its applications.")
            % {"name": organisation.name}
        )


def _check_fields(fields: dict) -> dict:
    """Amounts in euros with at most two decimals, the request within the cost, the end after the start, a phone
    number that is one."""
    errors = {}
    for name in ("total_cost", "amount_requested"):
        amount = fields[name]
        if not isinstance(amount, Decimal) or amount < 0 or amount != amount.quantize(CENTS):
            errors[name] = _("Give an amount in euros, positive, with at most two decimals.")
    if not errors and fields["amount_requested"] > fields["total_cost"]:
        errors["amount_requested"] = _("The amount requested (%(requested)s) exceeds the total cost (%(cost)s).") % {
            "requested": euros(fields["amount_requested"]),
            "cost": euros(fields["total_cost"]),
        }
    if fields.get("start_date") and fields.get("end_date") and fields["end_date"] < fields["start_date"]:
        errors["end_date"] = _("The planned end cannot be before the planned start.")
    if fields.get("contact_phone"):
        try:
            validate_phone(fields["contact_phone"])
        except ValidationError as error:
            errors["contact_phone"] = error.messages
    if errors:
        raise ValidationError(errors)
    return {name: fields.get(name) or OPTIONAL[name] if name in OPTIONAL else fields[name] for name in FIELDS}


def _attach_documents(*, application: Application, user, documents, uploads) -> None:
    """Link library documents of the applicant (others are refused) and file the new uploads in its library."""
    documents = list(documents)
    if any(document.organisation_id != application.organisation_id or document.deleted_at for document in documents):
        raise ValidationError(_("A supporting document must come from your organisation's library."))
    if uploads:
        folder = _upload_folder(organisation=application.organisation, user=user)
        documents += [
            document_upload(organisation=application.organisation, folder=folder, checked=checked, user=user)
            for checked in uploads
        ]
    application.documents.add(*documents)


def _upload_folder(*, organisation, user) -> Folder:
    existing = Folder.objects.filter(organisation=organisation, parent=None, name=UPLOAD_FOLDER_NAME, deleted_at=None)
    return existing.first() or folder_create(organisation=organisation, parent=None, name=UPLOAD_FOLDER_NAME, user=user)


@transaction.atomic
def application_create(*, aid, organisation, user, documents=(), uploads=(), **fields) -> Application:
    """A draft application of `organisation` to `aid`; `uploads` are files checked by `documents.uploads`."""
    _check_writer(user=user, organisation=organisation)
    eligibility_check(aid=aid, organisation=organisation)
    application = Application.objects.create(
        aid=aid, organisation=organisation, created_by=user, **_check_fields(fields)
    )
    _attach_documents(application=application, user=user, documents=documents, uploads=uploads)
    return application


@transaction.atomic
def application_update(
    *,
    application: Application,
    user,
    expected_version: int | None = None,
    documents=(),
    removed_documents=(),
    uploads=(),
    **fields,
) -> Application:
    """Change a draft, or an application sent back as incomplete; a submitted one is the provider's to read."""
    _check_writer(user=user, organisation=application.organisation)
    locked = application_lock(application=application, expected_version=expected_version)
    if locked.status not in APPLICANT_EDITABLE:
        raise ValidationError(_("A submitted application can no longer be changed."), code="not_editable")
    for name, value in _check_fields(fields).items():
        setattr(locked, name, value)
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.save()
    locked.documents.remove(*removed_documents)
    _attach_documents(application=locked, user=user, documents=documents, uploads=uploads)
    return locked


@transaction.atomic
def application_submit(*, application: Application, user, expected_version: int | None = None) -> Application:
    """Send the application to the provider: the first time, it gets its receipt number and timestamp and the
    applicant an acknowledgement; an incomplete one goes back with its additions."""
    _check_writer(user=user, organisation=application.organisation)
    locked = application_lock(application=application, expected_version=expected_version)
    if locked.amount_requested <= 0:
        # A draft may wait with a nil amount while the budget is drawn up; the provider gets none.
        raise ValidationError(
            {"amount_requested": _("Give the amount requested (more than 0 €) before sending the application.")},
            code="nil_amount",
        )
    changes = {}
    if locked.status == Status.DRAFT:
        # A draft saved while the aid was open is sent only if it still is.
        eligibility_check(aid=locked.aid, organisation=locked.organisation)
        now = timezone.now()
        changes = {"submitted_at": now, "receipt_number": f"SUB-{timezone.localtime(now).year}-{locked.pk:06d}"}
    return transition_apply(application=locked, to_status=Status.SUBMITTED, actor=user, changes=changes)
