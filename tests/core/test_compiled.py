"""Per-user reads compiled once: the ORM's answer for every user and object, on every database alias they run on."""

import pytest
from django.db.models import Q

from extranet.core.compiled import UserCount, UserRows
from extranet.organisations.models import Membership, Role
from extranet.organisations.services import membership_set
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@UserCount
def admin_memberships(*, user):
    return Membership.objects.filter(user_id=user.pk, role=Role.ADMIN).filter(~Q(organisation__name=""))


@UserRows
def role_in(*, user, organisation):
    return Membership.objects.filter(user_id=user.pk, organisation_id=organisation.pk).values_list("role")


def test_compiled_count_matches_the_orm_for_each_user():
    """The SQL compiled for the first user counts the second user's rows, not the first's."""
    first, second, nobody = UserFactory(), UserFactory(), UserFactory()
    for organisation in OrganisationFactory.create_batch(3):
        membership_set(organisation=organisation, user=second, role=Role.ADMIN)
    membership_set(organisation=OrganisationFactory(), user=first, role=Role.ADMIN)

    assert admin_memberships(user=first) == 1
    assert admin_memberships(user=second) == 3
    assert admin_memberships(user=nobody) == 0


def test_a_query_that_ignores_the_user_is_refused():
    """A query not filtered on the user would answer the same for everyone: it is refused, not run."""
    everyone = UserCount(lambda *, user: Membership.objects.all())

    with pytest.raises(ValueError, match="does not filter on the user"):
        everyone(user=UserFactory())


def test_compiled_rows_take_each_object_in_its_own_place():
    """A query on a user and an organisation answers for the pair it is given, whichever was compiled first."""
    first, second = UserFactory(), UserFactory()
    town, village = OrganisationFactory(), OrganisationFactory()
    membership_set(organisation=town, user=first, role=Role.ADMIN)
    membership_set(organisation=village, user=second, role=Role.EDITOR)

    assert role_in(user=first, organisation=town) == [(Role.ADMIN,)]
    assert role_in(user=second, organisation=village) == [(Role.EDITOR,)]
    assert role_in(user=first, organisation=village) == []


def test_a_compiled_query_asked_without_one_of_its_objects_is_refused():
    """Leaving an object out would run the query on an id no row has: it is refused instead."""
    with pytest.raises(TypeError, match="takes user, organisation"):
        role_in(user=UserFactory())


def test_a_query_that_ignores_one_of_its_objects_is_refused():
    """A query that takes an organisation but does not filter on it is refused, not run."""
    roles = UserRows(lambda *, user, organisation: Membership.objects.filter(user_id=user.pk).values_list("role"))

    with pytest.raises(ValueError, match="does not filter on the organisation"):
        roles(user=UserFactory(), organisation=OrganisationFactory())
