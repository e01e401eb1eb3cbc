import pytest

from extranet.ads.models import TrustedOrganisation
from tests.ads.factories import departement
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture
def loiret(db):
    return departement()


@pytest.fixture
def jargeau(loiret):
    """A commune of the Loiret (through its EPCI), as in the demo data."""
    epci = OrganisationFactory(kind="epci", name="Communauté de communes des Loges", slug="cc-des-loges", parent=loiret)
    return OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", parent=epci)


@pytest.fixture
def author(jargeau):
    return membership(jargeau, role="member").user


@pytest.fixture
def moderator(loiret):
    """An editor of the département: moderates the ads of its communes."""
    return membership(loiret, role="editor").user


@pytest.fixture
def trusted_jargeau(jargeau):
    TrustedOrganisation.objects.create(organisation=jargeau)
    return jargeau
