"""Subsidy applications, made through the services like in the application."""

from datetime import date
from decimal import Decimal

from extranet.subsidies import services


def application_fields(**overrides) -> dict:
    return {
        "title": "Rénovation de la toiture de l'école",
        "description": "Remplacement de la couverture et isolation des combles.",
        "total_cost": Decimal("120000.00"),
        "amount_requested": Decimal("36000.00"),
        "start_date": date(2027, 3, 1),
        "end_date": date(2027, 9, 30),
        "contact_name": "Marie Dupont",
        "contact_email": "dgs@jargeau.test",
        "contact_phone": "02 38 59 70 08",
        **overrides,
    }


def draft(aid, organisation, user, **overrides):
    return services.application_create(aid=aid, organisation=organisation, user=user, **application_fields(**overrides))


def submitted(aid, organisation, user, **overrides):
    return services.application_submit(application=draft(aid, organisation, user, **overrides), user=user)


def granted(aid, organisation, user, instructor, *, amount=Decimal("30000.00"), **overrides):
    application = services.application_review_start(
        application=submitted(aid, organisation, user, **overrides), actor=instructor
    )
    return services.application_grant(
        application=application,
        actor=instructor,
        amount_granted=amount,
        decision_reference="CP-2027-04-12",
        decision_date=date(2027, 4, 12),
        conditions="Travaux achevés sous deux ans.",
        planned_payment_date=date(2027, 5, 3),
    )
