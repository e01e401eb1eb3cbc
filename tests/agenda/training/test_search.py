"""Training sessions in the unified search: found as sessions of training, by the same readers as the event."""

import pytest

from extranet.search.selectors import search_kind_labels, search_run
from tests.agenda.training.factories import session as make_session

pytestmark = pytest.mark.django_db


def test_a_session_is_found_by_the_word_formation_in_its_organisation_only(
    search_index, calendar, editor, member, outsider
):
    """ "Formation" finds Jargeau's private session for its members, not for Darvoy's."""
    make_session(calendar, user=editor, title="Initiation au RGPD")

    assert [(result.title, result.kind) for result in search_run(user=member, query="formation")] == [
        ("Initiation au RGPD", "training")
    ]
    assert list(search_run(user=outsider, query="formation")) == []


def test_sessions_have_their_own_type_in_the_search_filters():
    """The type filter offers training sessions beside events, in French."""
    labels = search_kind_labels()

    assert str(labels["training"]) == "Session de formation"
    assert str(labels["event"]) == "Événement"
