"""The provider's writes: ask for documents, review, grant or refuse, record payments, close.

The views reach these only for the aid's provider editors and admins (`selectors.application_get_for_viewer`
with action "instruct"); each takes the version the instructor's form was built on.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..amounts import euros
from ..models import Application, Nature, Payment, PaymentConditions, Status
from .transitions import application_lock, transition_apply

CENTS = Decimal("0.01")


def _required(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _check_amount(amount, field: str) -> Decimal:
    if not isinstance(amount, Decimal) or amount <= 0 or amount != amount.quantize(CENTS):
        raise ValidationError({field: _("Give an amount in euros, greater than zero, with at most two decimals.")})
    return amount


def _check_decision_date(*, application: Application, decision_date) -> None:
    """A decision is recorded once taken, on an application already submitted: the open-data export (SCDL
    dateConvention) publishes its date."""
    if decision_date is None:
        raise ValidationError({"decision_date": _("Give the date of the decision.")})
    if decision_date > timezone.localdate():
        raise ValidationError(
            {"decision_date": _("A decision is recorded once taken: its date cannot be in the future.")}
        )
    submitted_on = timezone.localdate(application.submitted_at) if application.submitted_at else None
    if submitted_on and decision_date < submitted_on:
        raise ValidationError(
            {
                "decision_date": _("The decision cannot precede the application, submitted on %(date)s.")
                % {"date": date_format(submitted_on, "SHORT_DATE_FORMAT")}
            }
        )


def _check_payment_date(*, application: Application, payment_date) -> None:
    """A payment is recorded once made, after the decision (planned ones are in the decision)."""
    if payment_date is None:
        raise ValidationError({"date": _("Give the date of the payment.")})
    if payment_date > timezone.localdate():
        raise ValidationError(
            {"date": _("A payment is recorded once made: its date cannot be in the future (the decision plans it).")}
        )
    if application.decision_date and payment_date < application.decision_date:
        raise ValidationError(
            {
                "date": _("A payment cannot precede the decision of %(date)s.")
                % {"date": date_format(application.decision_date, "SHORT_DATE_FORMAT")}
            }
        )


def _check_planned_payments(*, decision_date, payment_conditions: str, first, last) -> None:
    """The open-data export publishes these dates (SCDL datesPeriodeVersement): each must make sense."""
    if first is None:
        raise ValidationError(
            {"planned_payment_date": _("Give the planned date of payment (of the first one, when in instalments).")}
        )
    if first < decision_date:
        raise ValidationError({"planned_payment_date": _("A payment cannot be planned before the decision.")})
    if payment_conditions == PaymentConditions.SINGLE and last is not None:
        raise ValidationError(
            {"planned_last_payment_date": _("A single payment has one date: leave the last payment's date empty.")}
        )
    if payment_conditions == PaymentConditions.STAGGERED:
        if last is None:
            raise ValidationError({"planned_last_payment_date": _("Give the planned date of the last payment.")})
        if last <= first:
            raise ValidationError({"planned_last_payment_date": _("The last payment comes after the first one.")})


@transaction.atomic
def application_request_documents(
    *, application: Application, actor, message: str, expected_version: int | None = None
) -> Application:
    """Send the application back as incomplete, saying what is missing; the applicant completes and resubmits."""
    message = _required(message, _("Say which documents or information are missing."))
    locked = application_lock(application=application, expected_version=expected_version)
    return transition_apply(application=locked, to_status=Status.INCOMPLETE, actor=actor, comment=message)


@transaction.atomic
def application_review_start(
    *, application: Application, actor, comment: str = "", expected_version: int | None = None
) -> Application:
    locked = application_lock(application=application, expected_version=expected_version)
    return transition_apply(application=locked, to_status=Status.UNDER_REVIEW, actor=actor, comment=comment.strip())


@transaction.atomic
def application_grant(
    *,
    application: Application,
    actor,
    amount_granted: Decimal,
    decision_reference: str,
    decision_date,
    conditions: str = "",
    nature: str = Nature.CASH,
    payment_conditions: str = PaymentConditions.SINGLE,
    planned_payment_date=None,
    planned_last_payment_date=None,
    notified_to_eu: bool = False,
    confirm_over_request: bool = False,
    expected_version: int | None = None,
) -> Application:
    """Grant the subsidy; more than was requested only when the instructor confirms it.

    The decision plans when it is paid: one date, or the first and last dates of the instalments.
    """
    locked = application_lock(application=application, expected_version=expected_version)
    provider = locked.aid.organisation
    if not provider.siret:
        raise ValidationError(
            _(
                "Enter the SIRET of the organisation %(name)s (in the organisation's settings) before granting "
                "subsidies: the open-data export of the subsidies (SCDL) names the provider by it."
            )
            % {"name": provider.name},
            code="provider_without_siret",
        )
    amount_granted = _check_amount(amount_granted, "amount_granted")
    if amount_granted > locked.amount_requested and not confirm_over_request:
        raise ValidationError(
            {
                "amount_granted": _(
                    "%(granted)s is more than the %(requested)s requested: tick the confirmation to grant it anyway."
                )
                % {"granted": euros(amount_granted), "requested": euros(locked.amount_requested)}
            },
            code="over_request",
        )
    _check_decision_date(application=locked, decision_date=decision_date)
    payment_conditions = PaymentConditions(payment_conditions)
    _check_planned_payments(
        decision_date=decision_date,
        payment_conditions=payment_conditions,
        first=planned_payment_date,
        last=planned_last_payment_date,
    )
    changes = {
        "amount_granted": amount_granted,
        "decision_reference": _required(decision_reference, _("Give the reference of the decision.")),
        "decision_date": decision_date,
        "conditions": conditions.strip(),
        "nature": Nature(nature),
        "payment_conditions": payment_conditions,
        "planned_payment_date": planned_payment_date,
        "planned_last_payment_date": planned_last_payment_date,
        "notified_to_eu": notified_to_eu,
    }
    comment = _("%(amount)s granted (decision %(reference)s).") % {
        "amount": euros(amount_granted),
        "reference": changes["decision_reference"],
    }
    return transition_apply(application=locked, to_status=Status.GRANTED, actor=actor, comment=comment, changes=changes)


@transaction.atomic
def application_refuse(
    *, application: Application, actor, reason: str, expected_version: int | None = None
) -> Application:
    reason = _required(reason, _("Give the reason for the refusal."))
    locked = application_lock(application=application, expected_version=expected_version)
    return transition_apply(
        application=locked, to_status=Status.REFUSED, actor=actor, comment=reason, changes={"refusal_reason": reason}
    )


@transaction.atomic
def payment_record(
    *, application: Application, actor, date, amount: Decimal, expected_version: int | None = None
) -> Payment:
    """Record a payment of a granted subsidy; the payments together never exceed the amount granted."""
    locked = application_lock(application=application, expected_version=expected_version)
    amount = _check_amount(amount, "amount")
    if locked.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Payments are recorded only for a granted subsidy."), code="transition")
    _check_payment_date(application=locked, payment_date=date)
    earlier = locked.payments.order_by("date").first()
    if earlier is not None and locked.payment_conditions == PaymentConditions.SINGLE:
        raise ValidationError(
            _("This subsidy is paid in a single payment, already recorded on %(date)s.")
            % {"date": date_format(earlier.date, "SHORT_DATE_FORMAT")},
            code="single_payment",
        )
    paid = locked.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    if paid + amount > locked.amount_granted:
        raise ValidationError(
            {
                "amount": _("With this payment, %(total)s would be paid out of the %(granted)s granted.")
                % {"total": euros(paid + amount), "granted": euros(locked.amount_granted)}
            },
            code="over_grant",
        )
    payment = Payment.objects.create(application=locked, date=date, amount=amount, recorded_by=actor)
    comment = _("Payment of %(amount)s on %(date)s.") % {"amount": euros(amount), "date": date.strftime("%d/%m/%Y")}
    transition_apply(application=locked, to_status=Status.PAID, actor=actor, comment=comment)
    return payment


@transaction.atomic
def application_close(
    *, application: Application, actor, comment: str = "", expected_version: int | None = None
) -> Application:
    locked = application_lock(application=application, expected_version=expected_version)
    return transition_apply(application=locked, to_status=Status.CLOSED, actor=actor, comment=comment.strip())
