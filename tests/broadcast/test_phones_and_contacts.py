"""French mobile numbers, SMS segments and the CSV import of contacts, with their French errors."""

import pytest
from django.core.exceptions import ValidationError

from extranet.broadcast.contacts import contacts_parse
from extranet.broadcast.phones import french_mobile_normalise, sms_size


@pytest.mark.parametrize(
    "raw",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "+33612345678",
    ],
)
def test_french_mobiles_are_normalised_to_e164(raw):
    """Every usual way of writing a mobile number gives the same E.164 number."""
    assert french_mobile_normalise(raw) == "+33612345678"


def test_a_landline_is_refused_in_french():
    """A 01 number is not a mobile: the message says so in French."""
    with pytest.raises(ValidationError) as error:
        french_mobile_normalise("01 23 45 67 89")
    assert error.value.messages == [
        "« 01 23 45 67 89 » n'est pas un numéro de mobile français (06 ou 07, par exemple 06 12 34 56 78)."
    ]


def test_sms_segments_gsm7_and_ucs2():
    """GSM-7 holds 160 characters in one SMS then 153 a segment; UCS-2 holds 70 then 67; € counts twice."""
    assert (sms_size("a" * 160).segments, sms_size("a" * 161).segments, sms_size("a" * 306).segments) == (1, 2, 2)
    assert sms_size("a" * 307).segments == 3
    assert sms_size("é" * 160).encoding == "GSM-7"
    assert sms_size("€" * 80).length == 160 and sms_size("€" * 81).segments == 2
    ucs = sms_size("ê" * 70)
    assert (ucs.encoding, ucs.segments, sms_size("ê" * 71).segments, sms_size("ê" * 134).segments) == ("UCS-2", 1, 2, 2)
    assert sms_size("ê" * 135).segments == 3


def test_csv_contacts_are_read_and_every_bad_line_reported():
    """A semicolon CSV with a bad number and a bad address: both lines are named in French, nothing is kept."""
    good = "nom;email;telephone\nMarie Durand;marie@example.fr;06 12 34 56 78\nPaul;;07 98 76 54 32\n"
    assert [c.phone for c in contacts_parse(good.encode())] == ["+33612345678", "+33798765432"]

    bad = good + "Luc;luc@example.fr;02 38 00 00 00\nAnne;pas-une-adresse;\n"
    with pytest.raises(ValidationError) as error:
        contacts_parse(bad.encode())
    assert error.value.messages[0].startswith("Ligne 4 : « 02 38 00 00 00 » n'est pas un numéro de mobile français")
    assert error.value.messages[1] == "Ligne 5 : « pas-une-adresse » n'est pas une adresse e-mail valide."


@pytest.mark.parametrize(
    "encoded",
    [
        b"nom;email\rMarie;marie@example.fr\rPaul;paul@example.fr\r",  # Mac Excel's line ends
        "nom;email\r\nMarie;marie@example.fr\r\nPaul;paul@example.fr\r\n".encode("utf-16"),  # Excel's "Unicode text"
    ],
)
def test_csv_files_of_other_spreadsheets_are_read(encoded):
    """Carriage returns alone and UTF-16 with its mark are read like any CSV."""
    assert [c.email for c in contacts_parse(encoded)] == ["marie@example.fr", "paul@example.fr"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "Ce fichier n’est pas un fichier CSV (texte)."),
        (b'nom;email\n"' + b"x" * 200_000 + b'";a@example.fr\n', "Le fichier n’a pas pu être lu comme un CSV."),
    ],
)
def test_a_file_that_is_not_a_csv_gets_a_french_error(data, message):
    """An image or a cell the CSV reader refuses (over 128 KB) gets a sentence, not an error page."""
    with pytest.raises(ValidationError) as error:
        contacts_parse(data)
    assert error.value.messages[0].startswith(message)
