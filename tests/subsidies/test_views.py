"""The applicant's and the instructor's pages, through the HTTP layer."""

import html
from decimal import Decimal

from django.core import mail
from django.urls import reverse

from extranet.subsidies.models import Application, Status
from tests.subsidies.factories import DECIDED_ON, PLANNED_ON, application_fields, submitted


def _form_data(**overrides):
    fields = application_fields(**overrides)
    return {
        **{name: value for name, value in fields.items() if value is not None},
        "total_cost": "120000,00",
        "amount_requested": "36000,00",
        "start_date": "2027-03-01",
        "end_date": "2027-09-30",
    }


def test_an_eligible_editor_applies_from_the_aid_page(client, commune_aid, commune, editor, member):
    """The aid's page offers “Demander cette aide”; the draft is saved, then submitted with its receipt."""
    client.force_login(editor)
    assert "Demander cette aide" in client.get(commune_aid.url).content.decode()
    response = client.post(reverse("subsidies:start", args=[commune_aid.pk]), {**_form_data(), "save": ""})
    application = Application.objects.get()
    assert response["Location"] == reverse("subsidies:detail", args=[application.pk])
    assert application.status == Status.DRAFT and application.total_cost == Decimal("120000.00")

    client.post(reverse("subsidies:submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.receipt_number
    page = client.get(reverse("subsidies:detail", args=[application.pk])).content.decode()
    assert application.receipt_number in page and "Brouillon → Déposée" in page
    assert mail.outbox

    # A mere member cannot apply on the commune's behalf: no button.
    client.force_login(member)
    assert "Demander cette aide" not in client.get(commune_aid.url).content.decode()


def test_the_form_shows_the_french_error_and_saves_nothing(client, commune_aid, editor):
    client.force_login(editor)
    data = {**_form_data(), "amount_requested": "120000,01", "submit": ""}
    response = client.post(reverse("subsidies:start", args=[commune_aid.pk]), data)
    assert response.status_code == 400
    assert "dépasse le coût total" in response.content.decode()
    assert not Application.objects.exists()


def under_review(client, application, instructor):
    """The application as the instructor, logged in, put it under review from its page."""
    client.force_login(instructor)
    client.post(
        reverse("subsidies:instruct", args=[application.pk, "review_start"]),
        {"review_start-version": application.version},
    )
    application.refresh_from_db()
    return application


def grant_data(application) -> dict:
    """The grant form as an instructor fills it in on the application's page."""
    return {
        "grant-version": application.version,
        "grant-amount_granted": "30000,50",
        "grant-decision_reference": "CP-2027-04",
        "grant-decision_date": DECIDED_ON.isoformat(),
        "grant-nature": "aide en numéraire",
        "grant-payment_conditions": "unique",
        "grant-planned_payment_date": PLANNED_ON.isoformat(),
    }


def test_an_instructor_grants_from_the_application_page(client, commune_aid, commune, editor, departement_editor):
    application = under_review(client, submitted(commune_aid, commune, editor), departement_editor)
    data = grant_data(application)
    response = client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.GRANTED and application.amount_granted == Decimal("30000.50")
    # The same form posted again is stale: refused with the French message, nothing changed.
    response = client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data)
    assert response.status_code == 400 and "entre-temps" in response.content.decode()


def test_a_provider_without_siret_is_told_to_record_it_before_granting(
    client, commune_aid, commune, editor, departement, departement_editor
):
    """The SCDL names the provider by its SIRET: without one, the grant is refused in French and the form kept."""
    application = under_review(client, submitted(commune_aid, commune, editor), departement_editor)
    departement.siret = ""
    departement.save(update_fields=["siret"])
    data = grant_data(application)

    response = client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data)

    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert (
        "Renseignez le SIRET de l’organisation Département du Loiret (dans les paramètres de l’organisation) avant "
        "d’attribuer des subventions\u00a0: l’export en données ouvertes des subventions (SCDL) désigne "
        "l’attribuant par ce numéro."
    ) in page
    assert 'value="CP-2027-04"' in page
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW and application.amount_granted is None
