"""The payment dates a grant decision plans: checked on the form, shown on the page, published in the SCDL export."""

import csv
import html
import io
from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from extranet.subsidies import services
from extranet.subsidies.models import Status
from tests.subsidies.factories import DECIDED_ON, PAID_ON, PLANNED_ON, TODAY, granted, submitted
from tests.subsidies.test_views import grant_data, under_review

LAST_PLANNED = TODAY + timedelta(days=60)


def scdl_payment_dates(client) -> list[str]:
    response = client.get(reverse("subsidies:granted_export", args=["csv"]))
    content = b"".join(response.streaming_content).decode("utf-8")
    return [row["datesPeriodeVersement"] for row in csv.DictReader(io.StringIO(content))]


def test_a_single_payment_publishes_its_planned_date_then_its_paid_one(
    client, commune_aid, commune, editor, departement_editor
):
    """Before the payment the export has the planned date (the schema requires one); after it, the real one."""
    application = granted(commune_aid, commune, editor, departement_editor, amount=Decimal("1000.00"))

    before = scdl_payment_dates(client)
    services.payment_record(application=application, actor=departement_editor, date=PAID_ON, amount=Decimal("1000.00"))

    assert before == [PLANNED_ON.isoformat()]
    assert scdl_payment_dates(client) == [PAID_ON.isoformat()]


def test_instalments_publish_the_planned_period_widened_by_what_was_paid(
    client, commune_aid, commune, editor, departement_editor
):
    """Instalments planned over a period publish that period, until one paid later (today) stretches it."""
    application = services.application_review_start(
        application=submitted(commune_aid, commune, editor), actor=departement_editor
    )
    application = services.application_grant(
        application=application,
        actor=departement_editor,
        amount_granted=Decimal("20000.00"),
        decision_reference="CP-2027-04-12",
        decision_date=DECIDED_ON,
        payment_conditions="échelonné",
        planned_payment_date=PLANNED_ON,
        planned_last_payment_date=PAID_ON + timedelta(days=30),
    )

    planned = scdl_payment_dates(client)
    for day in (PAID_ON, TODAY):
        services.payment_record(application=application, actor=departement_editor, date=day, amount=Decimal("10000.00"))

    assert planned == [f"{PLANNED_ON.isoformat()}/{(PAID_ON + timedelta(days=30)).isoformat()}"]
    assert scdl_payment_dates(client) == [f"{PLANNED_ON.isoformat()}/{TODAY.isoformat()}"]


def test_the_detail_page_shows_the_planned_instalments(client, commune_aid, commune, editor, departement_editor):
    """The applicant reads when the instalments are planned."""
    application = under_review(client, submitted(commune_aid, commune, editor), departement_editor)
    data = {
        **grant_data(application),
        "grant-payment_conditions": "échelonné",
        "grant-planned_last_payment_date": LAST_PLANNED.isoformat(),
    }
    client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data)
    client.force_login(editor)

    page = html.unescape(client.get(application.get_absolute_url()).content.decode())

    with translation.override("fr"):
        period = f"du {date_format(PLANNED_ON, 'j F Y')} au {date_format(LAST_PLANNED, 'j F Y')}"
    assert "Versement prévu" in page and period in page


def post_grant(client, application, **changes):
    data = {**grant_data(application), **{f"grant-{name}": value for name, value in changes.items()}}
    response = client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data)
    application.refresh_from_db()
    return response.status_code, html.unescape(response.content.decode()), application


def test_dates_that_make_no_sense_are_refused_in_french_and_the_form_kept(
    client, commune_aid, commune, editor, departement_editor
):
    """No date, a date before the decision, a last date for a single payment, instalments without or before it."""
    application = under_review(client, submitted(commune_aid, commune, editor), departement_editor)
    cases = [
        ({"planned_payment_date": ""}, "Champ requis."),
        (
            {"planned_payment_date": (DECIDED_ON - timedelta(days=1)).isoformat()},
            "Un versement ne peut pas être prévu avant la décision.",
        ),
        (
            {"planned_last_payment_date": LAST_PLANNED.isoformat()},
            "Un versement unique n'a qu'une date : laissez vide celle du dernier versement.",
        ),
        ({"payment_conditions": "échelonné"}, "Indiquez la date prévue du dernier versement."),
        (
            {"payment_conditions": "échelonné", "planned_last_payment_date": PLANNED_ON.isoformat()},
            "Le dernier versement doit venir après le premier.",
        ),
    ]
    for changes, message in cases:
        status, page, application = post_grant(client, application, **changes)

        assert status == 400 and message in page, changes
        assert 'value="CP-2027-04"' in page
        assert application.status == Status.UNDER_REVIEW and application.amount_granted is None
