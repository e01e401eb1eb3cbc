"""The départements' editors open shared forums and choose who may use them, from the front end."""

import pytest
from django.urls import reverse

from forums.models import ForumAudience
from tests.forums.factories import forum_url, shared_forum, topic
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

LIST_URL = reverse("forums:shared_list")
CREATE_URL = reverse("forums:shared_create")


def form_data(**overrides):
    return {"name": "Marchés publics", "description": "Seuils, procédures, modèles.", **overrides}


@pytest.mark.parametrize("persona", ["anonymous", "member", "admin"])
def test_only_departement_editors_and_superusers_manage_shared_forums(client, persona, member, admin, open_forum):
    """Others get a 404 (or the login page when anonymous) on the list, the form and an existing forum."""
    if persona != "anonymous":
        client.force_login({"member": member, "admin": admin}[persona])
    update_url = reverse("forums:shared_update", args=[open_forum.audience.pk])
    for url in (LIST_URL, CREATE_URL, update_url):
        response = client.get(url)
        assert response.status_code == (302 if persona == "anonymous" else 404), url


def test_an_editor_opens_a_forum_for_the_epci_only(client, departement_editor, commune):
    """Limited to EPCI, the forum is readable by an EPCI's members and not by a commune's."""
    epci = OrganisationFactory(kind="epci", name="CC des Loges", slug="cc-des-loges", insee_code="")
    epci_member = membership(epci).user
    commune_member = membership(commune).user
    client.force_login(departement_editor)

    response = client.post(CREATE_URL, form_data(organisation_kinds=["epci"]))

    assert response.status_code == 302
    audience = ForumAudience.objects.get(forum__name="Marchés publics")
    assert audience.organisation_kinds == ["epci"] and not audience.open_to_all_organisations
    client.force_login(epci_member)
    assert client.get(forum_url(audience.forum)).status_code == 200
    client.force_login(commune_member)
    assert client.get(forum_url(audience.forum)).status_code == 404


def test_narrowing_the_audience_revokes_access_at_once(client, departement_editor, commune, member, open_forum):
    """An open forum narrowed to another organisation disappears for the commune's members."""
    topic(open_forum, poster=member)
    other = OrganisationFactory(kind="commune", name="Darvoy", slug="darvoy", insee_code="45122")
    client.force_login(departement_editor)

    response = client.post(
        reverse("forums:shared_update", args=[open_forum.audience.pk]),
        form_data(name="Numérique", organisations=[other.pk]),
    )

    assert response.status_code == 302
    client.force_login(member)
    assert client.get(forum_url(open_forum)).status_code == 404


def test_a_forum_without_audience_is_refused_with_a_message(client, departement_editor):
    """Nobody chosen: a French message, and no forum created."""
    client.force_login(departement_editor)

    response = client.post(CREATE_URL, form_data())

    assert response.status_code == 400
    assert "Choisissez qui peut utiliser le forum" in response.content.decode()
    assert not ForumAudience.objects.filter(forum__name="Marchés publics").exists()


def test_an_organisation_forum_is_not_managed_here(client, departement_editor, private_forum):
    """The audience of an organisation's own forum is its members: its id answers 404 here."""
    client.force_login(departement_editor)

    assert client.get(reverse("forums:shared_update", args=[private_forum.audience.pk])).status_code == 404


def test_the_list_shows_each_forum_and_its_audience(client, departement_editor, open_forum):
    """Names and audiences in a table, with a link to each forum's form."""
    shared_forum("Urbanisme", open_to_all_organisations=False, organisation_kinds=["epci"], premoderated=True)
    client.force_login(departement_editor)

    html = client.get(LIST_URL).content.decode()

    assert "Numérique" in html and "toutes les organisations" in html
    assert "Urbanisme" in html and "Intercommunalité (EPCI)" in html and "messages validés avant parution" in html


@pytest.mark.parametrize("name", ["🎉🎉🎉", "---"])
def test_a_name_without_letters_or_digits_is_refused(client, departement_editor, member, name):
    """Such a name gives the forum no address: it is refused with a French message, the typed data kept, and the
    forums index still opens for everyone."""
    client.force_login(departement_editor)

    response = client.post(CREATE_URL, form_data(name=name, open_to_all_organisations="on"))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Le nom d&#x27;un forum doit contenir des lettres ou des chiffres." in page
    assert "Seuils, procédures, modèles." in page
    assert not ForumAudience.objects.filter(forum__name=name).exists()
    client.force_login(member)
    assert client.get(reverse("forum:index")).status_code == 200


def test_a_forum_renamed_without_letters_or_digits_keeps_its_name(client, departement_editor, open_forum):
    """Renaming a shared forum to "---" is refused too."""
    client.force_login(departement_editor)

    response = client.post(
        reverse("forums:shared_update", args=[open_forum.audience.pk]),
        form_data(name="---", open_to_all_organisations="on"),
    )

    assert response.status_code == 400
    open_forum.refresh_from_db()
    assert open_forum.name == "Numérique" and open_forum.slug == "numérique"


def test_an_organisation_named_without_letters_still_gets_forums_with_an_address(client, db):
    """Its forums get the slug "forum" rather than none: the forums index opens for its member."""
    organisation = OrganisationFactory(kind="epci", name="🎉🎉🎉", slug="fete", insee_code="")
    client.force_login(membership(organisation).user)

    assert ForumAudience.objects.get(organisation=organisation, forum__parent__isnull=True).forum.slug == "forum"
    assert client.get(reverse("forum:index")).status_code == 200
