"""Permission-aware reads of the directory; field visibility itself is decided in `visibility.py`."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Lower
from django.http import Http404

from extranet.organisations.models import Membership, Organisation, OrganisationKind
from extranet.organisations.selectors import real_organisations
from extranet.search.selectors import search_matching_ids

from .models import PeopleImport, PersonCard, Service
from .visibility import Viewer, person_card_visible_fields


def organisation_directory_list(*, kind: str = "", epci: str = "", query: str = "", user=None):
    """Every organisation (training sandboxes aside) with its directory entry and parent, in one query, filtered;
    the query matches part of a name, a city or an INSEE code, or words as the search finds them for `user`
    ("orleans" finds Orléans)."""
    organisations = real_organisations().select_related("parent", "directory_profile").order_by("name")
    if kind:
        organisations = organisations.filter(kind=kind)
    if epci:
        organisations = organisations.filter(Q(parent__slug=epci) | Q(slug=epci))
    if query:
        found = search_matching_ids(user=user or AnonymousUser(), query=query, model=Organisation)
        organisations = organisations.filter(
            Q(name__icontains=query)
            | Q(insee_code=query)
            | Q(directory_profile__city__icontains=query)
            | Q(pk__in=found)
        )
    return organisations


def epci_list():
    return Organisation.objects.filter(kind=OrganisationKind.EPCI).order_by("name").only("name", "slug")


def organisation_directory_get(*, slug: str, viewer: Viewer) -> Organisation:
    """An organisation's directory page is public, a training sandbox's only to its own people; else Http404."""
    organisation = (
        Organisation.objects.select_related("parent", "directory_profile", "training_sandbox")
        .prefetch_related(
            Prefetch("children", queryset=Organisation.objects.order_by("name").only("name", "slug", "parent"))
        )
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404
    sandbox = getattr(organisation, "training_sandbox", None)
    if sandbox is not None and not (viewer.is_superuser or organisation.pk in viewer.organisation_ids):
        raise Http404
    return organisation


def person_memberships_prefetch() -> Prefetch:
    """The person's memberships, read in one query for a whole page of cards (visibility needs them)."""
    return Prefetch("user__memberships", queryset=Membership.objects.only("pk", "user_id", "organisation_id"))


def _cards():
    """Cards of active people still members of the card's organisation (one membership per pair: no duplicates)."""
    return (
        PersonCard.objects.filter(user__is_active=True, user__memberships__organisation=F("organisation"))
        .select_related("user", "organisation", "organisation__directory_profile", "service")
        .prefetch_related(person_memberships_prefetch())
    )


def person_card_queryset_for(*, viewer: Viewer):
    """Cards whose card-level visibility lets the viewer see them; field-level checks happen per card."""
    cards = _cards()
    if viewer.is_superuser:
        return cards
    allowed = viewer.audiences()
    visible = Q(card_visibility__in=allowed) & (
        Q(organisation__directory_profile__isnull=True)
        | Q(organisation__directory_profile__widest_person_visibility__in=allowed)
    )
    if viewer.organisation_ids:
        # "My organisation only": the viewer shares any organisation with the person, not only the card's.
        shared = Membership.objects.filter(user_id=OuterRef("user_id"), organisation_id__in=viewer.organisation_ids)
        visible |= Q(Exists(shared))
    if viewer.user_id:
        visible |= Q(user_id=viewer.user_id)
    return cards.filter(visible)


