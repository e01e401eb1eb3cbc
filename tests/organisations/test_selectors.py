"""Permission-aware reads: who may do what in an organisation, and 404 for missing and forbidden alike."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from extranet.organisations.selectors import organisation_get_abilities, organisation_get_for_member
from tests.accounts.factories import UserFactory
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

NOTHING = {"view": False, "edit_content": False, "manage_members": False, "manage_settings": False}
MEMBER = {**NOTHING, "view": True}
EDITOR = {**MEMBER, "edit_content": True}
ADMIN = {**EDITOR, "manage_members": True, "manage_settings": True}


@pytest.fixture
def inactive_admin(commune):
    """A deactivated account that still holds an admin membership."""
    user = membership(commune, role="admin").user
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("member", MEMBER),
        ("editor", EDITOR),
        ("admin", ADMIN),
        ("outsider", NOTHING),
        ("superuser", ADMIN),
        ("inactive_admin", NOTHING),
    ],
)
def test_abilities_follow_the_role_in_the_organisation(who, expected, commune, request):
    """Each role adds abilities to the one below; outsiders and deactivated accounts get none, superusers all."""
    user = request.getfixturevalue(who)

    assert organisation_get_abilities(user=user, organisation=commune) == expected


def test_an_anonymous_visitor_has_no_ability(commune):
    """Someone not logged in may do nothing in a space."""
    assert organisation_get_abilities(user=AnonymousUser(), organisation=commune) == NOTHING


def test_an_admin_elsewhere_has_no_ability_here(commune, other_commune):
    """Being admin of one organisation gives no right in another."""
    user = membership(other_commune, role="admin").user

    assert organisation_get_abilities(user=user, organisation=other_commune) == ADMIN
    assert organisation_get_abilities(user=user, organisation=commune) == NOTHING


def test_organisation_get_for_member_returns_the_organisation_to_its_members(commune, member):
    """A member gets the organisation for viewing."""
    assert organisation_get_for_member(user=member, slug="jargeau") == commune


@pytest.mark.parametrize(
    ("who", "action"),
    [("outsider", "view"), ("member", "manage_members"), ("editor", "manage_settings"), ("inactive_admin", "view")],
)
def test_a_forbidden_organisation_looks_missing(who, action, commune, request):
    """Forbidden and missing raise the very same exception, so nobody learns that a space exists."""
    user = request.getfixturevalue(who)

    with pytest.raises(Http404) as forbidden:
        organisation_get_for_member(user=user, slug="jargeau", action=action)
    with pytest.raises(Http404) as missing:
        organisation_get_for_member(user=user, slug="nexiste-pas", action=action)

    assert type(forbidden.value) is type(missing.value) is Http404
    assert forbidden.value.args == missing.value.args


def test_an_anonymous_visitor_gets_404_for_an_existing_space(commune):
    """Anonymous visitors cannot tell an existing space from a missing one either."""
    with pytest.raises(Http404):
        organisation_get_for_member(user=AnonymousUser(), slug="jargeau")


def test_a_user_without_membership_gets_404(commune):
    """An account that belongs to no organisation sees no space."""
    with pytest.raises(Http404):
        organisation_get_for_member(user=UserFactory(), slug="jargeau")
