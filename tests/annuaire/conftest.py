"""Fixtures of the directory tests: a card whose fields span every audience, and the people who look at it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.accounts.factories import UserFactory
from tests.annuaire.factories import MOBILE, PHONE, person_card


@pytest.fixture
def card(commune):
    """Camille's card: function public, office phone and e-mail for members, mobile for Jargeau only."""
    return person_card(
        commune,
        user=UserFactory(first_name="Camille", last_name="Martin", email="camille.martin@jargeau.test"),
        function="Secrétaire de mairie",
        phone=PHONE,
        mobile=MOBILE,
        card_visibility="public",
        function_visibility="public",
        phone_visibility="members",
        email_visibility="members",
        mobile_visibility="organisation",
    )


@pytest.fixture
def personas(member, admin, outsider, superuser):
    """Everyone the matrix looks through: nobody, an account without organisation, another organisation, Jargeau."""
    return {
        "anonymous": AnonymousUser(),
        "no_organisation": UserFactory(),
        "other_organisation": outsider,
        "same_organisation": member,
        "organisation_admin": admin,
        "superuser": superuser,
    }


# What each persona may read of Camille's card.
PUBLIC_VIEW = {"name", "organisation", "function"}
MEMBERS_VIEW = PUBLIC_VIEW | {"phone", "email"}
ORGANISATION_VIEW = MEMBERS_VIEW | {"mobile"}
EXPECTED_FIELDS = {
    "anonymous": PUBLIC_VIEW,
    "no_organisation": PUBLIC_VIEW,
    "other_organisation": MEMBERS_VIEW,
    "same_organisation": ORGANISATION_VIEW,
    "organisation_admin": ORGANISATION_VIEW,
    "superuser": ORGANISATION_VIEW,
}
