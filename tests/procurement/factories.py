"""Procurement notices and contracts, made through the services like in the application."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from extranet.procurement.pages import ProcurementSectionPage
from extranet.procurement.services import awarded_contract_create, procurement_notice_create

_numbers = itertools.count(1)
HOLDER_SIRET = "73282932000074"


def section_of(organisation) -> ProcurementSectionPage:
    return ProcurementSectionPage.objects.get(organisation=organisation)


def notice(organisation, **overrides):
    """Publish an open works notice in the organisation's section; override any field."""
    fields = {
        "title": f"Réfection de voirie n° {next(_numbers)}",
        "description": "<p>Travaux de chaussée.</p>",
        "cpv_code": "45233140-2",
        "nature": "travaux",
        "procedure": "adaptee",
        "estimated_amount": Decimal("50000.00"),
        "execution_place": "Jargeau",
        "execution_place_code": "45173",
        "duration_months": 4,
        "offers_deadline": timezone.now() + timedelta(days=20),
        "contact_name": "Service technique",
        "contact_email": "marches@mairie.test",
        **overrides,
    }
    return procurement_notice_create(section=section_of(organisation), **fields)


def closed_notice(organisation, **overrides):
    """A notice published two months ago whose deadline passed a week ago."""
    return notice(
        organisation,
        published_at=timezone.now() - timedelta(days=60),
        offers_deadline=timezone.now() - timedelta(days=7),
        **overrides,
    )


def contract(of_notice, **overrides):
    fields = {
        "title": "Attribution",
        "identifier": f"2026-{next(_numbers):03d}",
        "amount": Decimal("1234.10"),
        "notification_date": timezone.localdate() - timedelta(days=3),
        "offers_received": 3,
        "duration_months": 4,
        "holders": [("Travaux Publics du Loiret", HOLDER_SIRET)],
        **overrides,
    }
    return awarded_contract_create(notice=of_notice, **fields)
