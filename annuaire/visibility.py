"""The one place that decides which directory fields a viewer may read.

Pages, vCard and CSV exports and the search index all ask `person_card_visible_fields` and
`organisation_visible_fields`; nothing else reads a card's contact fields for display.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from extranet.organisations.models import ROLE_RANK, Membership, Role

from .models import VISIBILITY_RANK, Visibility

# Each displayed field of a card and the visibility setting that governs it.
PERSON_FIELD_VISIBILITY = {
    "function": "function_visibility",
    "service": "function_visibility",
    "phone": "phone_visibility",
    "mobile": "mobile_visibility",
    "email": "email_visibility",
    "photo": "photo_visibility",
}
ORGANISATION_PUBLIC_FIELDS = (
    "address",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "opening_hours",
    "population",
    "head_name",
    "head_title",
)
ORGANISATION_MEMBER_FIELDS = ("internal_phone", "internal_email")


@dataclass(frozen=True)
class Viewer:
    """What the directory needs to know about the person looking, read once per request."""

    user_id: int | None = None
    is_superuser: bool = False
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    admin_organisation_ids: frozenset[int] = field(default_factory=frozenset)
    # Set when every membership is of a training sandbox, whose trainees are not members of the platform.
    only_sandboxes: bool = False

    @property
    def is_member(self) -> bool:
        """A member of any real organisation of the platform (superusers act as members of all)."""
        return self.is_superuser or (bool(self.organisation_ids) and not self.only_sandboxes)

    def audiences(self) -> set[str]:
        """The visibility levels this viewer reaches without sharing an organisation with the person."""
        return {Visibility.PUBLIC, Visibility.MEMBERS} if self.is_member else {Visibility.PUBLIC}

    def administers(self, organisation_id: int) -> bool:
        return self.is_superuser or organisation_id in self.admin_organisation_ids


ANONYMOUS = Viewer()


def directory_viewer(*, user) -> Viewer:
    """The viewer's memberships in one query; anonymous and inactive users see public fields only."""
    if not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    rows = list(
        Membership.objects.filter(user=user).values_list("organisation_id", "role", "organisation__training_sandbox")
    )
    memberships = [(organisation_id, role) for organisation_id, role, _sandbox in rows]
    return Viewer(
        user_id=user.pk,
        only_sandboxes=bool(rows) and all(sandbox is not None for *_fields, sandbox in rows),
        is_superuser=user.is_superuser,
        organisation_ids=frozenset(organisation_id for organisation_id, _role in memberships),
        admin_organisation_ids=frozenset(
            organisation_id for organisation_id, role in memberships if ROLE_RANK[role] >= ROLE_RANK[Role.ADMIN]
        ),
    )


def narrowest(*visibilities: str) -> Visibility:
    return Visibility(min(visibilities, key=lambda value: VISIBILITY_RANK[Visibility(value)]))


def organisation_limit(card) -> Visibility:
    """The widest audience the card's organisation lets its members choose (public without a profile)."""
    profile = getattr(card.organisation, "directory_profile", None)
    return Visibility(profile.widest_person_visibility) if profile else Visibility.PUBLIC


def person_field_visibility(card, name: str) -> Visibility:
    """A field's effective audience: the person's choice, bounded by the card's and the organisation's."""
    limit = organisation_limit(card)
    if name == "card":
        return narrowest(card.card_visibility, limit)
    return narrowest(getattr(card, PERSON_FIELD_VISIBILITY[name]), card.card_visibility, limit)


def person_organisation_ids(card) -> frozenset[int]:
    """Every organisation the card's person belongs to (listings prefetch the memberships: no query per card)."""
    return frozenset(
        {card.organisation_id, *(membership.organisation_id for membership in card.user.memberships.all())}
    )


def viewer_reaches(
    *, viewer: Viewer, visibility: str, organisation_ids: frozenset[int], owner_id: int | None = None
) -> bool:
    """Whether the viewer may read a field of this audience; sharing any organisation with the person is enough.

    "My organisation only" means the viewer is a member of at least one of the person's organisations (any of
    their memberships, not only the card's organisation).
    """
    if viewer.is_superuser or (owner_id is not None and viewer.user_id == owner_id):
        return True
    if viewer.organisation_ids & organisation_ids:
        return True
    return visibility in viewer.audiences()


def person_display_name(user) -> str:
    """The person's name, never their e-mail address (which has its own visibility)."""
    return user.get_full_name() or gettext("Unnamed person")


def _person_values(card) -> dict:
    return {
        "function": card.function,
        "service": card.service.name if card.service_id else "",
        "phone": card.phone,
        "mobile": card.mobile,
        "email": card.email or card.user.email,
        # The stored name: views turn it into the person_photo address or read it for a vCard.
        "photo": card.photo.name if card.photo else "",
    }


def person_card_visible_fields(*, viewer: Viewer, card) -> dict | None:
    """The card's fields the viewer may read (absent keys are hidden), or None if the card itself is hidden."""
    reaches = {
        "organisation_ids": person_organisation_ids(card),
        "owner_id": card.user_id,
        "viewer": viewer,
    }
    if not viewer_reaches(visibility=person_field_visibility(card, "card"), **reaches):
        return None
    visible = {"name": person_display_name(card.user), "organisation": card.organisation}
    for name, value in _person_values(card).items():
        if value and viewer_reaches(visibility=person_field_visibility(card, name), **reaches):
            visible[name] = value
    return visible


def person_card_fields_for_audience(*, card, audience: Visibility) -> dict | None:
    """The fields everyone in one audience may read, whatever their own organisation (for the search index)."""
    rank = VISIBILITY_RANK[audience]
    if VISIBILITY_RANK[person_field_visibility(card, "card")] < rank:
        return None
    visible = {"name": person_display_name(card.user), "organisation": card.organisation}
    for name, value in _person_values(card).items():
        if value and VISIBILITY_RANK[person_field_visibility(card, name)] >= rank:
            visible[name] = value
    return visible


def organisation_visible_fields(*, viewer: Viewer, profile) -> dict:
    """The directory entry's fields the viewer may read: internal lines for members of any organisation."""
    if profile is None:
        return {}
    names = ORGANISATION_PUBLIC_FIELDS + (ORGANISATION_MEMBER_FIELDS if viewer.is_member else ())
    return {name: getattr(profile, name) for name in names if getattr(profile, name) not in ("", None)}
