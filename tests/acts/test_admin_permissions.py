"""Each organisation gets its section of /actes/, and its editors publish there and nowhere else."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from extranet.acts.models import ActPage, ActSectionPage, SessionPage
from extranet.organisations.services import organisation_provision
from tests.acts.factories import act, admin_add_url, admin_edit_url, admin_form

pytestmark = pytest.mark.django_db


def test_every_organisation_gets_its_section(commune, other_commune):
    """Provisioning an organisation creates /actes/<slug>/, live, titled after the organisation."""
    sections = {section.organisation.slug: section for section in ActSectionPage.objects.select_related("organisation")}

    assert set(sections) == {"jargeau", "darvoy"}
    assert sections["jargeau"].url == "/actes/jargeau/"
    assert sections["jargeau"].live and sections["jargeau"].title == "Jargeau"


def test_provisioning_again_keeps_one_section_in_step_with_the_name(commune):
    """Renaming the organisation renames its section; provisioning twice creates nothing more."""
    commune.name, commune.slug = "Jargeau-sur-Loire", "jargeau-sur-loire"
    commune.save()

    organisation_provision(organisation=commune)
    organisation_provision(organisation=commune)

    section = ActSectionPage.objects.get(organisation=commune)
    assert (section.title, section.url) == ("Jargeau-sur-Loire", "/actes/jargeau-sur-loire/")


def test_an_editor_publishes_an_act_in_their_section(client, editor, section):
    """Jargeau's editor publishes an act under Jargeau's section; the act belongs to Jargeau."""
    client.force_login(editor)

    response = client.post(admin_add_url(section), admin_form())

    assert response.status_code == 302
    published = ActPage.objects.get()
    assert published.live and published.organisation.slug == "jargeau"
    assert published.get_parent().pk == section.pk


@pytest.mark.parametrize("model", ["actpage", "sessionpage"])
def test_an_editor_cannot_add_to_another_organisation_s_section(client, editor, other_section, model):
    """Jargeau's editor is turned away from Darvoy's section, for the form and for a forged POST."""
    client.force_login(editor)
    url = admin_add_url(other_section, model=model)

    form = client.get(url)
    forged = client.post(url, admin_form(title="Acte pirate", body="Conseil municipal", date="2024-03-14"))

    assert form.status_code == 302 and form["Location"] == reverse("wagtailadmin_home")
    assert forged.status_code == 302 and forged["Location"] == reverse("wagtailadmin_home")
    assert not ActPage.objects.exists() and not SessionPage.objects.exists()


def test_an_editor_cannot_edit_another_organisation_s_act(client, editor, other_section):
    """Darvoy's act stays out of reach of Jargeau's editor."""
    darvoy_act = act(other_section, title="Délibération de Darvoy")
    client.force_login(editor)

    response = client.post(admin_edit_url(darvoy_act), admin_form(title="Piraté", pdf=False))

    assert response.status_code == 302
    darvoy_act.refresh_from_db()
    assert darvoy_act.title == "Délibération de Darvoy"


def test_an_editor_creates_a_session_in_their_section(client, editor, section):
    """A council session is created with the section's organisation."""
    client.force_login(editor)

    response = client.post(
        admin_add_url(section, model="sessionpage"),
        {
            "title": "Conseil municipal du 14 mars 2024",
            "slug": "conseil-municipal-du-14-mars-2024",
            "body": "Conseil municipal",
            "date": "2024-03-14",
            "intro": rich_text("<p>Séance ordinaire.</p>"),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    council = SessionPage.objects.get()
    assert council.live and council.organisation.slug == "jargeau"


def test_a_plain_member_cannot_add_an_act(client, member, section):
    """A member without an editing role gets no access to the act editor."""
    client.force_login(member)

    response = client.get(admin_add_url(section))

    assert response.status_code == 302
    assert not response["Location"].startswith(admin_add_url(section))
