"""Writes to the directory: cards, directory entries, services."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from extranet.organisations.models import Membership, Organisation
from extranet.search.services import search_refresh_later

from .models import VISIBILITY_RANK, OrganisationProfile, PersonCard, Service, Visibility
from .photos import CleanPhoto
from .storage import photo_storage
from .visibility import PERSON_FIELD_VISIBILITY

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


@transaction.atomic
def service_delete(*, service: Service) -> None:
    """Delete a service and its sub-services; their people keep their cards, without a service."""
    Organisation.objects.select_for_update().filter(pk=service.organisation_id).first()
    Service.objects.get(pk=service.pk).delete()


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
    return len(rows)
