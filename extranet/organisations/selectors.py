"""Permission-aware reads of organisations: every feature asks these who may see and do what.

Missing and forbidden look the same from outside: both raise Http404.
"""

from django.http import Http404
from django.utils import timezone

from .models import ROLE_RANK, Invitation, Membership, Organisation, Role

ACTION_MINIMUM_ROLE = {
    "view": Role.MEMBER,
    "edit_content": Role.EDITOR,
    "manage_members": Role.ADMIN,
    "manage_settings": Role.ADMIN,
}


def membership_get(*, user, organisation) -> Membership | None:
    """Return the user's membership of the organisation, or None."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def user_role_in(*, user, organisation, membership=None) -> Role | None:
    """Return the role through which the user acts in the organisation; platform superusers act as admins."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    membership = membership or membership_get(user=user, organisation=organisation)
    return Role(membership.role) if membership else None


class UserRoles(dict):
    """{organisation_id: role}, and whether one of these organisations is a real one (`platform_member`).

    A training sandbox's organisation (`extranet.sandbox`) gives its trainees their roles in it, but not what is
    shared with every member of the platform: only a membership of a real organisation opens that.
    """

    def __init__(self, roles=(), *, platform_member: bool | None = None):
        super().__init__(roles)
        self.platform_member = bool(self) if platform_member is None else platform_member


def user_roles(*, user) -> UserRoles:
    """The user's role in each organisation id, in one query; platform superusers are admins everywhere."""
    if not user.is_authenticated or not user.is_active:
        return UserRoles()
    if user.is_superuser:
        return UserRoles(dict.fromkeys(Organisation.objects.values_list("pk", flat=True), Role.ADMIN))
    rows = list(
        Membership.objects.filter(user=user).values_list("organisation_id", "role", "organisation__training_sandbox")
    )
    return UserRoles(
        {organisation_id: role for organisation_id, role, _sandbox in rows},
        platform_member=any(sandbox is None for _id, _role, sandbox in rows),
    )


def is_platform_member(roles: dict[int, str]) -> bool:
    """Whether these roles (from `user_roles`) open what is shared with every member of the platform."""
    return getattr(roles, "platform_member", bool(roles))


def real_organisations():
    """Every organisation but the training sandboxes: the audience of what is shared with "all organisations"."""
    return Organisation.objects.filter(training_sandbox__isnull=True)


def organisation_get_abilities(*, user, organisation, membership=None) -> dict[str, bool]:
    """Say which actions the user may take in the organisation, for views and templates alike."""
    role = user_role_in(user=user, organisation=organisation, membership=membership)
    rank = ROLE_RANK[role] if role else 0
    return {action: rank >= ROLE_RANK[minimum] for action, minimum in ACTION_MINIMUM_ROLE.items()}


def user_can(*, user, action: str, organisation) -> bool:
    return organisation_get_abilities(user=user, organisation=organisation)[action]


def organisation_get_for_member(*, user, slug: str, action: str = "view") -> Organisation:
    """Return the organisation if the user may take `action` in it; Http404 if missing or forbidden."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not user_can(user=user, action=action, organisation=organisation):
        raise Http404
    return organisation


def membership_get_in(*, organisation, membership_id: int) -> Membership:
    """Return a membership of this organisation; Http404 for one of another organisation."""
    membership = Membership.objects.select_related("user").filter(pk=membership_id, organisation=organisation).first()
    if membership is None:
        raise Http404
    return membership


def invitation_get_in(*, organisation, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(pk=invitation_id, organisation=organisation).first()
    if invitation is None:
        raise Http404
    return invitation


def membership_list_for_user(*, user):
    """The user's memberships with their organisations, for the dashboard and the navigation."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__parent")
        .order_by("organisation__name")
    )


def membership_cards_for_user(*, user):
    """The user's memberships as the dashboard shows them: role, organisation's name and kind, space page's URL.

    Only those columns: a whole organisation and Wagtail page per card cost the dashboard twice as much.
    """
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation__space_page")
        .only(
            "role",
            "organisation__name",
            "organisation__kind",
            "organisation__space_page__url_path",
            "organisation__space_page__locale_id",
        )
        .order_by("organisation__name")
    )


