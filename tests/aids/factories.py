"""Aids and their providers, made through the services like in the application."""

import itertools
from datetime import timedelta

from django.utils import timezone

from extranet.aids.pages import AidSectionPage
from extranet.aids.services import aid_create
from tests.organisations.factories import OrganisationFactory

_numbers = itertools.count(1)


def provider(*, kind="departement", **fields):
    """A providing organisation (a département by default), whose section of /aides/ is provisioned."""
    return OrganisationFactory(kind=kind, insee_code="", **fields)


def section_of(organisation) -> AidSectionPage:
    return AidSectionPage.objects.get(organisation=organisation)


def days(number: int):
    """The date `number` days from today (negative: in the past)."""
    return timezone.localdate() + timedelta(days=number)


def aid(organisation, **overrides):
    """Publish an open grant for communes in the organisation's section; override any field."""
    fields = {
        "title": f"Aide à l'investissement des communes rurales n° {next(_numbers)}",
        "description": "<p>Travaux dans les bâtiments communaux.</p>",
        "targeted_audiences": ["commune"],
        "aid_types": ["grant"],
        "themes": ["amenagement"],
        "start_date": days(-10),
        "submission_deadline": days(30),
        **overrides,
    }
    return aid_create(section=section_of(organisation), **fields)
