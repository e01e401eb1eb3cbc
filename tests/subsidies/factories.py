"""Subsidy applications, made through the services like in the application."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from extranet.subsidies import services
from extranet.subsidies.models import Application, PaymentConditions

# The test applications' calendar, relative to today: the services refuse a decision or a payment in the future,
# a decision before the application and a payment before the decision.
TODAY = timezone.localdate()
SUBMITTED_ON = TODAY - timedelta(days=200)
DECIDED_ON = TODAY - timedelta(days=150)
PLANNED_ON = TODAY - timedelta(days=130)
PAID_ON = TODAY - timedelta(days=120)
INSTALMENTS = {
    "payment_conditions": PaymentConditions.STAGGERED,
    "planned_last_payment_date": TODAY + timedelta(days=100),
}


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
    """Submitted SUBMITTED_ON, so that its decision and payments may be dated in the past."""
    application = services.application_submit(application=draft(aid, organisation, user, **overrides), user=user)
    moment = datetime.combine(SUBMITTED_ON, time(10), tzinfo=timezone.get_default_timezone())
    Application.objects.filter(pk=application.pk).update(submitted_at=moment)
    application.refresh_from_db()
    return application


def granted(aid, organisation, user, instructor, *, amount=Decimal("30000.00"), instalments=False, **overrides):
    """Granted DECIDED_ON, paid in one payment planned PLANNED_ON, or in instalments until 100 days from today."""
    application = services.application_review_start(
        application=submitted(aid, organisation, user, **overrides), actor=instructor
    )
    return services.application_grant(
        application=application,
        actor=instructor,
        amount_granted=amount,
        decision_reference="CP-2027-04-12",
        decision_date=DECIDED_ON,
        conditions="Travaux achevés sous deux ans.",
        planned_payment_date=PLANNED_ON,
        **(INSTALMENTS if instalments else {}),
    )
