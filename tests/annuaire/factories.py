from annuaire.models import OrganisationProfile, PersonCard
from annuaire.services import person_card_ensure, person_card_update
from tests.accounts.factories import UserFactory
from tests.organisations.factories import membership

PHONE = "02 38 59 70 01"
MOBILE = "06 12 34 56 78"


def person_card(organisation, *, role="member", user=None, **fields) -> PersonCard:
    """A member of the organisation with a card made through the services."""
    user = user or membership(organisation, role=role).user
    if not user.memberships.filter(organisation=organisation).exists():
        membership(organisation, role=role, user=user)
    card = person_card_ensure(user=user, organisation=organisation)
    return person_card_update(card=card, **fields) if fields else card


def organisation_profile(organisation, **fields) -> OrganisationProfile:
    profile, _created = OrganisationProfile.objects.update_or_create(organisation=organisation, defaults=fields)
    return profile


def new_user(**fields):
    return UserFactory(**fields)
