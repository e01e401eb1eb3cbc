"""Bad input in the Wagtail editor of an act gets a French message, and nothing is saved."""

import pytest
from django.core.files.storage import default_storage

from extranet.acts.models import ActPage
from extranet.organisations.models import Organisation
from tests.acts.factories import admin_add_url, admin_form, session, signed_pdf

pytestmark = pytest.mark.django_db


def stored_pdfs():
    return set(default_storage.listdir("actes/jargeau")[1]) if default_storage.exists("actes/jargeau") else set()


def post_new_act(client, editor, section, **overrides):
    client.force_login(editor)
    return client.post(admin_add_url(section), admin_form(**overrides))


def assert_refused(post, message):
    """`post()` gets the form back with the French `message`; no page, revision or file is saved."""
    files_before = stored_pdfs()

    response = post()

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ActPage.objects.exists()
    assert stored_pdfs() == files_before


def test_a_valid_act_is_published(client, editor, section):
    """The reference form publishes the act, so each refusal below is due to its one bad field."""
    response = post_new_act(client, editor, section)

    assert response.status_code == 302
    assert ActPage.objects.get().live


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("9.9", "9.9 n’est pas une matière de la nomenclature ACTES."),
        ("12.3", "Un code de matière est formé de deux nombres séparés par un point, comme 7.5."),
        ("7.5a", "Un code de matière est formé de deux nombres séparés par un point, comme 7.5."),
        ("7", "Un code de matière est formé de deux nombres séparés par un point, comme 7.5."),
    ],
)
def test_a_bad_matter_code_is_refused(client, editor, section, code, message):
    """A code outside the ACTES nomenclature, or not shaped like one, is refused."""
    assert_refused(lambda: post_new_act(client, editor, section, matter_code=code), message)


@pytest.mark.parametrize("year", ["24", "2024/25", "2024-2025", "an 2024"])
def test_a_bad_budget_year_is_refused(client, editor, section, year):
    """The budget year is 2024 or 2024/2025, nothing else."""
    assert_refused(
        lambda: post_new_act(client, editor, section, budget_year=year),
        "Indiquez une année budgétaire comme 2024, ou une période comme 2024/2025.",
    )


def test_a_span_of_budget_years_going_backwards_is_refused(client, editor, section):
    """2026/2024 is a typing mistake: the span goes forward."""
    assert_refused(
        lambda: post_new_act(client, editor, section, budget_year="2026/2024"),
        "Une période budgétaire va vers l’avant, comme 2024/2025.",
    )


@pytest.mark.parametrize(
    ("votes", "message"),
    [
        (
            {"votes_for": "20", "votes_against": "3", "votes_abstention": "2"},
            "font 25 au total, plus que les 23 votants",
        ),
        ({"votes_actual": "30"}, "Il ne peut y avoir plus de votants (30) que de membres en exercice (27)."),
        ({"votes_for": "-1"}, "Assurez-vous que cette valeur est supérieure ou égale à 0."),
        ({"votes_for": ""}, "Une délibération mentionne son vote : indiquez ce nombre."),
    ],
)
def test_inconsistent_votes_are_refused(client, editor, section, votes, message):
    """For, against and abstentions fit within the voters, who fit within the members in office."""
    assert_refused(lambda: post_new_act(client, editor, section, **votes), message)


def test_a_refused_number_of_the_vote_gets_one_message_not_two(client, editor, section):
    """-1 votes for is told to be 0 or more, without the contradicting "enter this number" of a missing vote."""
    response = post_new_act(client, editor, section, votes_for="-1")

    page = response.content.decode()
    assert "Assurez-vous que cette valeur est supérieure ou égale à 0." in page
    assert "Une délibération mentionne son vote" not in page


