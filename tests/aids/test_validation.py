"""Bad aids are refused with a French message and nothing is saved, through the service and the Wagtail editor."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from extranet.aids.pages import AidPage
from tests.aids.factories import aid, days, section_of

pytestmark = pytest.mark.django_db


def refused(departement, **fields):
    """The French messages of the refused aid, by field; and check nothing was saved."""
    with pytest.raises(ValidationError) as refusal:
        aid(departement, **fields)
    assert not AidPage.objects.exists()
    return {field: " ".join(messages) for field, messages in refusal.value.message_dict.items()}


def test_closing_before_opening_is_refused(departement):
    """An aid cannot close before it opens."""
    errors = refused(departement, start_date=days(10), submission_deadline=days(5))

    assert errors["submission_deadline"] == "La date de clôture ne peut pas précéder la date d'ouverture."


def test_minimum_rate_above_maximum_is_refused(departement):
    """The minimum subsidy rate cannot exceed the maximum."""
    errors = refused(departement, subvention_rate_lower_bound=60, subvention_rate_upper_bound=40)

    assert errors["subvention_rate_upper_bound"] == "Le taux maximum doit être supérieur ou égal au taux minimum."


@pytest.mark.parametrize("field", ["subvention_rate_lower_bound", "subvention_rate_upper_bound"])
def test_rate_above_100_is_refused(departement, field):
    """A subsidy rate is a percentage: 120 % is refused."""
    errors = refused(departement, **{field: 120})

    assert errors[field] == "Un taux est un pourcentage compris entre 0 et 100."


def test_permanent_aid_with_a_closing_date_is_refused(departement):
    """A permanent aid has no closing date."""
    errors = refused(departement, recurrence="ongoing", submission_deadline=days(30))

    assert (
        errors["submission_deadline"] == "Une aide permanente n'a pas de date de clôture\u00a0: laissez ce champ vide."
    )


def test_an_aid_needs_a_theme(departement):
    """The service refuses an aid without any theme."""
    errors = refused(departement, themes=[])

    assert errors["themes"] == "Choisissez au moins une valeur."


def test_valid_bounds_are_accepted(departement):
    """Equal rates and a closing date on the opening day are fine."""
    created = aid(
        departement,
        subvention_rate_lower_bound=50,
        subvention_rate_upper_bound=50,
        start_date=days(3),
        submission_deadline=days(3),
    )

    assert created.live
    assert created.organisation == departement


def admin_form(**overrides):
    data = {
        "title": "Aide aux écoles numériques",
        "slug": "aide-aux-ecoles-numeriques",
        "description": rich_text("<p>Équipement des écoles.</p>"),
        "co_financers": inline_formset([]),
        "subvention_rate_lower_bound": "",
        "subvention_rate_upper_bound": "",
        "recurrence": "oneoff",
        "start_date": days(1).isoformat(),
        "submission_deadline": days(60).isoformat(),
        "eligibility": rich_text(""),
        "perimeter": "Loiret",
        "perimeter_organisations": inline_formset([]),
        "application_instructions": rich_text(""),
        "application_url": "",
        "contact": rich_text(""),
        "action-publish": "action-publish",
        **overrides,
    }
    # Checkbox lists are posted as repeated keys, which nested_form_data would number instead.
    return {
        **nested_form_data(data),
        "targeted_audiences": ["commune"],
        "aid_types": ["grant"],
        "themes": ["numerique"],
    }


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["aids", "aidpage", section_of(organisation).pk])


def test_the_editor_shows_the_french_error_and_saves_nothing(client, departement, departement_editor):
    """In the Wagtail editor, a closing date before the opening date is shown in French and nothing is created."""
    client.force_login(departement_editor)

    response = client.post(
        add_url(departement), admin_form(start_date=days(20).isoformat(), submission_deadline=days(10).isoformat())
    )

    assert response.status_code == 200
    assert "La date de clôture ne peut pas précéder la date d&#x27;ouverture." in response.content.decode()
    assert not AidPage.objects.exists()


def test_the_editor_publishes_a_valid_aid_in_its_organisation(client, departement, departement_editor):
    """A valid aid posted in the editor is published in the département's section, with its provider set."""
    client.force_login(departement_editor)

    response = client.post(add_url(departement), admin_form())

    assert response.status_code == 302
    created = AidPage.objects.get(slug="aide-aux-ecoles-numeriques")
    assert created.live
    assert created.organisation == departement
    assert [theme.code for theme in created.themes.all()] == ["numerique"]
    assert created.url == "/aides/loiret/aide-aux-ecoles-numeriques/"
