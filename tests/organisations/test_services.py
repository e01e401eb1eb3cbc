"""Writes of organisations: provisioning, memberships mirrored in Wagtail groups, invitations."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from extranet.organisations import services
from extranet.organisations.models import Invitation, Membership, OrganisationGroup, OrganisationSpacePage, Role
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory, invitation, membership

pytestmark = pytest.mark.django_db

LAST_ADMIN = "Une organisation doit garder au moins un administrateur"


def role_groups(organisation):
    return {link.role: link.group for link in OrganisationGroup.objects.filter(organisation=organisation)}


def page_permissions(group, space):
    return set(
        GroupPagePermission.objects.filter(group=group, page=space).values_list("permission__codename", flat=True)
    )


def can_view(user, page):
    """Whether Wagtail's view restrictions of the page let this user in."""
    request = RequestFactory().get(page.url)
    request.user = user
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def provisioning_state():
    return {
        "groups": Group.objects.count(),
        "links": OrganisationGroup.objects.count(),
        "pages": Page.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
    }


# Provisioning


def test_organisation_create_provisions_three_role_groups():
    """A new organisation gets one auth group per role."""
    organisation = services.organisation_create(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")

    groups = role_groups(organisation)

    assert set(groups) == {Role.MEMBER, Role.EDITOR, Role.ADMIN}
    assert len({group.pk for group in groups.values()}) == 3


def test_organisation_create_publishes_its_space_page_under_espaces():
    """The organisation's space is a live page at /espaces/<slug>/ titled with its name."""
    organisation = services.organisation_create(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")

    space = OrganisationSpacePage.objects.get(organisation=organisation)

    assert space.live
    assert space.title == "Jargeau"
    assert space.url == "/espaces/jargeau/"


def test_the_space_page_is_restricted_to_the_three_role_groups():
    """The space carries one GROUPS view restriction naming exactly the organisation's three groups."""
    organisation = OrganisationFactory()
    space = organisation.space_page

    restrictions = PageViewRestriction.objects.filter(page=space)

    assert [restriction.restriction_type for restriction in restrictions] == [PageViewRestriction.GROUPS]
    assert set(restrictions[0].groups.all()) == set(role_groups(organisation).values())


def test_editors_and_admins_get_page_permissions_on_the_space_but_members_do_not():
    """Editors may add, change and publish; admins may also lock; members may only read."""
    organisation = OrganisationFactory()
    groups, space = role_groups(organisation), organisation.space_page

    assert page_permissions(groups[Role.MEMBER], space) == set()
    assert page_permissions(groups[Role.EDITOR], space) == {"add_page", "change_page", "publish_page"}
    assert page_permissions(groups[Role.ADMIN], space) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert not groups[Role.MEMBER].permissions.filter(codename="access_admin").exists()
    assert groups[Role.EDITOR].permissions.filter(codename="access_admin").exists()


def test_organisation_provision_is_idempotent():
    """Provisioning again creates no group, page, restriction or permission."""
    organisation = OrganisationFactory()
    before = provisioning_state()

    services.organisation_provision(organisation=organisation)
    services.organisation_provision(organisation=organisation)

    assert provisioning_state() == before


def test_organisation_provision_follows_a_rename():
    """After a new name and slug, the space page has the new title and answers at the new address."""
    organisation = OrganisationFactory(name="Jargeau", slug="jargeau")
    organisation.name, organisation.slug = "Jargeau-sur-Loire", "jargeau-sur-loire"
    organisation.save()

    services.organisation_provision(organisation=organisation)

    space = OrganisationSpacePage.objects.get(organisation=organisation)
    assert OrganisationSpacePage.objects.count() == 1
    assert (space.title, space.slug, space.live) == ("Jargeau-sur-Loire", "jargeau-sur-loire", True)
    assert space.url == "/espaces/jargeau-sur-loire/"


def test_a_freed_slug_can_be_given_to_a_new_organisation():
    """Once an organisation has been renamed, a new organisation may take its former slug."""
    organisation = OrganisationFactory(name="Jargeau", slug="jargeau")
    organisation.name, organisation.slug = "Jargeau-sur-Loire", "jargeau-sur-loire"
    organisation.save()
    services.organisation_provision(organisation=organisation)

    newcomer = services.organisation_create(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173")

    assert newcomer.space_page.url == "/espaces/jargeau/"
    assert len(role_groups(newcomer)) == 3


# Memberships and their groups


@pytest.mark.parametrize("role", list(Role))
def test_membership_set_puts_the_user_in_exactly_the_group_of_their_role(role, commune):
    """A member belongs to the one group of their role in the organisation, not to its other groups."""
    user = UserFactory()

    services.membership_set(organisation=commune, user=user, role=role)

    assert set(user.groups.all()) == {role_groups(commune)[role]}


def test_membership_set_leaves_the_groups_of_other_organisations_alone(commune, other_commune):
    """Joining a second organisation keeps the user's group in the first one."""
    user = membership(other_commune, role="editor").user

    services.membership_set(organisation=commune, user=user, role=Role.MEMBER)

    assert set(user.groups.all()) == {role_groups(other_commune)[Role.EDITOR], role_groups(commune)[Role.MEMBER]}


def test_changing_role_moves_the_user_to_the_group_of_the_new_role(commune, other_commune):
    """A member made editor leaves the member group for the editor group; other organisations are untouched."""
    user = membership(other_commune, role="member").user
    current = membership(commune, role="member", user=user)

    services.membership_change_role(membership=current, role=Role.EDITOR)

    assert Membership.objects.get(pk=current.pk).role == Role.EDITOR
    assert set(user.groups.all()) == {role_groups(commune)[Role.EDITOR], role_groups(other_commune)[Role.MEMBER]}


def test_membership_remove_takes_the_user_out_of_the_space(commune, other_commune):
    """A removed member loses the organisation's group, so Wagtail's restriction no longer lets them in."""
    user = membership(other_commune, role="member").user
    current = membership(commune, role="editor", user=user)
    assert can_view(user, commune.space_page)

    services.membership_remove(membership=current)

    assert not Membership.objects.filter(organisation=commune, user=user).exists()
    assert set(user.groups.all()) == {role_groups(other_commune)[Role.MEMBER]}
    assert not can_view(user, commune.space_page)
    assert can_view(user, other_commune.space_page)


def test_the_last_admin_cannot_be_demoted(commune, admin):
    """Demoting the only administrator is refused in French and changes nothing."""
    only_admin = Membership.objects.get(user=admin, organisation=commune)

    with pytest.raises(ValidationError) as error:
        services.membership_change_role(membership=only_admin, role=Role.EDITOR)

    assert LAST_ADMIN in error.value.messages[0]
    assert Membership.objects.get(pk=only_admin.pk).role == Role.ADMIN
    assert set(admin.groups.all()) == {role_groups(commune)[Role.ADMIN]}


def test_the_last_admin_cannot_be_removed(commune, admin):
    """Removing the only administrator is refused in French and changes nothing."""
    only_admin = Membership.objects.get(user=admin, organisation=commune)

    with pytest.raises(ValidationError) as error:
        services.membership_remove(membership=only_admin)

    assert LAST_ADMIN in error.value.messages[0]
    assert Membership.objects.filter(pk=only_admin.pk, role=Role.ADMIN).exists()
    assert set(admin.groups.all()) == {role_groups(commune)[Role.ADMIN]}


def test_an_admin_can_step_down_once_another_admin_exists(commune, admin):
    """With a second administrator, the first may be demoted, and then the second may not be removed."""
    first = Membership.objects.get(user=admin, organisation=commune)
    second = membership(commune, role="admin")

    services.membership_change_role(membership=first, role=Role.MEMBER)

    assert Membership.objects.get(pk=first.pk).role == Role.MEMBER
    with pytest.raises(ValidationError):
        services.membership_remove(membership=second)


def test_an_admin_can_be_removed_once_another_admin_exists(commune, admin):
    """With a second administrator, the first may be removed."""
    first = Membership.objects.get(user=admin, organisation=commune)
    membership(commune, role="admin")

    services.membership_remove(membership=first)

    assert not Membership.objects.filter(pk=first.pk).exists()


# Invitations


def test_an_invitation_is_e_mailed_with_its_link(commune, admin):
    """The invited person receives an e-mail in French with a link to accept."""
    services.invitation_create(
        organisation=commune, email="Claire.Martin@Jargeau.test", role=Role.EDITOR, invited_by=admin
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["claire.martin@jargeau.test"]
    assert message.subject == "Invitation à rejoindre Jargeau sur Territoires"
    assert "http://127.0.0.1:8000/invitations/" in message.body
    assert "« Éditeur »" in message.body


def test_the_invitation_names_the_organisation_with_its_article(admin):
    """An invitation to the Département says "à rejoindre le Département du Loiret", not "à rejoindre Département"."""
    departement = OrganisationFactory(kind="departement", name="Département du Loiret")

    services.invitation_create(organisation=departement, email="claire@loiret.test", role=Role.MEMBER, invited_by=admin)

    (message,) = mail.outbox
    assert message.subject == "Invitation à rejoindre le Département du Loiret sur Territoires"
    assert "vous invite à rejoindre le Département du Loiret sur Territoires" in message.body


def test_only_the_hash_of_the_token_is_stored(commune, admin):
    """The raw token of the link appears nowhere in the invitation's row."""
    invited, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)

    row = Invitation.objects.filter(pk=invited.pk).values().get()

    assert len(token) >= 32
    assert all(token not in str(value) for value in row.values())
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_a_second_invitation_revokes_the_first(commune, admin):
    """Inviting the same address again withdraws the earlier link, which stops working."""
    first, first_token = invitation(commune, email="claire@jargeau.test", invited_by=admin)
    second, second_token = invitation(commune, email="CLAIRE@jargeau.test", invited_by=admin)

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.get(pk=second.pk).is_pending
    with pytest.raises(ValidationError) as error:
        services.invitation_get_by_token(token=first_token)
    assert error.value.messages == ["Cette invitation a été retirée par l'organisation."]
    assert services.invitation_get_by_token(token=second_token) == second


def test_inviting_an_existing_member_is_refused(commune, admin, member):
    """A member cannot be invited to their own organisation again; no e-mail goes out."""
    with pytest.raises(ValidationError) as error:
        services.invitation_create(organisation=commune, email=member.email.upper(), role=Role.ADMIN, invited_by=admin)

    assert error.value.messages == ["Cette personne est déjà membre de l'organisation."]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_accepting_creates_the_membership_with_the_invited_role(commune, admin):
    """The invited person, logged in with the invited address, becomes a member with the invited role."""
    user = UserFactory(email="claire@jargeau.test")
    invited, token = invitation(commune, email="claire@jargeau.test", role="editor", invited_by=admin)

    created = services.invitation_accept(token=token, user=user)

    assert (created.organisation, created.user, created.role) == (commune, user, Role.EDITOR)
    assert set(user.groups.all()) == {role_groups(commune)[Role.EDITOR]}
    invited.refresh_from_db()
    assert invited.accepted_by == user
    assert invited.accepted_at is not None


def expire(invited):
    Invitation.objects.filter(pk=invited.pk).update(expires_at=timezone.now() - timedelta(seconds=1))


def revoke(invited):
    services.invitation_revoke(invitation=invited)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (expire, "Cette invitation a expiré. Demandez-en une nouvelle à l'administrateur de l'organisation."),
        (revoke, "Cette invitation a été retirée par l'organisation."),
    ],
    ids=["expired", "revoked"],
)
def test_an_unusable_invitation_cannot_be_accepted(spoil, message, commune, admin):
    """An expired or withdrawn invitation is refused in French and creates no membership."""
    user = UserFactory(email="claire@jargeau.test")
    invited, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)
    spoil(invited)

    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token=token, user=user)

    assert error.value.messages == [message]
    assert not Membership.objects.filter(user=user).exists()
    assert Invitation.objects.get(pk=invited.pk).accepted_at is None


