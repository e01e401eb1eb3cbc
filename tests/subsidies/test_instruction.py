"""The provider's instruction: allowed transitions only, each logged and notified, amounts checked, no overwrite."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from extranet.subsidies import services
from extranet.subsidies.models import Application, PaymentConditions, Status
from tests.subsidies.factories import DECIDED_ON, PLANNED_ON, TODAY, draft, granted, submitted


def test_illegal_transitions_are_refused(commune_aid, commune, editor, departement_editor):
    """A submitted application cannot be granted before review, a draft cannot be closed, nor paid before a grant."""
    application = submitted(commune_aid, commune, editor)
    with pytest.raises(ValidationError, match="Une demande « Déposée » ne peut pas passer à « Attribuée »"):
        services.application_grant(
            application=application,
            actor=departement_editor,
            amount_granted=Decimal("1000.00"),
            decision_reference="CP-1",
            decision_date=DECIDED_ON,
            planned_payment_date=PLANNED_ON,
        )
    with pytest.raises(ValidationError, match="« Brouillon » ne peut pas passer à « Clôturée »"):
        services.application_close(application=draft(commune_aid, commune, editor), actor=departement_editor)
    with pytest.raises(ValidationError, match="uniquement|que pour une subvention attribuée"):
        services.payment_record(application=application, actor=departement_editor, date=TODAY, amount=Decimal("10.00"))
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.amount_granted is None


def test_the_whole_cycle_is_logged_and_notified(commune_aid, commune, editor, departement_editor):
    """Incomplete, resubmitted, reviewed, granted, paid twice, closed: each step logged with who, and e-mailed."""
    application = submitted(commune_aid, commune, editor)
    application = services.application_request_documents(
        application=application, actor=departement_editor, message="Joindre la délibération du conseil municipal."
    )
    application = services.application_submit(application=application, user=editor)
    receipt = application.receipt_number
    application = granted_after_review(application, departement_editor)
    services.payment_record(
        application=application, actor=departement_editor, date=PLANNED_ON, amount=Decimal("10000.10")
    )
    services.payment_record(application=application, actor=departement_editor, date=TODAY, amount=Decimal("19999.90"))
    application.refresh_from_db()
    services.application_close(application=application, actor=departement_editor)

    steps = [(c.from_status, c.to_status, c.actor) for c in application.status_changes.all()]
    assert steps == [
        (Status.DRAFT, Status.SUBMITTED, editor),
        (Status.SUBMITTED, Status.INCOMPLETE, departement_editor),
        (Status.INCOMPLETE, Status.SUBMITTED, editor),
        (Status.SUBMITTED, Status.UNDER_REVIEW, departement_editor),
        (Status.UNDER_REVIEW, Status.GRANTED, departement_editor),
        (Status.GRANTED, Status.PAID, departement_editor),
        (Status.PAID, Status.PAID, departement_editor),
        (Status.PAID, Status.CLOSED, departement_editor),
    ]
    assert application.status_changes.all()[1].comment == "Joindre la délibération du conseil municipal."
    application.refresh_from_db()
    assert application.receipt_number == receipt
    # Two recipients (the author and the contact) for each of the 8 steps.
    assert len(mail.outbox) == 16
    assert "Incomplète" in mail.outbox[2].subject and "délibération" in mail.outbox[2].body


def granted_after_review(application, instructor):
    application = services.application_review_start(application=application, actor=instructor)
    return services.application_grant(
        application=application,
        actor=instructor,
        amount_granted=Decimal("30000.00"),
        decision_reference="CP-2027-04-12",
        decision_date=DECIDED_ON,
        payment_conditions=PaymentConditions.STAGGERED,
        planned_payment_date=PLANNED_ON,
        planned_last_payment_date=TODAY + timedelta(days=100),
    )


def test_granting_more_than_requested_needs_a_confirmation(commune_aid, commune, editor, departement_editor):
    application = services.application_review_start(
        application=submitted(commune_aid, commune, editor), actor=departement_editor
    )
    fields = dict(
        actor=departement_editor,
        amount_granted=Decimal("36000.01"),
        decision_reference="CP-7",
        decision_date=DECIDED_ON,
        planned_payment_date=PLANNED_ON,
    )
    with pytest.raises(ValidationError) as error:
        services.application_grant(application=application, **fields)
    assert "dépasse les 36\xa0000,00 € demandés" in error.value.messages[0]
    application = services.application_grant(application=application, confirm_over_request=True, **fields)
    assert application.amount_granted == Decimal("36000.01")


def test_payments_never_exceed_the_amount_granted(commune_aid, commune, editor, departement_editor):
    application = granted(
        commune_aid, commune, editor, departement_editor, amount=Decimal("30000.00"), instalments=True
    )
    services.payment_record(
        application=application, actor=departement_editor, date=PLANNED_ON, amount=Decimal("29999.99")
    )
    with pytest.raises(ValidationError) as error:
        services.payment_record(application=application, actor=departement_editor, date=TODAY, amount=Decimal("0.02"))
    assert "30\xa0000,01 € seraient versés sur les 30\xa0000,00 € attribués" in error.value.messages[0]
    assert application.payments.count() == 1


def test_a_change_made_meanwhile_is_not_overwritten(commune_aid, commune, editor, departement_editor):
    """Two instructors opened the same version: the second one's action is refused, the first one's kept."""
    application = submitted(commune_aid, commune, editor)
    seen = application.version
    services.application_request_documents(
        application=application, actor=departement_editor, message="Devis manquants.", expected_version=seen
    )
    with pytest.raises(ValidationError, match="Quelqu'un d'autre a modifié cette demande entre-temps"):
        services.application_review_start(application=application, actor=departement_editor, expected_version=seen)
    application.refresh_from_db()
    assert application.status == Status.INCOMPLETE
    assert application.status_changes.last().comment == "Devis manquants."


def test_the_author_finds_each_status_change_in_the_notification_centre(
    commune_aid, commune, editor, departement_editor
):
    """A change made by the instructor lands in the author's centre; the author's own submission does not."""
    from extranet.notifications.models import Notification

    application = submitted(commune_aid, commune, editor)
    assert not Notification.objects.exists()

    services.application_request_documents(application=application, actor=departement_editor, message="Joindre le RIB.")

    notification = Notification.objects.get()
    assert (notification.user, notification.kind, notification.actor) == (editor, "subsidy_status", departement_editor)
    assert notification.url == f"/subventions/demande/{application.pk}/" and notification.body == "Joindre le RIB."


def test_a_phone_saved_before_it_was_checked_does_not_block_instruction(
    commune_aid, commune, editor, departement_editor
):
    """An application saved with "02 38 59 70 08 poste 12" is still reviewed: only the applicant's edits check it."""
    application = submitted(commune_aid, commune, editor)
    Application.objects.filter(pk=application.pk).update(contact_phone="02 38 59 70 08 poste 12")
    application.refresh_from_db()

    application = services.application_review_start(application=application, actor=departement_editor)

    assert application.status == Status.UNDER_REVIEW


