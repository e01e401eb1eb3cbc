"""The Wagtail admin as organisation members and platform administrators see it."""

import pytest
from django.urls import reverse

from extranet.organisations.models import Organisation, OrganisationGroup, OrganisationSpacePage, Role

pytestmark = pytest.mark.django_db


def edit_url(organisation):
    return reverse("wagtailadmin_pages:edit", args=[organisation.space_page.pk])


def snippet_url(action, *args):
    return reverse(Organisation.snippet_viewset.get_url_name(action), args=args)


def snippet_form(**overrides):
    return {
        "kind": "commune",
        "name": "Saint-Denis-de-l'Hôtel",
        "slug": "saint-denis-de-l-hotel",
        "siren": "",
        "siret": "",
        "insee_code": "45286",
        "parent": "",
        "logo": "",
        "description": "Commune des bords de Loire.",
        **overrides,
    }


# Editors and members


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_an_editor_opens_the_page_editor_of_their_own_space(role, client, commune, request):
    """Editors and admins of Jargeau open the Wagtail editor of Jargeau's space."""
    client.force_login(request.getfixturevalue(role))

    response = client.get(edit_url(commune))

    assert response.status_code == 200
    assert response.context["page"].pk == commune.space_page.pk


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_an_editor_cannot_open_the_page_editor_of_another_space(role, client, commune, other_commune, request):
    """An editor of Jargeau trying to edit Darvoy's space gets a 404, as if it did not exist."""
    client.force_login(request.getfixturevalue(role))

    response = client.get(edit_url(other_commune))

    assert response.status_code == 404
    assert "Darvoy" not in response.content.decode()


def test_an_editor_cannot_save_another_space(client, commune, other_commune, editor):
    """A forged POST to Darvoy's editor leaves Darvoy's space untouched."""
    client.force_login(editor)
    space = other_commune.space_page

    response = client.post(edit_url(other_commune), {"title": "Piraté", "slug": space.slug, "intro": ""})

    assert response.status_code == 404
    space.refresh_from_db()
    assert space.title == "Darvoy"
    assert space.draft_title == "Darvoy"
    assert not space.revisions.exists()


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "edit"])
def test_a_plain_member_gets_no_admin_access(url_name, client, commune, member):
    """A member (no editing role) is turned away from the admin and from their own space's editor."""
    client.force_login(member)
    url = edit_url(commune) if url_name == "edit" else reverse(url_name)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_plain_member_turned_away_from_the_admin_does_not_loop(client, commune, member):
    """A logged-in member without admin access ends on a page, not in an endless redirect loop."""
    client.force_login(member)

    response = client.get(reverse("wagtailadmin_home"), follow=True)

    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


# Platform administrators


def test_a_superuser_creates_an_organisation_through_the_snippet_admin(client, superuser):
    """The snippet admin's add form creates the organisation with its role groups and its restricted space."""
    client.force_login(superuser)
    assert client.get(snippet_url("add")).status_code == 200

    response = client.post(snippet_url("add"), snippet_form())

    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="saint-denis-de-l-hotel")
    assert set(OrganisationGroup.objects.filter(organisation=organisation).values_list("role", flat=True)) == set(Role)
    space = OrganisationSpacePage.objects.get(organisation=organisation)
    assert space.live
    assert space.url == "/espaces/saint-denis-de-l-hotel/"
    restriction = space.get_view_restrictions().get()
    assert set(restriction.groups.all()) == {link.group for link in organisation.role_groups.all()}


def test_the_snippet_admin_refuses_a_commune_without_insee_code(client, superuser):
    """The add form shows the French model error and creates nothing."""
    client.force_login(superuser)

    response = client.post(snippet_url("add"), snippet_form(insee_code=""))

    assert response.status_code == 200
    assert "Une commune doit avoir son code INSEE." in response.content.decode()
    assert not Organisation.objects.filter(slug="saint-denis-de-l-hotel").exists()
    assert not OrganisationSpacePage.objects.filter(slug="saint-denis-de-l-hotel").exists()


def test_renaming_through_the_snippet_admin_keeps_the_space_in_step(client, superuser, commune):
    """Editing the name and slug in the admin retitles and moves the space page."""
    client.force_login(superuser)

    response = client.post(
        snippet_url("edit", commune.pk),
        snippet_form(name="Jargeau-sur-Loire", slug="jargeau-sur-loire", insee_code="45173", description=""),
    )

    assert response.status_code == 302
    space = OrganisationSpacePage.objects.get(organisation=commune)
    assert (space.title, space.url) == ("Jargeau-sur-Loire", "/espaces/jargeau-sur-loire/")
    assert OrganisationSpacePage.objects.count() == 1


def test_navigation_links_to_the_administration_for_editors_and_staff_only(client, member, editor, superuser):
    """The header's "Administration" link shows to editors (Wagtail's access_admin) and superusers, not to members."""
    shown = {}
    for user in (member, editor, superuser):
        client.force_login(user)
        shown[user] = f'href="{reverse("wagtailadmin_home")}"' in client.get(reverse("core:dashboard")).content.decode()
    assert shown == {member: False, editor: True, superuser: True}
