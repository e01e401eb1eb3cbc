"""Fixtures of the training tests: a two-seat session in Jargeau's private calendar."""

import pytest

from tests.agenda.training.factories import session as make_session
from tests.organisations.factories import membership


@pytest.fixture
def session(calendar, editor):
    return make_session(calendar, user=editor)


@pytest.fixture
def colleagues(commune):
    """Three more members of Jargeau."""
    return [membership(commune).user for _ in range(3)]
