"""The organisation's editors record notices and contracts in Wagtail's admin, in their own section only."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from extranet.procurement.models import AwardedContractPage
from tests.procurement.factories import notice, section_of

pytestmark = pytest.mark.django_db


def contract_form(siret):
    return nested_form_data(
        {
            "title": "Attribution du lot unique",
            "slug": "attribution",
            "identifier": "2026-009",
            "contract_form": "marche",
            "amount": "1234.10",
            "duration_months": "4",
            "notification_date": "2026-11-02",
            "offers_received": "3",
            "holders": inline_formset([{"name": "Travaux Publics du Loiret", "siret": siret}]),
            "action-publish": "action-publish",
        }
    )


def test_an_editor_adds_notices_in_their_own_section_only(client, montargis, departement, montargis_editor):
    """Montargis's editor opens the add form in Montargis's section, not in the département's."""
    client.force_login(montargis_editor)

    def add_url(organisation):
        return reverse(
            "wagtailadmin_pages:add", args=["procurement", "procurementnoticepage", section_of(organisation).pk]
        )

    assert client.get(add_url(montargis)).status_code == 200
    assert client.get(add_url(departement)).status_code != 200


def test_an_editor_records_a_contract_under_a_notice(client, montargis, montargis_editor):
    """An invalid SIRET is refused in French and nothing saved; a valid one records the contract and its holder."""
    cantine = notice(montargis)
    client.force_login(montargis_editor)
    url = reverse("wagtailadmin_pages:add", args=["procurement", "awardedcontractpage", cantine.pk])

    refused = client.post(url, contract_form("73282932000075"))
    assert "Ce numéro SIRET n&#x27;est pas valide (clé de contrôle erronée)." in refused.content.decode()
    assert not AwardedContractPage.objects.exists()

    client.post(url, contract_form("73282932000074"))
    recorded = AwardedContractPage.objects.get()
    assert (recorded.organisation_id, recorded.notice_id, recorded.live) == (montargis.pk, cantine.pk, True)
    assert [holder.siret for holder in recorded.holders.all()] == ["73282932000074"]
    assert str(recorded.amount) == "1234.10"