def membership_list_for_organisation(*, organisation):
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def invitation_list_pending(*, organisation):
    return (
        Invitation.objects.filter(
            organisation=organisation, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )


def organisation_admin_count(*, organisation) -> int:
    return Membership.objects.filter(organisation=organisation, role=Role.ADMIN).count()


def user_two_factor_required(*, user) -> bool:
    """Tell whether one of the user's organisations requires two-factor authentication."""
    return Membership.objects.filter(user=user, organisation__require_two_factor=True).exists()


def organisation_public_list():
    """Organisations as anyone may see them: public fields only; training sandboxes are not listed."""
    return (
        real_organisations()
        .select_related("parent")
        .only("kind", "name", "slug", "insee_code", "description", "parent__name", "parent__slug")
    )


def space_article_list(*, space):
    from .pages import SpaceArticlePage

    return SpaceArticlePage.objects.child_of(space).live().order_by("-first_published_at")


def space_tree_paths(*, organisation_ids) -> tuple[str | None, list[str]]:
    """The spaces index's tree path and the tree paths of the spaces of `organisation_ids` (the user's own), to
    hide the other spaces.

    Wagtail's admin shows a page's title in views that check no permission (the explorer's header, the move
    confirmation, the page chooser, the bulk actions' confirmation); the private spaces of other organisations
    must not show there.
    """
    from .pages import OrganisationSpacePage, SpacesIndexPage

    index_path = SpacesIndexPage.objects.values_list("path", flat=True).first()
    own = OrganisationSpacePage.objects.filter(organisation_id__in=organisation_ids).values_list("path", flat=True)
    return index_path, list(own)


def page_is_in_foreign_space(*, user, page) -> bool:
    """Whether the page is (or is under) the private space of an organisation the user is not a member of."""
    if user.is_superuser:
        return False
    index_path, own = space_tree_paths(organisation_ids=list(user_roles(user=user)))
    if index_path is None or not page.path.startswith(index_path) or len(page.path) <= len(index_path):
        return False
    return not any(page.path.startswith(path) for path in own)


def pages_outside_foreign_spaces(*, user, pages):
    """The pages of a queryset, less those in the private spaces of organisations the user is not a member of,
    and less the pages not live that the user may not change (other organisations' drafts)."""
    from django.db.models import Q
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if user.is_superuser:
        return pages
    changeable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    pages = pages.exclude(Q(live=False) & ~Q(pk__in=changeable.values("pk")))
    organisation_ids = list(user_roles(user=user))
    foreign_drafts = _foreign_unsubmitted_drafts(organisation_ids=organisation_ids)
    if foreign_drafts is not None:
        pages = pages.exclude(foreign_drafts)
    index_path, own = space_tree_paths(organisation_ids=organisation_ids)
    if index_path is None:
        return pages
    inside_spaces = Q(path__startswith=index_path) & Q(depth__gt=len(index_path) // 4)
    for path in own:
        inside_spaces &= ~Q(path__startswith=path)
    return pages.exclude(inside_spaces)


def _foreign_unsubmitted_drafts(*, organisation_ids):
    """The drafts of other organisations' public sections that no workflow submitted: the département's approvers
    may publish a commune's notices (to approve them), but its drafts are not theirs to read before submission."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from wagtail.models import Page, WorkflowState

    from extranet.public.pages import OrganisationSectionPage

    index_paths, own_paths = set(), []
    for model in apps.get_models():
        if issubclass(model, OrganisationSectionPage):
            first = model.objects.values_list("path", flat=True).first()
            if first:
                index_paths.add(first[: -Page.steplen])
            own_paths += model.objects.filter(organisation_id__in=organisation_ids).values_list("path", flat=True)
    if not index_paths:
        return None
    submitted = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
    ).values_list("object_id", flat=True)
    below_a_section = Q()
    for path in index_paths:
        below_a_section |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen + 1)
    own = Q(pk__in=[])
    for path in own_paths:
        own |= Q(path__startswith=path)
    return Q(live=False) & below_a_section & ~own & ~Q(pk__in=[int(pk) for pk in submitted])


def admin_page_get_for_user(*, user, page_id):
    """A page of the Wagtail admin's URLs; Http404 for a missing one, for one of another organisation's space and
    for a page not live that the user may not edit (another organisation's draft: its title is not theirs to read,
    while its approvers, whom Wagtail lets edit it, still reach it)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None or page_is_in_foreign_space(user=user, page=page):
        raise Http404
    if not page.live and not user.is_superuser and not page.permissions_for_user(user).can_edit():
        raise Http404
    return page