def test_an_author_who_left_the_commune_hears_no_more_of_its_application(
    commune_aid, commune, editor, departement_editor
):
    """Once the author has left Jargeau, the instructor's request reaches the named contact only, not the author."""
    from extranet.notifications.models import Notification
    from extranet.organisations.models import Membership
    from extranet.organisations.services import membership_remove

    application = submitted(commune_aid, commune, editor)
    membership_remove(membership=Membership.objects.get(user=editor, organisation=commune))
    mail.outbox.clear()

    services.application_request_documents(
        application=application, actor=departement_editor, message="Joindre la délibération du 3 mars."
    )

    assert [message.to for message in mail.outbox] == [[application.contact_email.lower()]]
    assert editor.email.lower() != application.contact_email.lower()
    assert not Notification.objects.filter(user=editor).exists()


@pytest.mark.parametrize(
    ("decision_date", "message"),
    [
        (
            TODAY + timedelta(days=1),
            "Une décision s'enregistre une fois prise : sa date ne peut pas être dans le futur.",
        ),
        (date(1901, 1, 1), "La décision ne peut pas précéder la demande, déposée le "),
    ],
)
def test_a_decision_is_dated_between_the_application_and_today(
    commune_aid, commune, editor, departement_editor, decision_date, message
):
    """The open data publish the decision's date: 1901 or tomorrow is refused in French, nothing changes."""
    application = services.application_review_start(
        application=submitted(commune_aid, commune, editor), actor=departement_editor
    )

    with pytest.raises(ValidationError) as error:
        services.application_grant(
            application=application,
            actor=departement_editor,
            amount_granted=Decimal("1000.00"),
            decision_reference="CP-9",
            decision_date=decision_date,
            planned_payment_date=decision_date,
        )

    assert error.value.messages[0].startswith(message)
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW


@pytest.mark.parametrize(
    ("payment_date", "message"),
    [
        (TODAY + timedelta(days=1), "Un versement s'enregistre une fois effectué"),
        (DECIDED_ON - timedelta(days=1), "Un versement ne peut pas précéder la décision du "),
    ],
)
def test_a_payment_is_dated_between_the_decision_and_today(
    commune_aid, commune, editor, departement_editor, payment_date, message
):
    """A payment recorded in the future or before the decision is refused, and none is stored."""
    application = granted(commune_aid, commune, editor, departement_editor, instalments=True)

    with pytest.raises(ValidationError) as error:
        services.payment_record(
            application=application, actor=departement_editor, date=payment_date, amount=Decimal("10.00")
        )

    assert error.value.messages[0].startswith(message)
    assert not application.payments.exists()


def test_a_single_payment_is_recorded_once(commune_aid, commune, editor, departement_editor):
    """A grant paid in one payment takes no second one: the instructor is told when the first was recorded."""
    application = granted(commune_aid, commune, editor, departement_editor, amount=Decimal("30000.00"))
    services.payment_record(application=application, actor=departement_editor, date=PLANNED_ON, amount=Decimal("100"))

    with pytest.raises(ValidationError, match="versée en une fois, versement déjà enregistré le"):
        services.payment_record(application=application, actor=departement_editor, date=TODAY, amount=Decimal("100"))
    assert application.payments.count() == 1
