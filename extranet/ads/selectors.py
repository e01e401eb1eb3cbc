"""Permission-aware reads of small ads; a missing ad and a forbidden one both raise Http404."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from extranet.organisations.models import Membership, Organisation, OrganisationKind, Role
from extranet.organisations.selectors import membership_list_for_user, organisation_get_abilities, real_organisations

from .models import Ad, AdPhoto, AdStatus, TrustedOrganisation

# Communes sit under an EPCI under the département: a few steps are enough, the bound only stops a cycle.
MAX_PARENT_STEPS = 10


def _public_filter():
    return Q(status=AdStatus.PUBLISHED, expires_at__gt=timezone.now())


def _with_photos(queryset):
    return queryset.prefetch_related(Prefetch("photos", queryset=AdPhoto.objects.order_by("position", "pk")))


def ad_list_public():
    """Published ads that have not reached their expiry date, newest first, with their organisation and photos."""
    return _with_photos(Ad.objects.filter(_public_filter()).select_related("organisation")).order_by(
        "-published_at", "-pk"
    )


def ad_get_public(*, pk: int) -> Ad:
    """A published, unexpired ad with what its page shows (the author's first name, never more)."""
    ad = _with_photos(Ad.objects.filter(_public_filter(), pk=pk).select_related("organisation", "author")).first()
    if ad is None:
        raise Http404
    return ad


def ad_organisations_with_public_ads():
    """The organisations that have something to show, for the list's filter."""
    return Organisation.objects.filter(pk__in=Ad.objects.filter(_public_filter()).values("organisation")).only(
        "name", "slug"
    )


def ad_list_for_author(*, user):
    """The user's own ads, whatever their status."""
    return (
        Ad.objects.filter(author=user)
        .select_related("organisation")
        .annotate(photo_count=Count("photos"))
        .order_by("-created_at", "-pk")
    )


def ad_get_for_author(*, user, pk: int) -> Ad:
    """One of the user's own ads; anybody else's is a 404, even for a colleague of the same organisation."""
    if not user.is_authenticated:
        raise Http404
    ad = _with_photos(Ad.objects.filter(author=user, pk=pk).select_related("organisation")).first()
    if ad is None:
        raise Http404
    return ad


def ad_organisations_for_author(*, user):
    """The organisations the user may post on behalf of: those they belong to, whatever their role.

    Not a training sandbox: its trainees' practice ads would reach the real moderators and the public site.
    """
    return (
        real_organisations().filter(pk__in=membership_list_for_user(user=user).values("organisation")).order_by("name")
    )


def ad_organisation_is_trusted(*, organisation) -> bool:
    return TrustedOrganisation.objects.filter(organisation=organisation).exists()


def departement_of(organisation_id: int, parents: dict[int, tuple[int | None, str]]) -> int | None:
    """The département an organisation belongs to through its parents, itself included; None if there is none.

    `parents` maps every organisation's id to (parent id, kind), so one query serves any number of lookups.
    """
    current = organisation_id
    for _step in range(MAX_PARENT_STEPS):
        if current is None:
            return None
        parent_id, kind = parents[current]
        if kind == OrganisationKind.DEPARTEMENT:
            return current
        current = parent_id
    return None


def organisation_parents() -> dict[int, tuple[int | None, str]]:
    return {pk: (parent_id, kind) for pk, parent_id, kind in Organisation.objects.values_list("pk", "parent", "kind")}


def _moderated_departements(*, user) -> set[int] | None:
    """Ids of the départements whose ads the user moderates (editors and admins); None means all of them."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    memberships = Membership.objects.filter(user=user, organisation__kind=OrganisationKind.DEPARTEMENT).select_related(
        "organisation"
    )
    return {
        membership.organisation_id
        for membership in memberships
        if organisation_get_abilities(user=user, organisation=membership.organisation, membership=membership)[
            "edit_content"
        ]
    }


def ad_user_can_moderate(*, user) -> bool:
    return _moderated_departements(user=user) != set()


def _moderated_organisations(*, user) -> set[int] | None:
    """Ids of the organisations whose ads the user moderates; None means every organisation.

    A département's editors moderate the ads of the organisations under it; the ads of organisations attached
    to no département (a partner body without a parent) are moderated by every département.
    """
    departements = _moderated_departements(user=user)
    if departements is None:
        return None
    if not departements:
        raise Http404
    parents = organisation_parents()
    return {pk for pk in parents if departement_of(pk, parents) in departements | {None}}


def ad_moderation_queue(*, user):
    """Ads awaiting moderation that the user may moderate, oldest first; Http404 for anyone else."""
    organisations = _moderated_organisations(user=user)
    queryset = Ad.objects.filter(status=AdStatus.PENDING)
    if organisations is not None:
        queryset = queryset.filter(organisation__in=organisations)
    return (
        queryset.select_related("organisation", "author")
        .annotate(photo_count=Count("photos"))
        .order_by("created_at", "pk")
    )


def ad_get_for_moderation(*, user, pk: int) -> Ad:
    """A pending ad the user may moderate; Http404 for a missing, moderated or out-of-reach one alike."""
    ad = _with_photos(ad_moderation_queue(user=user).filter(pk=pk)).first()
    if ad is None:
        raise Http404
    return ad


def ad_moderators(*, organisation) -> list:
    """Who moderates this organisation's ads: its département's editors and admins (every département's if none)."""
    parents = organisation_parents()
    departement = departement_of(organisation.pk, parents)
    departements = (
        [departement]
        if departement is not None
        else [pk for pk, (_parent, kind) in parents.items() if kind == OrganisationKind.DEPARTEMENT]
    )
    memberships = Membership.objects.filter(
        organisation__in=departements, role__in=[Role.EDITOR, Role.ADMIN], user__is_active=True
    ).select_related("user")
    return list({membership.user_id: membership.user for membership in memberships}.values())
