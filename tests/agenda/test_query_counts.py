"""The month view costs a bounded number of queries, whatever the number of recurring events (scheduler #420)."""

import pytest

from tests.agenda.factories import weekly

pytestmark = pytest.mark.django_db


def test_month_with_200_weekly_events_runs_few_queries(client, calendar, editor, member, django_assert_max_num_queries):
    """Two hundred weekly meetings in one calendar: the month page stays within 17 queries (the bell's and the
    navigation's unread messages included)."""
    for number in range(200):
        weekly(calendar, user=editor, title=f"Réunion {number}", count=20)
    client.force_login(member)

    with django_assert_max_num_queries(17):
        response = client.get(f"/agenda/calendrier/{calendar.pk}/mois/2027/2/")

    assert response.status_code == 200
    assert response.content.decode().count("Réunion 199") == 4
