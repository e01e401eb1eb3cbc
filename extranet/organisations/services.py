"""Writes of organisations, memberships and invitations.

Wagtail groups and page permissions mirror memberships; only these functions change them, so the
two never drift apart.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, PageViewRestriction

from extranet.accounts.services import user_create
from extranet.core.services import email_enqueue

from .models import Invitation, Membership, Organisation, OrganisationGroup, Role
from .pages import OrganisationSpacePage, SpacesIndexPage
from .wording import article_guess

DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
PAGE_PERMISSIONS_BY_ROLE = {
    Role.MEMBER: [],
    Role.EDITOR: ["add_page", "change_page", "publish_page"],
    Role.ADMIN: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def organisation_create(**fields) -> Organisation:
    """Create an organisation with its role groups and its private space page; without an article, the one its
    name most likely takes."""
    fields.setdefault("article", article_guess(fields.get("name", "")))
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    organisation_provision(organisation=organisation)
    return organisation


@transaction.atomic
def organisation_provision(*, organisation: Organisation) -> None:
    """Make sure the organisation has its role groups, a restricted space page and its sections; idempotent.

    Feature apps add their own per-organisation section pages through the `provision_organisation` hook
    (a function taking `organisation=`), usually with `organisation_section_page`.
    """
    groups = [_role_group(organisation, role) for role in Role]
    space = organisation_section_page(
        organisation=organisation, parent=SpacesIndexPage.objects.get(), page_class=OrganisationSpacePage
    )
    restriction, _created = PageViewRestriction.objects.get_or_create(
        page=space, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(groups)
    _provision_documents_collection(organisation=organisation)
    for provision_section in hooks.get_hooks("provision_organisation"):
        provision_section(organisation=organisation)


def organisation_section_page(*, organisation: Organisation, parent: Page, page_class: type[Page], **fields) -> Page:
    """Return the organisation's page of this class under `parent`, created or kept in step with its name.

    The organisation's editors and administrators get Wagtail's page permissions on it, so they manage
    what it holds and nothing of another organisation.
    """
    page = page_class.objects.filter(organisation=organisation).first()
    if page is None:
        page = parent.add_child(
            instance=page_class(title=organisation.name, slug=organisation.slug, organisation=organisation, **fields)
        )
    elif (page.title, page.slug) != (organisation.name, organisation.slug):
        page.title, page.slug = organisation.name, organisation.slug
        page.save_revision().publish()
    _grant_page_permissions(organisation=organisation, page=page)
    return page


def _grant_page_permissions(*, organisation: Organisation, page: Page) -> None:
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for role in Role:
        group = _role_group(organisation, role)
        codenames = PAGE_PERMISSIONS_BY_ROLE[role]
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        if codenames:
            group.permissions.add(admin_access)


def _provision_documents_collection(*, organisation: Organisation) -> None:
    """The organisation's Wagtail collection, named after it: its editors and administrators upload and choose the
    files of their public pages there, and see no other organisation's."""
    collection = organisation.documents_collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=organisation.name)
        organisation.documents_collection = collection
        organisation.save(update_fields=["documents_collection"])
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])
    permissions = Permission.objects.filter(content_type__app_label="wagtaildocs", codename__in=DOCUMENT_PERMISSIONS)
    for role in (Role.EDITOR, Role.ADMIN):
        group = _role_group(organisation, role)
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _role_group(organisation: Organisation, role: Role) -> Group:
    """Return the group of this role, named after the current slug so that a former slug can be reused."""
    name = f"{organisation.slug} · {role.value}"
    link = OrganisationGroup.objects.filter(organisation=organisation, role=role).select_related("group").first()
    if link is None:
        group = Group.objects.create(name=name)
        link = OrganisationGroup.objects.create(organisation=organisation, role=role, group=group)
    elif link.group.name != name:
        link.group.name = name
        link.group.save(update_fields=["name"])
    return link.group


def _sync_groups(*, user, organisation: Organisation, role: Role | None) -> None:
    """Put the user in the group of their role in this organisation, and in no other group of it."""
    links = OrganisationGroup.objects.filter(organisation=organisation).select_related("group")
    user.groups.remove(*[link.group for link in links if link.role != role])
    if role is not None:
        user.groups.add(*[link.group for link in links if link.role == role])


@transaction.atomic
def membership_set(*, organisation: Organisation, user, role: Role = Role.MEMBER) -> Membership:
    """Make the user a member of the organisation with this role (creating or updating the membership)."""
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not created and membership.role != role:
        _ensure_an_admin_remains(membership=membership, new_role=role)
        membership.role = role
        membership.save(update_fields=["role"])
    _sync_groups(user=user, organisation=organisation, role=Role(role))
    if created:
        # Features holding copies of what memberships allow (the directory's search entries) update them.
        for membership_added in hooks.get_hooks("membership_added"):
            membership_added(organisation=organisation, user=user)
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: Role) -> Membership:
    return membership_set(organisation=membership.organisation, user=membership.user, role=role)


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """Remove a member; an organisation with administrators always keeps at least one."""
    _ensure_an_admin_remains(membership=membership, new_role=None)
    _sync_groups(user=membership.user, organisation=membership.organisation, role=None)
    membership.delete()
    # Features holding copies of what a membership allowed (the directory's search entries) update them.
    for membership_removed in hooks.get_hooks("membership_removed"):
        membership_removed(organisation=membership.organisation, user=membership.user)


