"""Events in the unified search: found by their words, only by those who may read their calendar."""

import pytest
from django.contrib.auth.models import AnonymousUser

from agenda import services
from extranet.search.selectors import search_run
from tests.agenda.factories import event, public_calendar, shared_calendar

pytestmark = pytest.mark.django_db


def titles(user, query):
    return [result.title for result in search_run(user=user, query=query)]


def test_private_event_is_found_by_its_organisation_only(search_index, calendar, editor, member, outsider):
    """A word of a private meeting's description finds it for Jargeau's members, for nobody else."""
    event(calendar, user=editor, title="Commission voirie", description="Réfection du pont suspendu")

    assert titles(member, "pont suspendu") == ["Commission voirie"]
    assert titles(outsider, "pont suspendu") == []
    assert titles(AnonymousUser(), "pont suspendu") == []


def test_shared_and_public_events_reach_members_and_everyone(search_index, commune, editor, outsider):
    """An intercommunal meeting is found by any member; a public event by anonymous visitors too."""
    event(shared_calendar(), organisation=commune, user=editor, title="Réunion intercommunale des cantines")
    event(public_calendar(), organisation=commune, user=editor, title="Fête des cantines")

    assert sorted(titles(outsider, "cantines")) == ["Fête des cantines", "Réunion intercommunale des cantines"]
    assert titles(AnonymousUser(), "cantines") == ["Fête des cantines"]


def test_renamed_and_deleted_events_follow_in_the_search(search_index, calendar, editor, member):
    """A new title replaces the former one; a deleted event is no longer found."""
    created = event(calendar, user=editor, title="Conseil d'hiver")
    services.event_update(
        event=created, user=editor, title="Conseil de printemps", start=created.start, end=created.end
    )
    assert titles(member, "printemps") == ["Conseil de printemps"] and titles(member, "hiver") == []

    services.event_delete(event=created, user=editor)
    assert titles(member, "printemps") == []


def test_a_member_who_leaves_stops_finding_private_events(search_index, commune, calendar, editor, member):
    from extranet.organisations import services as organisation_services
    from extranet.organisations.models import Membership

    event(calendar, user=editor, title="Budget primitif")
    organisation_services.membership_remove(membership=Membership.objects.get(user=member, organisation=commune))

    assert titles(member, "budget") == []
