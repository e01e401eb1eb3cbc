"""Per-user counts compiled once: the ORM's answer for every user, on every database alias they run on."""

import pytest
from django.db.models import Q

from extranet.core.compiled import UserCount
from extranet.organisations.models import Membership, Role
from extranet.organisations.services import membership_set
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@UserCount
def admin_memberships(*, user):
    return Membership.objects.filter(user_id=user.pk, role=Role.ADMIN).filter(~Q(organisation__name=""))


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