def _ensure_an_admin_remains(*, membership: Membership, new_role: Role | None) -> None:
    if membership.role != Role.ADMIN or new_role == Role.ADMIN:
        return
    # Lock the admins' rows so that two admins demoting each other at once cannot both succeed.
    admins = list(Membership.objects.select_for_update().filter(organisation=membership.organisation, role=Role.ADMIN))
    if len(admins) <= 1:
        raise ValidationError(
            _("An organisation must keep at least one administrator: name another one first."),
            code="last_admin",
        )


SETTINGS_FIELDS = ("article", "siren", "siret", "require_two_factor")


@transaction.atomic
def organisation_update_settings(
    *, organisation: Organisation, user, require_two_factor: bool, siren: str, siret: str, article: str | None = None
) -> Organisation:
    """What an organisation's administrators set themselves: the article sentences name it with (None keeps it),
    two-factor authentication, and the SIREN and SIRET
    its open-data exports name it by. A SIRET can be corrected, not removed: those exports need one. A SIRET
    entered alone brings its SIREN (its first nine digits). Each change shows in the organisation's history in the
    Wagtail admin, with its old and new values and who made it."""
    stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if stored.siret and not siret:
        message = _(
            "The SIRET can be corrected but not removed: the open-data exports of the organisation's acts, "
            "contracts and subsidies name it by this number."
        )
        raise ValidationError({"siret": ValidationError(message, code="siret_required")})
    organisation.require_two_factor, organisation.siren, organisation.siret = (
        require_two_factor,
        siren or siret[:9],
        siret,
    )
    if article is not None:
        organisation.article = article
    # Only what this page sets is checked: a flaw elsewhere in the record is for the staff to mend.
    organisation.full_clean(
        exclude=[field.name for field in Organisation._meta.fields if field.name not in SETTINGS_FIELDS]
    )
    changes = {
        name: [getattr(stored, name), getattr(organisation, name)]
        for name in SETTINGS_FIELDS
        if getattr(stored, name) != getattr(organisation, name)
    }
    if not changes:
        return organisation
    try:
        with transaction.atomic():
            organisation.save(update_fields=list(changes))
    except IntegrityError:  # another organisation took this SIRET since `full_clean()` looked
        message = _("Another organisation already has this SIRET.")
        raise ValidationError({"siret": ValidationError(message, code="siret_taken")}) from None
    log(instance=organisation, action="wagtail.edit", user=user, data={"changes": changes})
    return organisation


@transaction.atomic
def invitation_create(*, organisation: Organisation, email: str, role: Role, invited_by) -> Invitation:
    """Invite someone by e-mail; the link in the e-mail is the only copy of the token."""
    email = get_user_model().objects.normalize_email(email)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("This person is already a member of the organisation."), code="already_member")
    Invitation.objects.filter(organisation=organisation, email__iexact=email, accepted_at=None, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=_token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + settings.INVITATION_VALIDITY,
    )
    existing = get_user_model().objects.filter(email__iexact=email).first()
    email_enqueue(
        to=email,
        template="organisations/email/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "inviter_name": invited_by.full_name,
            "role": invitation.get_role_display(),
            "url": settings.SITE_URL + reverse("organisations:invitation_accept", args=[token]),
            "expires_at": invitation.expires_at,
        },
        language=existing.preferred_language if existing else None,
    )
    return invitation


def invitation_get_by_token(*, token: str) -> Invitation:
    """Return the invitation a link points to, or explain in French why it cannot be used."""
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=_token_hash(token)).first()
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid."), code="invalid")
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been withdrawn by the organisation."), code="revoked")
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the organisation's administrator for a new one."), code="expired"
        )
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    """Attach the user to the invitation's organisation; a token works once only."""
    invitation = invitation_get_by_token(token=token)
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _("This invitation was sent to another e-mail address. Log in with that address to accept it."),
            code="wrong_user",
        )
    used = Invitation.objects.filter(pk=invitation.pk, accepted_at=None).update(
        accepted_at=timezone.now(), accepted_by=user
    )
    if not used:
        raise ValidationError(_("This invitation has already been used."), code="used")
    existing = Membership.objects.filter(user=user, organisation=invitation.organisation).first()
    if existing is not None:
        return existing
    return membership_set(organisation=invitation.organisation, user=user, role=Role(invitation.role))


@transaction.atomic
def invitation_accept_with_signup(*, token: str, first_name: str, last_name: str, password: str):
    """Create the invited person's account, then accept the invitation with it."""
    invitation = invitation_get_by_token(token=token)
    user = user_create(email=invitation.email, password=password, first_name=first_name, last_name=last_name)
    invitation_accept(token=token, user=user)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None, revoked_at=None).update(revoked_at=timezone.now())


@transaction.atomic
def organisation_sync_groups(*, organisation: Organisation) -> int:
    """Rebuild the organisation's groups, page restriction and permissions from its memberships.

    Returns how many users had to be added to or removed from a group; 0 means everything was in step.
    """
    organisation_provision(organisation=organisation)
    changes = 0
    for link in OrganisationGroup.objects.filter(organisation=organisation).select_related("group"):
        expected = set(
            Membership.objects.filter(organisation=organisation, role=link.role).values_list("user_id", flat=True)
        )
        actual = set(link.group.user_set.values_list("pk", flat=True))
        link.group.user_set.remove(*(actual - expected))
        link.group.user_set.add(*(expected - actual))
        changes += len(actual ^ expected)
    return changes
