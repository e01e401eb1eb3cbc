"""Amounts are typed and read the French way: "185 000,00 €" is accepted, and refusals show amounts so."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from extranet.subsidies.amounts import EuroAmountField
from extranet.subsidies.models import Application
from tests.subsidies.test_views import _form_data


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("185 000,00", Decimal("185000.00")),
        ("185\u202f000,50 €", Decimal("185000.50")),
        ("185\u00a0000", Decimal("185000")),
        ("12500.5", Decimal("12500.5")),
    ],
)
def test_grouped_digits_and_the_euro_sign_are_read(typed, amount):
    """What the pages show (narrow no-break spaces, a euro sign) can be typed or pasted back."""
    with translation.override("fr"):
        assert EuroAmountField(max_digits=14, decimal_places=2).clean(typed) == amount


def test_an_application_typed_with_spaces_is_saved(client, commune_aid, editor):
    """The applicant types the total cost as the detail page shows it."""
    client.force_login(editor)
    data = {**_form_data(), "total_cost": "185 000,00", "amount_requested": "36 000,00 €", "save": ""}

    client.post(reverse("subsidies:start", args=[commune_aid.pk]), data)

    application = Application.objects.get()
    assert (application.total_cost, application.amount_requested) == (Decimal("185000.00"), Decimal("36000.00"))


def test_the_over_cost_refusal_shows_french_amounts(client, commune_aid, editor):
    """ "(200 000,00 €) dépasse le coût total (185 000,00 €)", not "(200000 €)" and "(185000.00 €)"."""
    client.force_login(editor)
    data = {**_form_data(), "total_cost": "185000", "amount_requested": "200000", "save": ""}

    page = html.unescape(client.post(reverse("subsidies:start", args=[commune_aid.pk]), data).content.decode())

    assert "Le montant demandé (200\u00a0000,00 €) dépasse le coût total (185\u00a0000,00 €)." in page


def test_a_contact_phone_that_is_no_number_is_refused(client, commune_aid, editor):
    """ "abc" is refused in French, as the directory and the profile refuse it; the rest of the form is kept."""
    client.force_login(editor)
    data = {**_form_data(), "contact_phone": "abc", "save": ""}

    page = html.unescape(client.post(reverse("subsidies:start", args=[commune_aid.pk]), data).content.decode())

    assert "Saisissez un numéro français à dix chiffres (01 23 45 67 89)" in page
    assert 'value="120000,00"' in page or "120000,00" in page
    assert not Application.objects.exists()


def test_a_draft_with_a_nil_amount_is_kept_but_not_sent(client, commune_aid, editor):
    """A draft asking 0 € is saved; sending it is refused in French and the draft stays a draft."""
    client.force_login(editor)
    data = {**_form_data(), "total_cost": "0", "amount_requested": "0", "submit": ""}

    response = client.post(reverse("subsidies:start", args=[commune_aid.pk]), data, follow=True)

    application = Application.objects.get()
    assert application.status == "draft" and not application.receipt_number
    assert "Indiquez le montant demandé (plus de 0 €) avant d'envoyer la demande." in html.unescape(
        response.content.decode()
    )


def test_a_negative_grant_gets_the_same_message_as_zero(client, commune_aid, commune, editor, departement_editor):
    """−500 € granted is refused with "supérieur à zéro", like 0, not with Django's "supérieure ou égale à 0"."""
    from tests.subsidies.factories import submitted
    from tests.subsidies.test_views import grant_data, under_review

    application = under_review(client, submitted(commune_aid, commune, editor), departement_editor)
    data = {**grant_data(application), "grant-amount_granted": "-500"}

    page = html.unescape(
        client.post(reverse("subsidies:instruct", args=[application.pk, "grant"]), data).content.decode()
    )

    assert "supérieur à zéro" in page and "supérieure ou égale" not in page
