"""What the demo data of `seed_demo` holds: organisations, named accounts and their roles."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from extranet.organisations.models import Membership, Organisation, OrganisationKind, Role
from extranet.organisations.validators import validate_siren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

PASSWORD = "territoires-demo"


@pytest.mark.parametrize(
    ("email", "roles"),
    [
        ("marie.dupont@jargeau.test", {("jargeau", Role.ADMIN)}),
        ("paul.martin@saint-denis-de-l-hotel.test", {("saint-denis-de-l-hotel", Role.MEMBER)}),
        ("claire.bernard@loiret.test", {("loiret", Role.EDITOR)}),
        ("luc.petit@loiret.test", {("loiret", Role.MEMBER)}),
    ],
)
def test_named_demo_accounts_have_their_roles(email, roles):
    """Each named demo account logs in with the demo password and holds exactly its documented roles."""
    user = get_user_model().objects.get(email=email)

    assert user.check_password(PASSWORD)
    assert user.preferred_language == "fr"
    assert set(Membership.objects.filter(user=user).values_list("organisation__slug", "role")) == roles


def test_the_demo_trainer_opens_training_sandboxes(client):
    """Luc Petit, "trainer" in the README, reaches the training sandboxes; a plain member does not."""
    users = get_user_model().objects
    client.force_login(users.get(email="luc.petit@loiret.test"))
    assert client.get("/espace-formation/").status_code == 200
    client.force_login(users.get(email="paul.martin@saint-denis-de-l-hotel.test"))
    assert client.get("/espace-formation/").status_code == 404


def test_platform_administrator_is_a_superuser():
    """The platform administrator is a staff superuser who belongs to no organisation."""
    admin = get_user_model().objects.get(email="admin@territoires.test")

    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(PASSWORD)
    assert not Membership.objects.filter(user=admin).exists()


def test_commune_has_its_insee_code_siren_and_parent_epci():
    """A demo commune carries its INSEE code, the SIREN derived from it and its EPCI, itself under the département."""
    orleans = Organisation.objects.select_related("parent__parent").get(slug="orleans")
    jargeau = Organisation.objects.get(slug="jargeau")

    assert (orleans.kind, orleans.insee_code, orleans.siren) == (OrganisationKind.COMMUNE, "45234", "214502346")
    assert (orleans.parent.slug, orleans.parent.kind) == ("orleans-metropole", OrganisationKind.EPCI)
    assert orleans.parent.parent.slug == "loiret"
    assert (jargeau.insee_code, jargeau.parent.name) == ("45173", "Communauté de communes des Loges")
    for siren in Organisation.objects.values_list("siren", flat=True):
        validate_siren(siren)


def test_every_organisation_with_members_has_an_administrator():
    """No demo organisation is left with members but without an administrator."""
    without_admin = (
        Organisation.objects.annotate(
            members=Count("memberships"), admins=Count("memberships", filter=Q(memberships__role=Role.ADMIN))
        )
        .filter(members__gt=0, admins=0)
        .values_list("slug", flat=True)
    )

    assert list(without_admin) == []
