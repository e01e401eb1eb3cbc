"""Job offers, made through the services like in the application."""

import itertools
from datetime import timedelta

from django.utils import timezone

from extranet.jobs.pages import JobSectionPage
from extranet.jobs.services import job_offer_create

_numbers = itertools.count(1)


def days(number: int):
    """The date `number` days from today (negative: in the past)."""
    return timezone.localdate() + timedelta(days=number)


def section_of(organisation) -> JobSectionPage:
    return JobSectionPage.objects.get(organisation=organisation)


def offer(organisation, **overrides):
    """Publish an open full-time offer in the organisation's section; override any field."""
    fields = {
        "title": f"Secrétaire de mairie n° {next(_numbers)}",
        "category": "B",
        "job_family": "administration",
        "contract_type": "titulaire",
        "description": "<p>Préparation du budget et des conseils municipaux.</p>",
        "profile": "<p>Connaissance des finances locales.</p>",
        "application_deadline": days(20),
        "application_email": "recrutement@mairie.test",
        **overrides,
    }
    return job_offer_create(section=section_of(organisation), **fields)


def expired_offer(organisation, **overrides):
    """An offer published two months ago whose deadline passed a week ago."""
    return offer(
        organisation,
        published_at=timezone.now() - timedelta(days=60),
        application_deadline=days(-7),
        **overrides,
    )