def test_an_order_may_have_no_vote_but_not_half_a_vote(client, editor, section):
    """An order has no vote; but a vote, when given, is given in full."""
    no_votes = {name: "" for name in ("votes_theoretical", "votes_actual", "votes_for", "votes_against")}
    assert_refused(
        lambda: post_new_act(client, editor, section, kind="arrete", **no_votes),
        "Indiquez tous les nombres du vote, ou aucun.",
    )

    response = post_new_act(client, editor, section, kind="arrete", votes_abstention="", **no_votes)

    assert response.status_code == 302
    assert ActPage.objects.get().has_votes is False


def test_an_act_cannot_be_published_without_the_organisation_siret(client, editor, section, commune):
    """Without a SIRET the open-data export would be invalid: the editor is told to enter it first."""
    Organisation.objects.filter(pk=commune.pk).update(siret="")

    assert_refused(lambda: post_new_act(client, editor, section), "Renseignez le SIRET de l’organisation Jargeau")


def test_a_file_renamed_pdf_is_refused(client, editor, section):
    """The content decides, not the name: a PNG called .pdf is refused."""
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200

    assert_refused(
        lambda: post_new_act(client, editor, section, pdf=png),
        "Ce fichier n’est pas un document PDF, quel que soit son nom.",
    )


def test_a_truncated_pdf_is_refused(client, editor, section):
    """A PDF cut in the middle starts like a PDF but cannot be read: it is refused."""
    truncated = signed_pdf()[:300]

    assert_refused(
        lambda: post_new_act(client, editor, section, pdf=truncated),
        "Ce document PDF ne peut pas être lu : il est abîmé ou incomplet.",
    )


def test_a_too_large_pdf_is_refused(client, editor, section, settings, monkeypatch):
    """A file over the size limit is refused before being read."""
    monkeypatch.setattr("extranet.acts.validators.MAX_PDF_SIZE", 100)

    assert_refused(lambda: post_new_act(client, editor, section), "Le fichier PDF est trop volumineux")


def test_an_act_number_is_unique_in_the_organisation(client, editor, section):
    """Two acts of Jargeau cannot share a number."""
    assert post_new_act(client, editor, section).status_code == 302

    response = post_new_act(client, editor, section, slug="autre-acte")

    assert response.status_code == 200
    assert "Un autre acte de l’organisation porte déjà ce numéro." in response.content.decode()
    assert ActPage.objects.count() == 1


def test_a_session_of_another_organisation_is_refused(client, editor, section, other_section):
    """An act of Jargeau cannot be linked to a session of Darvoy."""
    darvoy_session = session(other_section)

    assert_refused(
        lambda: post_new_act(client, editor, section, session=str(darvoy_session.pk)),
        "Choisissez une séance de la même organisation.",
    )


def test_an_expiry_within_two_months_is_refused(client, editor, section):
    """Scheduling the act to leave the site before two months is refused."""
    assert_refused(
        lambda: post_new_act(client, editor, section, expire_at="2099-01-01 10:00", go_live_at="2098-12-01 10:00"),
        "Un acte reste en ligne au moins deux mois",
    )


def test_a_reserved_slug_is_refused(client, editor, section):
    """An act cannot take the address of the section's feed."""
    assert_refused(lambda: post_new_act(client, editor, section, slug="flux"), "Cette adresse est réservée")


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"adoption_date": "2099-01-01"}, "Un acte ne peut pas avoir été adopté après aujourd&#x27;hui"),
        ({"prefecture_date": "2099-01-01"}, "L&#x27;acte ne peut pas avoir été transmis à la préfecture après"),
        (
            {"adoption_date": "2024-03-14", "prefecture_date": "2024-03-10"},
            "L&#x27;acte est transmis à la préfecture après son adoption, pas avant.",
        ),
    ],
)
def test_dates_out_of_order_are_refused(client, editor, section, dates, message):
    """A mistyped year (adopted in 2099) or a transmission before the adoption would reach the legal publication."""
    assert_refused(lambda: post_new_act(client, editor, section, **dates), message)
