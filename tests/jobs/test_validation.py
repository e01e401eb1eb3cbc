"""Bad job offers are refused with a French message and nothing is saved, through the service and the editor."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from extranet.jobs.pages import JobOfferPage
from tests.jobs.factories import days, offer, section_of

pytestmark = pytest.mark.django_db


def refused(organisation, **fields):
    """The French messages of the refused offer, by field; and check nothing was saved."""
    with pytest.raises(ValidationError) as refusal:
        offer(organisation, **fields)
    assert not JobOfferPage.objects.exists()
    return {field: " ".join(messages) for field, messages in refusal.value.message_dict.items()}


def test_a_deadline_in_the_past_is_refused(montargis):
    """A new offer cannot be published with a deadline already past."""
    errors = refused(montargis, application_deadline=days(-1))

    assert errors["application_deadline"] == (
        "La date limite de candidature est déjà passée\u00a0: choisissez aujourd'hui ou une date ultérieure."
    )


def test_a_deadline_today_is_accepted(montargis):
    """Candidates may still apply on the deadline day."""
    assert offer(montargis, application_deadline=days(0)).live


def test_an_offer_without_a_way_to_apply_is_refused(montargis):
    """Without e-mail address nor web address, candidates could not apply."""
    errors = refused(montargis, application_email="", application_url="")

    assert errors["application_email"] == (
        "Indiquez une adresse e-mail ou une adresse web où les candidats peuvent postuler."
    )


def test_a_web_address_alone_is_enough(montargis):
    """A web address without e-mail is a way to apply."""
    assert offer(montargis, application_email="", application_url="https://emploi.montargis.test/1").live


def test_a_part_time_post_needs_its_hours(montargis):
    """A part-time post states its weekly hours, fewer than 35."""
    missing = refused(montargis, working_time="non-complet")
    too_many = refused(montargis, working_time="non-complet", weekly_hours=35)

    assert missing["weekly_hours"] == "Indiquez la durée hebdomadaire d'un poste à temps non complet."
    assert too_many["weekly_hours"] == "Un poste à temps non complet compte moins de 35 heures par semaine."


def test_a_deadline_past_after_publication_does_not_block_edits(montargis):
    """Once published, an offer whose deadline passed can still be corrected (it is then only expired)."""
    from tests.jobs.factories import expired_offer

    expired = expired_offer(montargis)
    expired.title = "Secrétaire de mairie (poste pourvu)"
    expired.save_revision().publish()

    expired.refresh_from_db()
    assert expired.title == "Secrétaire de mairie (poste pourvu)"


def admin_form(**overrides):
    return nested_form_data(
        {
            "title": "Animateur périscolaire",
            "slug": "animateur-periscolaire",
            "category": "C",
            "grade": "Adjoint d'animation",
            "job_family": "enfance-jeunesse",
            "contract_type": "cdd",
            "working_time": "non-complet",
            "weekly_hours": "24",
            "location": "",
            "start_date": "",
            "description": rich_text("<p>Accueil des enfants.</p>"),
            "profile": rich_text("<p>BAFA exigé.</p>"),
            "application_deadline": days(10).isoformat(),
            "application_email": "emploi@montargis.test",
            "application_url": "",
            "action-publish": "action-publish",
            **overrides,
        }
    )


def add_url(organisation):
    return reverse("wagtailadmin_pages:add", args=["jobs", "jobofferpage", section_of(organisation).pk])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"application_deadline": days(-3).isoformat()},
            "La date limite de candidature est déjà passée\u00a0: choisissez aujourd&#x27;hui ou une date ultérieure.",
        ),
        (
            {"application_email": ""},
            "Indiquez une adresse e-mail ou une adresse web où les candidats peuvent postuler.",
        ),
    ],
)
def test_the_editor_shows_the_french_error_and_saves_nothing(client, montargis, montargis_editor, overrides, message):
    """In the Wagtail editor, a past deadline or a missing way to apply is explained in French; nothing is created."""
    client.force_login(montargis_editor)

    response = client.post(add_url(montargis), admin_form(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not JobOfferPage.objects.exists()


def test_weekly_hours_refused_by_the_form_get_one_message(client, montargis, montargis_editor):
    """9999 hours get the field's own message only, not also "give the weekly hours"."""
    client.force_login(montargis_editor)

    page = client.post(add_url(montargis), admin_form(weekly_hours="9999")).content.decode()

    assert "Indiquez la durée hebdomadaire" not in page and "chiffres" in page
    assert not JobOfferPage.objects.exists()


def test_the_editor_publishes_an_offer_of_its_organisation(client, montargis, montargis_editor):
    """A valid offer posted in the editor is published in Montargis's section, its employer set and shown."""
    client.force_login(montargis_editor)

    response = client.post(add_url(montargis), admin_form())

    assert response.status_code == 302
    created = JobOfferPage.objects.get(slug="animateur-periscolaire")
    assert (created.live, created.organisation, created.url) == (
        True,
        montargis,
        "/emplois/montargis/animateur-periscolaire/",
    )
    assert created.place == "Montargis"