def test_an_invitation_works_once_only(commune, admin):
    """A used link is refused in French, even for the same person after they left."""
    user = UserFactory(email="claire@jargeau.test")
    _invited, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)
    services.membership_remove(membership=services.invitation_accept(token=token, user=user))

    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token=token, user=user)

    assert error.value.messages == ["Cette invitation a déjà été utilisée."]
    assert not Membership.objects.filter(user=user).exists()


def test_an_unknown_token_is_refused(commune, admin):
    """A made-up token is refused in French and creates nothing."""
    user = UserFactory(email="claire@jargeau.test")
    invitation(commune, email="claire@jargeau.test", invited_by=admin)

    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token="not-a-real-token", user=user)

    assert error.value.messages == ["Ce lien d'invitation n'est pas valide."]
    assert not Membership.objects.filter(user=user).exists()


def test_another_user_cannot_accept_an_invitation(commune, admin, outsider):
    """Someone logged in with another address is refused in French; the invitation stays usable."""
    invited, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)

    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token=token, user=outsider)

    assert error.value.messages == [
        "Cette invitation a été envoyée à une autre adresse e-mail. Connectez-vous avec cette adresse pour l'accepter."
    ]
    assert not Membership.objects.filter(user=outsider, organisation=commune).exists()
    assert Invitation.objects.get(pk=invited.pk).is_pending


