"""Fixtures of the search tests: two communes able to publish acts, and members of each."""

import pytest

from tests.organisations.factories import OrganisationFactory


@pytest.fixture
def commune(db):
    """Jargeau, with the SIRET its acts need (overrides the suite's Jargeau, which has none)."""
    return OrganisationFactory(
        kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", siren="214501736", siret="21450173600018"
    )


@pytest.fixture
def other_commune(db):
    return OrganisationFactory(
        kind="commune", name="Darvoy", slug="darvoy", insee_code="45122", siren="214501223", siret="21450122300017"
    )


@pytest.fixture
def world(search_index, commune, other_commune):
    """One item of every indexed kind mentioning "voirie": public ones by Jargeau, a private page in each space."""
    from tests.search.factories import searchable_world

    return searchable_world(commune=commune, other_commune=other_commune)
