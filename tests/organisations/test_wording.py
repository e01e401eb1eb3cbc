"""Sentences name an organisation with its French article, contracted with "de" and "à"; English takes the name."""

import pytest
from django.utils import translation

from extranet.organisations.models import Organisation
from extranet.organisations.wording import article_guess, organisation_phrase
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "article", "of", "to", "alone"),
    [
        (
            "Département du Loiret",
            "le",
            "du Département du Loiret",
            "au Département du Loiret",
            "le Département du Loiret",
        ),
        (
            "Communauté de communes des Loges",
            "la",
            "de la Communauté de communes des Loges",
            "à la Communauté de communes des Loges",
            "la Communauté de communes des Loges",
        ),
        ("Agence de l'eau", "l'", "de l'Agence de l'eau", "à l'Agence de l'eau", "l'Agence de l'eau"),
        ("Hauts-de-France", "les", "des Hauts-de-France", "aux Hauts-de-France", "les Hauts-de-France"),
        ("Jargeau", "", "de Jargeau", "à Jargeau", "Jargeau"),
        ("Olivet", "", "d'Olivet", "à Olivet", "Olivet"),
        ("Écueillé", "", "d'Écueillé", "à Écueillé", "Écueillé"),
        ("Le Bardon", "", "du Bardon", "au Bardon", "Le Bardon"),
        ("Les Bordes", "", "des Bordes", "aux Bordes", "Les Bordes"),
        ("La Ferté-Saint-Aubin", "", "de La Ferté-Saint-Aubin", "à La Ferté-Saint-Aubin", "La Ferté-Saint-Aubin"),
        (
            "Agglomération montargoise",
            "l'",
            "de l'Agglomération montargoise",
            "à l'Agglomération montargoise",
            "l'Agglomération montargoise",
        ),
    ],
)
def test_french_contracts_the_article_with_de_and_a(name, article, of, to, alone):
    """ "du", "au", "des", "aux", "de la", "de l'", and "d'" before a vowel when the name has no article."""
    organisation = Organisation(name=name, article=article)
    with translation.override("fr"):
        assert [organisation_phrase(organisation, "de"), organisation_phrase(organisation, "à")] == [of, to]
        assert organisation_phrase(organisation) == alone


def test_english_takes_the_name_alone():
    """The English interface writes "of Département du Loiret": the article is French grammar."""
    organisation = Organisation(name="Département du Loiret", article="le")
    with translation.override("en"):
        assert organisation_phrase(organisation, "de") == "of Département du Loiret"
        assert organisation_phrase(organisation) == "Département du Loiret"


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("Département du Loiret", "le"),
        ("Communauté de communes des Loges", "la"),
        ("Agence de l'eau", "l'"),
        ("Jargeau", ""),
        ("Orléans Métropole", ""),
    ],
)
def test_a_new_organisation_gets_the_article_its_name_takes(name, article):
    """Created without one, an organisation gets the likely article; its administrators correct the rest."""
    assert article_guess(name) == article
    assert OrganisationFactory(kind="agency", name=name, slug=f"o-{len(name)}", insee_code="").article == article


def test_pages_name_the_organisation_with_its_article(client, superuser):
    """The library's heading reads "Bibliothèque du Département du Loiret", not "de Département du Loiret"."""
    departement = OrganisationFactory(kind="departement", name="Département du Loiret", slug="loiret", insee_code="")
    client.force_login(superuser)

    page = client.get(f"/bibliotheque/{departement.slug}/").content.decode()

    assert "Bibliothèque du Département du Loiret" in page and "de Département" not in page


def test_a_template_given_no_organisation_writes_nothing():
    """The filters render nothing, not an error page, when a template hands them something else."""
    from django.template import Context, Template

    rendered = Template("{% load organisation_names %}[{{ missing|of_name }}][{{ missing|named }}]").render(Context())

    assert rendered == "[][]"