def person_directory_list(*, viewer: Viewer, organisation=None, query: str = "", user=None):
    """The cards the viewer may see, ordered by name; callers page them, then ask for each card's fields.

    The query matches part of a first name, last name or organisation name, or words as the search finds them for
    `user` (the viewer): "lefevre" finds Lefèvre, "marie dupont" finds Marie Dupont.
    """
    cards = person_card_queryset_for(viewer=viewer)
    if organisation is not None:
        cards = cards.filter(organisation=organisation)
    if query:
        found = search_matching_ids(user=user or AnonymousUser(), query=query, model=PersonCard)
        cards = cards.filter(
            Q(user__last_name__icontains=query)
            | Q(user__first_name__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(pk__in=found)
        )
    return cards.order_by("user__last_name", "user__first_name", "pk")


def person_entries(*, viewer: Viewer, cards) -> list[dict]:
    """Each card with the fields the viewer may read, for listings and exports."""
    entries = []
    for card in cards:
        fields = person_card_visible_fields(viewer=viewer, card=card)
        if fields is not None:
            entries.append({"card": card, "fields": fields})
    return entries


def person_card_get_for_viewer(*, viewer: Viewer, card_id: int) -> tuple[PersonCard, dict]:
    """A card and the fields the viewer may read; Http404 for a missing card and a hidden one alike."""
    card = _cards().filter(pk=card_id).first()
    fields = person_card_visible_fields(viewer=viewer, card=card) if card else None
    if fields is None:
        raise Http404
    return card, fields


def person_card_photo_get_for_viewer(*, viewer: Viewer, card_id: int) -> str:
    """The stored name of the card's photo if the viewer may see it; Http404 for no card, no photo or a hidden one."""
    _card, fields = person_card_get_for_viewer(viewer=viewer, card_id=card_id)
    if not fields.get("photo"):
        raise Http404
    return fields["photo"]


def person_card_get_for_editor(*, viewer: Viewer, card_id: int) -> PersonCard:
    """A card the viewer may edit: their own, or one of an organisation they administer; Http404 otherwise."""
    card = _cards().filter(pk=card_id).first()
    if card is None or not (card.user_id == viewer.user_id or viewer.administers(card.organisation_id)):
        raise Http404
    return card


def person_card_of(*, user) -> PersonCard | None:
    return _cards().filter(user=user).first()


def person_card_abilities(*, viewer: Viewer, card) -> dict[str, bool]:
    return {
        "edit": card.user_id == viewer.user_id or viewer.administers(card.organisation_id),
        "export_csv": viewer.administers(card.organisation_id),
    }


def service_tree(*, organisation) -> tuple[list[dict], dict[int, dict]]:
    """The organisation's services as nested nodes (in one query), and each node by service id to add people."""
    services = list(Service.objects.filter(organisation=organisation).order_by("path"))
    by_path = {}
    roots = []
    for service in services:
        node = {"service": service, "children": [], "people": []}
        by_path[service.path] = node
        parent = by_path.get(service.path[: -Service.steplen])
        (parent["children"] if parent else roots).append(node)
    return roots, {service.pk: by_path[service.path] for service in services}


def memberships_of(*, organisation):
    return Membership.objects.filter(organisation=organisation).select_related("user")


def service_get_in(*, organisation, service_id: int) -> Service:
    service = Service.objects.filter(pk=service_id, organisation=organisation).first()
    if service is None:
        raise Http404
    return service


def account_emails_outside(*, organisation, emails: list[str]) -> set[str]:
    """Which of these (lower-cased) addresses belong to accounts that are not members of the organisation."""
    from django.contrib.auth import get_user_model

    members = Membership.objects.filter(organisation=organisation).values("user")
    found = set()
    # In batches: a large file holds more addresses than a database accepts parameters in one query.
    for start in range(0, len(emails), 500):
        batch = emails[start : start + 500]
        # Compared in lower case: addresses are unique without regard to case, and an account saved outside
        # the manager (Wagtail's user form, older data) may keep capitals.
        accounts = (
            get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=[email.lower() for email in batch])
            .exclude(pk__in=members)
        )
        found |= set(accounts.values_list("email_lower", flat=True))
    return found


def people_import_get_for_admin(*, user, slug: str, import_id: int) -> PeopleImport:
    """An import of an organisation the user administers the members of; Http404 for missing and forbidden alike."""
    from extranet.organisations.selectors import organisation_get_for_member

    organisation = organisation_get_for_member(user=user, slug=slug, action="manage_members")
    people_import = PeopleImport.objects.filter(pk=import_id, organisation=organisation).first()
    if people_import is None:
        raise Http404
    people_import.organisation = organisation
    return people_import
