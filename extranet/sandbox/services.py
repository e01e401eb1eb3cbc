"""Writes of training sandboxes: create, reset, delete, expire.

Trainee passwords are never stored in clear: `sandbox_create` and `sandbox_reset` return them once, for the
printable list, and the views keep them in the trainer's session only until the list is printed or closed.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

from extranet.accounts.services import user_create
from extranet.organisations.models import Organisation, OrganisationKind, Role
from extranet.organisations.services import membership_set, organisation_create, organisation_provision
from forums.services import posts_of_accounts_release

from .content import sample_content_create, sample_content_remove
from .dismantle import organisation_dismantle
from .models import MAX_LIFETIME_DAYS, MAX_TRAINEES, Sandbox, Trainee

# Easy to read aloud and to type: no 0/O, 1/l/I.
CONSONANTS = "bcdfghjkmnprstvz"
VOWELS = "aeiou"
DIGITS = "23456789"


@dataclass(frozen=True)
class Login:
    """One line of the printable list: shown once, never stored."""

    number: int
    email: str
    password: str


def readable_password() -> str:
    """Three pronounceable syllable groups and two digits, e.g. "kobare-timupa-sevodi-47" (about 70 bits)."""
    words = ["".join(secrets.choice(CONSONANTS) + secrets.choice(VOWELS) for _ in range(3)) for _ in range(3)]
    return "-".join(words) + "-" + "".join(secrets.choice(DIGITS) for _ in range(2))


def trainee_email(*, organisation: Organisation, number: int) -> str:
    return f"stagiaire-{organisation.slug}-{number:02d}@{settings.SANDBOX_TRAINEE_EMAIL_DOMAIN}"


def _check(*, name: str, trainees: int, expires_at: datetime) -> str:
    name = " ".join((name or "").split())
    errors = {}
    if not name:
        errors["name"] = _("Give the sandbox a name.")
    elif Organisation.objects.filter(name__iexact=name).exists() or not slugify(name):
        errors["name"] = _("This name is already used by an organisation, or unusable: choose another one.")
    if not 1 <= trainees <= MAX_TRAINEES:
        errors["trainees"] = _("Choose between 1 and %(max)d trainees.") % {"max": MAX_TRAINEES}
    zone = get_default_timezone()
    if expires_at <= timezone.now():
        errors["expires_at"] = _("The expiry date must be in the future.")
    elif timezone.localdate(expires_at, zone) > timezone.localdate(timezone=zone) + timedelta(days=MAX_LIFETIME_DAYS):
        errors["expires_at"] = _("A sandbox lasts at most %(days)d days.") % {"days": MAX_LIFETIME_DAYS}
    if errors:
        raise ValidationError(errors)
    return name


def _unique_slug(name: str) -> str:
    base = f"formation-{slugify(name)}"[:60]
    slug, suffix = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _trainees_create(*, sandbox: Sandbox) -> list[Login]:
    organisation, logins = sandbox.organisation, []
    for number in range(1, sandbox.trainee_count + 1):
        email, password = trainee_email(organisation=organisation, number=number), readable_password()
        user = user_create(
            email=email, password=password, first_name=_("Trainee"), last_name=f"{number:02d}", preferred_language="fr"
        )
        Trainee.objects.create(sandbox=sandbox, user=user, number=number)
        membership_set(organisation=organisation, user=user, role=Role.MEMBER)
        logins.append(Login(number=number, email=email, password=password))
    return logins


def _trainees_delete(*, sandbox: Sandbox) -> None:
    trainees = get_user_model().objects.filter(trainee__sandbox=sandbox)
    # Accounts made before trainees were kept inside their sandbox may have posted in shared forums.
    posts_of_accounts_release(user_ids=list(trainees.values_list("pk", flat=True)), name=_("Former trainee"))
    trainees.delete()


@transaction.atomic
def sandbox_create(*, name: str, trainees: int, expires_at: datetime, by) -> tuple[Sandbox, list[Login]]:
    """A practice organisation with its trainees and sample content; returns the sandbox and the logins to print."""
    name = _check(name=name, trainees=trainees, expires_at=expires_at)
    organisation = organisation_create(
        kind=OrganisationKind.OTHER,
        name=name,
        slug=_unique_slug(name),
        description=_("Training sandbox: practice content, deleted on %(date)s.")
        % {"date": timezone.localdate(expires_at, get_default_timezone()).strftime("%d/%m/%Y")},
    )
    sandbox = Sandbox.objects.create(
        organisation=organisation, created_by=by, trainee_count=trainees, expires_at=expires_at
    )
    # Provisioning ran before the organisation was known as a sandbox, and granted its groups the shared forums
    # open to every organisation: provisioned again, it leaves them out (`real_organisations`).
    organisation_provision(organisation=organisation)
    logins = _trainees_create(sandbox=sandbox)
    sample_content_create(organisation=organisation, author=by)
    return sandbox, logins


@transaction.atomic
def sandbox_reset(*, sandbox: Sandbox, by) -> list[Login]:
    """Back to the initial state: the sample content again and fresh trainee accounts (new passwords).

    The trainees' accounts are recreated rather than edited, so that whatever they did anywhere (profile,
    subscriptions, second factor, small ads) goes with them.
    """
    sandbox = Sandbox.objects.select_for_update().select_related("organisation").get(pk=sandbox.pk)
    sample_content_remove(organisation=sandbox.organisation)
    _trainees_delete(sandbox=sandbox)
    logins = _trainees_create(sandbox=sandbox)
    sample_content_create(organisation=sandbox.organisation, author=by)
    sandbox.reset_at = timezone.now()
    sandbox.save(update_fields=["reset_at"])
    return logins


@transaction.atomic
def sandbox_delete(*, sandbox: Sandbox) -> None:
    """Delete the sandbox's trainees, content and organisation, with its pages, forums, calendar and groups."""
    organisation = sandbox.organisation
    sample_content_remove(organisation=organisation)
    _trainees_delete(sandbox=sandbox)
    organisation_dismantle(organisation=organisation)


def sandbox_expire(*, now: datetime | None = None) -> int:
    """Delete every sandbox past its expiry date, each in its own transaction; return how many. Idempotent."""
    count = 0
    for sandbox in Sandbox.objects.filter(expires_at__lte=now or timezone.now()).select_related("organisation"):
        sandbox_delete(sandbox=sandbox)
        count += 1
    return count
