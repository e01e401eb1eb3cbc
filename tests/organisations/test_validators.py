import pytest
from django.core.exceptions import ValidationError

from extranet.organisations.validators import validate_insee_code, validate_siren, validate_siret


@pytest.mark.parametrize("value", ["214501736", "244500468", "224500017"])
def test_valid_siren_is_accepted(value):
    """A 9-digit SIREN with a correct Luhn check digit passes."""
    validate_siren(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("21450173", "exactement 9 chiffres"),
        ("2145017AB", "exactement 9 chiffres"),
        ("214501737", "clé de contrôle"),
    ],
)
def test_invalid_siren_gets_a_french_message(value, message, settings):
    """A malformed or mis-keyed SIREN is refused with a French explanation."""
    with pytest.raises(ValidationError) as error:
        validate_siren(value)
    assert message in error.value.messages[0]


def test_siret_uses_luhn_except_for_la_poste():
    """SIRETs follow Luhn, but La Poste's establishments follow the digit-sum rule."""
    validate_siret("24450046800016")  # Luhn-valid.
    validate_siret("35600000000001")  # La Poste: digit sum 15, although Luhn-invalid.
    with pytest.raises(ValidationError):
        validate_siret("24450046800017")  # Luhn-invalid.
    with pytest.raises(ValidationError):
        validate_siret("35600000000048")  # La Poste: Luhn-valid, but digit sum 26.


@pytest.mark.parametrize("value", ["45173", "2A004", "2B033"])
def test_insee_codes_accept_corsica(value):
    """INSEE codes are 2 digits (or 2A/2B) then 3 digits."""
    validate_insee_code(value)


def test_insee_code_rejects_letters():
    """An INSEE code with letters outside Corsica's prefix is refused."""
    with pytest.raises(ValidationError):
        validate_insee_code("4517A")
