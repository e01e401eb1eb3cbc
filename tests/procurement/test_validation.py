"""Bad notices and contracts are refused with a French message, and nothing is saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from extranet.procurement.models import AwardedContractPage, ContractHolder, ProcurementNoticePage
from tests.procurement.factories import contract, notice

pytestmark = pytest.mark.django_db


def messages_of(refusal) -> str:
    return " ".join(refusal.value.messages)


@pytest.mark.parametrize("cpv_code", ["45000000", "4500000-7", "45000000-77", "45OOOOOO-7"])
def test_a_badly_formed_cpv_code_is_refused(montargis, cpv_code):
    """A CPV code that is not 8 digits, a hyphen and a digit is refused in French; no notice is created."""
    with pytest.raises(ValidationError) as refusal:
        notice(montargis, cpv_code=cpv_code)

    assert (
        "Un code CPV se compose de 8 chiffres, d'un tiret et d'un chiffre de contrôle, par exemple 45000000-7."
        in refusal.value.message_dict["cpv_code"]
    )
    assert not ProcurementNoticePage.objects.exists()


def test_a_new_notice_with_a_past_deadline_is_refused(montargis):
    """A notice cannot be published already closed."""
    with pytest.raises(ValidationError) as refusal:
        notice(montargis, offers_deadline=timezone.now() - timedelta(minutes=1))

    assert refusal.value.message_dict["offers_deadline"] == [
        "La date limite de remise des offres est déjà passée\u00a0: choisissez une date ultérieure."
    ]


@pytest.mark.parametrize(
    ("code_type", "code", "accepted"),
    [
        ("commune", "XYZ!!", False),
        ("commune", "2A004", True),
        ("commune", "97411", True),
        ("commune", "4517", False),
        ("postal", "45150", True),
        ("postal", "45 150", False),
        ("departement", "974", True),
        ("departement", "2B", True),
        ("departement", "4", False),
        ("region", "24", True),
        ("pays", "FR", True),
        ("pays", "France", False),
    ],
)
def test_the_place_code_fits_its_kind(montargis, code_type, code, accepted):
    """The code of the place of execution goes into the DECP export: it must be a code of the kind chosen."""
    fields = {"execution_place_code": code, "execution_place_code_type": code_type}
    if accepted:
        assert notice(montargis, **fields).execution_place_code == code
        return
    with pytest.raises(ValidationError) as refusal:
        notice(montargis, **fields)

    assert "execution_place_code" in refusal.value.message_dict
    assert not ProcurementNoticePage.objects.exists()


def test_a_bad_commune_code_is_explained_in_french(montargis):
    with pytest.raises(ValidationError) as refusal:
        notice(montargis, execution_place_code="XYZ!!", execution_place_code_type="commune")

    assert refusal.value.message_dict["execution_place_code"] == [
        "Le code INSEE d'une commune compte 5 caractères, par exemple 45173, 2A004 ou 97411."
    ]


@pytest.mark.parametrize(
    ("siret", "message"),
    [
        ("7328293200007", "Un numéro SIRET comporte exactement 14 chiffres."),
        ("73282932000075", "Ce numéro SIRET n'est pas valide (clé de contrôle erronée)."),
    ],
)
def test_a_holder_with_an_invalid_siret_is_refused(montargis, siret, message):
    """A holder's SIRET must have 14 digits and pass the Luhn check; the contract is not recorded."""
    with pytest.raises(ValidationError) as refusal:
        contract(notice(montargis), holders=[("Entreprise Dupont", siret)])

    assert message in messages_of(refusal)
    assert not AwardedContractPage.objects.exists()
    assert not ContractHolder.objects.exists()


def test_a_contract_needs_a_holder_and_a_unique_number(montargis):
    """Without holder, or with a number the organisation already used, the contract is refused."""
    awarded = notice(montargis)
    contract(awarded, identifier="2026-001")

    with pytest.raises(ValidationError) as no_holder:
        contract(awarded, holders=[])
    with pytest.raises(ValidationError) as same_number:
        contract(awarded, identifier="2026-001")

    assert messages_of(no_holder) == "Indiquez au moins un titulaire du marché."
    assert "Un autre marché de votre organisation porte déjà ce numéro." in messages_of(same_number)
    assert AwardedContractPage.objects.count() == 1


def test_a_contract_of_a_buyer_without_siret_is_refused(montargis):
    """The DECP names the buyer by its SIRET: without one recorded, the contract is refused in French."""
    awarded = notice(montargis)
    montargis.siret = ""
    montargis.save(update_fields=["siret"])

    with pytest.raises(ValidationError) as refusal:
        contract(awarded)

    assert messages_of(refusal) == (
        "Renseignez le SIRET de l’organisation Montargis (dans les paramètres de l’organisation) avant "
        "d’enregistrer ses marchés\u00a0: l’export en données ouvertes des marchés (DECP) désigne l’acheteur "
        "par ce numéro."
    )
    assert not AwardedContractPage.objects.exists()
    assert not ContractHolder.objects.exists()
