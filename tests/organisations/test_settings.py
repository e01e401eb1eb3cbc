"""An organisation's administrators enter its SIREN and SIRET themselves, in the organisation's settings."""

import html

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from extranet.organisations.models import Organisation
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

SIREN, SIRET = "214501736", "21450173600018"
# Another valid establishment of the same SIREN.
OTHER_SIRET = "21450173600026"


@pytest.fixture
def admin(commune):
    return membership(commune, role="admin").user


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def post(client, commune, **data):
    response = client.post(reverse("organisations:settings", args=[commune.slug]), data, follow=True)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def stored(organisation) -> tuple:
    return Organisation.objects.values_list("siren", "siret", "require_two_factor").get(pk=organisation.pk)


def test_an_admin_enters_the_siren_and_siret(admin_client, admin, commune):
    """The numbers are saved, the page confirms it in French and the organisation's history names the admin."""
    page = post(admin_client, commune, siren=SIREN, siret=SIRET)

    assert "Les paramètres ont été enregistrés." in page
    assert stored(commune) == (SIREN, SIRET, False)
    entry = ModelLogEntry.objects.for_instance(commune).get()
    assert (entry.action, entry.user_id) == ("wagtail.edit", admin.pk)


def test_a_mistyped_siret_is_refused_in_french_and_kept_in_the_form(admin_client, commune):
    """A wrong check digit is explained; nothing is saved and the typed numbers stay in the form to correct."""
    page = post(admin_client, commune, siren=SIREN, siret="21450173600019", require_two_factor="on")

    assert "Ce numéro SIRET n'est pas valide (clé de contrôle erronée)." in page
    assert 'value="21450173600019"' in page and f'value="{SIREN}"' in page
    assert stored(commune) == ("", "", False)


def test_a_siret_outside_the_siren_is_refused(admin_client, commune):
    """The SIRET must extend the SIREN entered with it."""
    page = post(admin_client, commune, siren="214501223", siret=SIRET)

    assert "Le SIRET doit commencer par le SIREN de l'organisation." in page
    assert stored(commune) == ("", "", False)


def test_another_organisations_siret_is_refused(admin_client, commune):
    """Two organisations with one SIRET would be one in the open-data exports: the holder is named."""
    OrganisationFactory(name="Darvoy", slug="darvoy", siren=SIREN, siret=SIRET)

    page = post(admin_client, commune, siret=SIRET)

    assert "L'organisation Darvoy a déjà ce SIRET." in page
    assert stored(commune) == ("", "", False)


def test_a_siret_can_be_corrected_but_not_removed(admin_client, commune):
    """Blanking the SIRET is refused with its reason, nothing else of that form is saved; a correction is."""
    post(admin_client, commune, siren=SIREN, siret=SIRET)

    page = post(admin_client, commune, siren=SIREN, siret="", require_two_factor="on")

    assert "Le SIRET peut être corrigé mais pas effacé" in page
    assert stored(commune) == (SIREN, SIRET, False)
    post(admin_client, commune, siren=SIREN, siret=OTHER_SIRET)
    assert stored(commune) == (SIREN, OTHER_SIRET, False)


def test_a_siret_pasted_with_spaces_brings_its_siren(admin_client, commune):
    """The printed form "214 501 736 00018" is read as digits, and the SIREN left blank is its first nine."""
    post(admin_client, commune, siret="214 501 736 00018")

    assert stored(commune) == (SIREN, SIRET, False)


def test_the_history_keeps_the_old_and_new_values(admin_client, admin, commune):
    """Each saved change is logged with what it replaced; saving the same values again logs nothing."""
    post(admin_client, commune, siren=SIREN, siret=SIRET)
    post(admin_client, commune, siren=SIREN, siret=OTHER_SIRET)
    post(admin_client, commune, siren=SIREN, siret=OTHER_SIRET)

    changes = [entry.data["changes"] for entry in ModelLogEntry.objects.for_instance(commune).order_by("pk")]
    assert changes == [{"siren": ["", SIREN], "siret": ["", SIRET]}, {"siret": [SIRET, OTHER_SIRET]}]


def test_a_siret_taken_at_the_same_moment_is_refused_in_french(admin_client, commune, monkeypatch):
    """Another organisation saving the SIRET after the checks looked: the database refuses, the page explains."""
    OrganisationFactory(name="Darvoy", slug="darvoy", siren=SIREN, siret=SIRET)
    monkeypatch.setattr(Organisation, "_siret_holder", lambda organisation: None)
    monkeypatch.setattr(Organisation, "validate_constraints", lambda organisation, exclude=None: None)

    page = post(admin_client, commune, siret=SIRET)

    assert "Une autre organisation a déjà ce SIRET." in page
    assert stored(commune) == ("", "", False)


def test_a_flaw_elsewhere_in_the_record_does_not_block_the_settings(admin_client, commune):
    """A field this page does not show (an INSEE code mistyped by the staff) is not the administrator's to mend."""
    Organisation.objects.filter(pk=commune.pk).update(insee_code="ABC")

    page = post(admin_client, commune, siren=SIREN, siret=SIRET)

    assert "Les paramètres ont été enregistrés." in page
    assert stored(commune) == (SIREN, SIRET, False)


def test_an_editor_cannot_reach_the_settings(client, commune):
    """Settings are the administrators': an editor gets the same 404 as a stranger, and nothing changes."""
    client.force_login(membership(commune, role="editor").user)

    response = client.post(reverse("organisations:settings", args=[commune.slug]), {"siret": SIRET})

    assert response.status_code == 404
    assert stored(commune) == ("", "", False)


def test_an_admin_chooses_the_article_sentences_use(admin_client, commune):
    """The article chosen on the settings page is how the pages then name the organisation."""
    commune.name = "Communauté de communes des Loges"
    commune.save(update_fields=["name"])

    page = post(admin_client, commune, article="la", siren="", siret="")

    assert "Les paramètres ont été enregistrés." in page
    assert Organisation.objects.get(pk=commune.pk).article == "la"
    members = admin_client.get(reverse("organisations:member_list", args=[commune.slug])).content.decode()
    assert "Membres de la Communauté de communes des Loges" in members
