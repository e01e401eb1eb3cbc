"""Validation rules of Organisation, as `full_clean` (every form) and the database enforce them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from extranet.organisations.models import Organisation
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def errors_of(organisation):
    """Run full_clean and return its errors by field (an empty dict when the organisation is valid)."""
    try:
        organisation.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_complete_organisation_is_valid():
    """An EPCI with a matching SIREN and SIRET and no INSEE code passes every rule."""
    organisation = Organisation(
        kind="epci", name="Orléans Métropole", slug="orleans-metropole", siren="244500468", siret="24450046800016"
    )

    assert errors_of(organisation) == {}


def test_a_commune_without_insee_code_is_refused():
    """A commune needs its INSEE code, and the form says so in French."""
    organisation = Organisation(kind="commune", name="Jargeau", slug="jargeau", insee_code="")

    errors = errors_of(organisation)

    assert "code INSEE" in " ".join(errors["insee_code"])


def test_only_communes_need_an_insee_code():
    """A département has no INSEE code of its own and is accepted without one."""
    organisation = Organisation(kind="departement", name="Département du Loiret", slug="loiret", siren="224500017")

    assert "insee_code" not in errors_of(organisation)


def test_the_database_refuses_a_commune_without_insee_code():
    """The CheckConstraint stops a commune without INSEE code even when full_clean is skipped."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="commune", name="Jargeau", slug="jargeau", insee_code="")

    assert not Organisation.objects.filter(slug="jargeau").exists()


def test_a_siret_must_start_with_the_siren():
    """A valid SIRET of another body (214501736…) is refused for the SIREN 244500468, in French."""
    organisation = Organisation(
        kind="epci", name="Orléans Métropole", slug="orleans-metropole", siren="244500468", siret="21450173600018"
    )

    errors = errors_of(organisation)

    assert set(errors) == {"siret"}
    assert "doit commencer par" in errors["siret"][0]


def test_a_siret_another_organisation_has_is_refused():
    """Two organisations never share a SIRET: the open-data exports would name one for the other."""
    OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", siret="21450173600018")
    organisation = Organisation(
        kind="epci", name="Communauté de communes des Loges", slug="loges", siret="21450173600018"
    )

    errors = errors_of(organisation)

    assert errors == {"siret": ["L'organisation Jargeau a déjà ce SIRET."]}


def test_the_database_refuses_a_second_organisation_with_the_same_siret():
    """The unique constraint holds when validation is skipped; organisations without SIRET are many."""
    Organisation.objects.create(kind="departement", name="Loiret", slug="loiret", siret="22450001700013")
    Organisation.objects.create(kind="epci", name="Loges", slug="loges")
    Organisation.objects.create(kind="epci", name="Giennois", slug="giennois")

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="epci", name="Copie", slug="copie", siret="22450001700013")

    assert not Organisation.objects.filter(slug="copie").exists()


def test_an_organisation_keeps_its_own_siret_when_edited():
    """Saving an organisation again does not find its own SIRET taken."""
    organisation = OrganisationFactory(siret="21450173600018")

    assert "siret" not in errors_of(organisation)


def test_an_organisation_cannot_be_its_own_parent():
    """Choosing the organisation itself as parent is refused."""
    organisation = OrganisationFactory()
    organisation.parent = organisation

    errors = errors_of(organisation)

    assert "rattachée à elle-même" in errors["parent"][0]


def test_a_parent_cycle_through_another_organisation_is_refused():
    """A commune whose EPCI belongs to the commune itself would form a cycle: refused."""
    epci = OrganisationFactory(kind="epci", insee_code="")
    commune = OrganisationFactory(parent=epci)
    epci.parent = commune

    errors = errors_of(epci)

    assert "rattachée à elle-même" in errors["parent"][0]


def test_a_parent_chain_without_cycle_is_accepted():
    """A commune in an EPCI in a département is a normal hierarchy."""
    departement = OrganisationFactory(kind="departement", insee_code="")
    epci = OrganisationFactory(kind="epci", insee_code="", parent=departement)
    commune = OrganisationFactory(parent=epci)

    assert errors_of(commune) == {}


def test_an_over_long_name_is_refused():
    """A name beyond 200 characters is refused with Django's French message."""
    organisation = Organisation(kind="commune", name="J" * 201, slug="jargeau", insee_code="45173")

    errors = errors_of(organisation)

    assert "au plus 200 caractères" in errors["name"][0]
