"""Tests of the `seed_demo` management command."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q
from wagtail.models import Page

from extranet.organisations.models import Membership, Organisation, OrganisationKind, Role
from extranet.organisations.validators import validate_siren

PASSWORD = "territoires-demo"


def seed_demo(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def database_counts():
    return {
        model.__name__: model.objects.count() for model in (Organisation, get_user_model(), Membership, Group, Page)
    }


@pytest.fixture
def seeded(settings):
    """The demo data, seeded once with DEBUG on."""
    settings.DEBUG = True
    seed_demo()


@pytest.mark.django_db
def test_second_run_creates_nothing(settings):
    """Running the command again leaves every count unchanged and reports everything as already present."""
    settings.DEBUG = True
    first_output = seed_demo()
    counts = database_counts()
    second_output = seed_demo()

    assert database_counts() == counts
    assert counts["Organisation"] >= 22 and counts["User"] >= 40
    assert "Organisations : 22 créées, 0 déjà présentes." in first_output
    assert "Organisations : 0 créées, 22 déjà présentes." in second_output
    assert "Comptes : 0 créés" in second_output and "Adhésions : 0 créées" in second_output


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "roles"),
    [
        ("marie.dupont@jargeau.test", {("jargeau", Role.ADMIN)}),
        ("paul.martin@saint-denis-de-l-hotel.test", {("saint-denis-de-l-hotel", Role.MEMBER)}),
        ("claire.bernard@loiret.test", {("loiret", Role.EDITOR)}),
        ("luc.petit@loiret.test", {("loiret", Role.MEMBER)}),
    ],
)
def test_named_demo_accounts_have_their_roles(seeded, email, roles):
    """Each named demo account logs in with the demo password and holds exactly its documented roles."""
    user = get_user_model().objects.get(email=email)

    assert user.check_password(PASSWORD)
    assert user.preferred_language == "fr"
    assert set(Membership.objects.filter(user=user).values_list("organisation__slug", "role")) == roles


@pytest.mark.django_db
def test_platform_administrator_is_a_superuser(seeded):
    """The platform administrator is a staff superuser who belongs to no organisation."""
    admin = get_user_model().objects.get(email="admin@territoires.test")

    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(PASSWORD)
    assert not Membership.objects.filter(user=admin).exists()


@pytest.mark.django_db
def test_commune_has_its_insee_code_siren_and_parent_epci(seeded):
    """A demo commune carries its INSEE code, the SIREN derived from it and its EPCI, itself under the département."""
    orleans = Organisation.objects.select_related("parent__parent").get(slug="orleans")
    jargeau = Organisation.objects.get(slug="jargeau")

    assert (orleans.kind, orleans.insee_code, orleans.siren) == (OrganisationKind.COMMUNE, "45234", "214502346")
    assert (orleans.parent.slug, orleans.parent.kind) == ("orleans-metropole", OrganisationKind.EPCI)
    assert orleans.parent.parent.slug == "loiret"
    assert (jargeau.insee_code, jargeau.parent.name) == ("45173", "Communauté de communes des Loges")
    for siren in Organisation.objects.values_list("siren", flat=True):
        validate_siren(siren)


@pytest.mark.django_db
def test_every_organisation_with_members_has_an_administrator(seeded):
    """No demo organisation is left with members but without an administrator."""
    without_admin = (
        Organisation.objects.annotate(
            members=Count("memberships"), admins=Count("memberships", filter=Q(memberships__role=Role.ADMIN))
        )
        .filter(members__gt=0, admins=0)
        .values_list("slug", flat=True)
    )

    assert list(without_admin) == []


@pytest.mark.django_db
def test_refuses_to_run_without_debug(settings):
    """Without DEBUG and without --force the command stops before writing anything."""
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        seed_demo()
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_force_runs_without_debug(settings):
    """With --force the command seeds a database even when DEBUG is off."""
    settings.DEBUG = False

    seed_demo("--force")

    assert Organisation.objects.filter(slug="loiret").exists()
