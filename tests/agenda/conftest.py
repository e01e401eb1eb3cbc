"""Fixtures of the agenda tests: Jargeau's private calendar and a weekly meeting in it."""

import pytest

from tests.agenda.factories import private_calendar, weekly


@pytest.fixture
def calendar(commune):
    return private_calendar(commune)


@pytest.fixture
def meeting(calendar, editor):
    """Jargeau's weekly council meeting, Tuesdays at 18:00, all through 2027."""
    return weekly(calendar, user=editor, title="Réunion du bureau")
