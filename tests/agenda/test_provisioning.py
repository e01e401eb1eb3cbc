"""Each organisation gets its private calendar through the provisioning hook; the platform has shared ones."""

from agenda.models import AgendaCalendar
from extranet.organisations import services as organisation_services
from tests.agenda.factories import private_calendar, public_calendar, shared_calendar


def test_new_organisation_gets_one_private_calendar_named_after_it(commune):
    """Creating Jargeau created its private calendar, and provisioning again creates no second one."""
    organisation_services.organisation_provision(organisation=commune)

    assert AgendaCalendar.objects.filter(organisation=commune).count() == 1
    assert private_calendar(commune).name == "Jargeau"


def test_renamed_organisation_renames_its_calendar(commune):
    """A new official name reaches the calendar at the next provisioning."""
    commune.name = "Jargeau-sur-Loire"
    commune.save()
    organisation_services.organisation_provision(organisation=commune)

    assert private_calendar(commune).name == "Jargeau-sur-Loire"


def test_platform_has_a_public_and_a_shared_calendar(db):
    """The migration creates the public agenda and the intercommunal meetings calendar."""
    assert public_calendar().organisation is None
    assert shared_calendar().name == "Réunions intercommunales"