def test_accept_with_signup_creates_the_account_and_the_membership(commune, admin):
    """A newcomer's account is created with the invited address and joins with the invited role."""
    _invited, token = invitation(commune, email="claire@jargeau.test", role="editor", invited_by=admin)

    user = services.invitation_accept_with_signup(
        token=token, first_name="Claire", last_name="Martin", password="loire-en-crue-1856"
    )

    assert (user.email, user.first_name, user.last_name) == ("claire@jargeau.test", "Claire", "Martin")
    assert user.check_password("loire-en-crue-1856")
    assert Membership.objects.get(user=user, organisation=commune).role == Role.EDITOR


def test_signup_is_refused_for_an_address_that_already_has_an_account(commune, admin):
    """If the invited address already has an account, no second account is created and nothing is accepted."""
    UserFactory(email="claire@jargeau.test")
    invited, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)

    with pytest.raises(ValidationError) as error:
        services.invitation_accept_with_signup(
            token=token, first_name="Claire", last_name="Martin", password="loire-en-crue-1856"
        )

    assert error.value.messages == ["Un compte existe déjà avec cette adresse e-mail."]
    assert get_user_model().objects.filter(email__iexact="claire@jargeau.test").count() == 1
    assert not Membership.objects.filter(user__email="claire@jargeau.test").exists()
    assert Invitation.objects.get(pk=invited.pk).is_pending
