"""Fixtures of the attendance and feedback tests: a session of Jargeau that began an hour ago, with participants."""

import pytest

from tests.accounts.factories import UserFactory
from tests.agenda.training.running.factories import registration, training_session
from tests.organisations.factories import membership


@pytest.fixture
def trainer(commune):
    return membership(commune, role="member", user=UserFactory(first_name="Anaïs", last_name="Lefèvre")).user


@pytest.fixture
def session(commune, trainer):
    return training_session(commune, trainer=trainer)


@pytest.fixture
def participant(commune, session):
    """Jargeau's member Léa Bœuf, registered and marked present."""
    user = membership(commune, user=UserFactory(first_name="Léa", last_name="Bœuf")).user
    registration(session, user, organisation=commune, present=True)
    return user


@pytest.fixture
def absentee(commune, session):
    user = membership(commune, user=UserFactory(first_name="Noël", last_name="Çava")).user
    registration(session, user, organisation=commune, present=False)
    return user
