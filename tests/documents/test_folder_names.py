"""Two folders side by side never share a name, so the library, the move destinations and breadcrumbs stay clear."""

import pytest

from documents.models import Folder
from tests.documents.factories import folder

pytestmark = pytest.mark.django_db


def test_creating_a_folder_named_like_its_neighbour_is_refused_in_french(client, commune, member):
    """A second "Budget" beside the first, whatever its case or spaces, is refused with a message naming it."""
    folder(commune, user=member, name="Budget")
    client.force_login(member)
    response = client.post(f"/bibliotheque/{commune.slug}/nouveau-dossier/", {"name": "  budget ", "folder": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Un dossier nommé « budget » est déjà ici : choisissez un autre nom." in page
    assert 'value="  budget "' in page  # what was typed comes back, to be corrected
    assert Folder.objects.filter(organisation=commune).count() == 1


def test_the_same_name_is_accepted_in_another_folder_or_library(commune, member, partner):
    """Only neighbours are compared: a subfolder or another organisation may use the name."""
    parent = folder(commune, user=member, name="Budget")
    folder(commune, user=member, name="Budget", parent=parent)
    folder(partner, user=member, name="Budget")
    assert Folder.objects.filter(name="Budget").count() == 3


def test_renaming_or_moving_onto_a_neighbours_name_is_refused(client, commune, member):
    """Renaming to a neighbour's name or moving beside a folder of the same name leaves the folder where it was."""
    folder(commune, user=member, name="Budget")
    other = folder(commune, user=member, name="Voirie")
    archive = folder(commune, user=member, name="Archives")
    nested = folder(commune, user=member, name="Budget", parent=archive)
    client.force_login(member)
    url = f"/bibliotheque/{commune.slug}/dossier/"
    page = client.post(f"{url}{other.pk}/modifier/", {"name": "BUDGET"}, follow=True).content.decode()
    assert "Un dossier nommé « BUDGET » est déjà ici" in page
    page = client.post(f"{url}{nested.pk}/modifier/", {"folder": ""}, follow=True).content.decode()
    assert "Un dossier nommé « Budget » est déjà ici" in page
    other.refresh_from_db()
    nested.refresh_from_db()
    assert (other.name, nested.parent_id) == ("Voirie", archive.pk)


def test_renaming_a_folder_to_its_own_name_in_another_case_is_allowed(client, commune, member):
    """A folder is not its own neighbour: "budget" may become "Budget"."""
    item = folder(commune, user=member, name="budget")
    client.force_login(member)
    client.post(f"/bibliotheque/{commune.slug}/dossier/{item.pk}/modifier/", {"name": "Budget"})
    item.refresh_from_db()
    assert item.name == "Budget"


def test_a_folder_restored_where_its_name_was_taken_comes_back_numbered(client, commune, member):
    """Restoring a folder whose name another took meanwhile gives it "(2)" rather than failing or duplicating."""
    old = folder(commune, user=member, name="Budget")
    client.force_login(member)
    client.post(f"/bibliotheque/{commune.slug}/dossier/{old.pk}/corbeille/")
    folder(commune, user=member, name="Budget")
    response = client.post(f"/bibliotheque/{commune.slug}/dossier/{old.pk}/restaurer/", follow=True)
    assert response.status_code == 200
    old.refresh_from_db()
    assert (old.name, old.deleted_at) == ("Budget (2)", None)
    assert "Dossier « Budget (2) » restauré." in response.content.decode()


def test_a_folder_restored_to_the_root_gets_a_free_name_there(client, commune, member):
    """A subfolder whose parent stays in the bin comes back at the root, numbered if the root has its name."""
    parent = folder(commune, user=member, name="Archives")
    child = folder(commune, user=member, name="Budget", parent=parent)
    folder(commune, user=member, name="Budget")
    client.force_login(member)
    client.post(f"/bibliotheque/{commune.slug}/dossier/{parent.pk}/corbeille/")
    client.post(f"/bibliotheque/{commune.slug}/dossier/{child.pk}/restaurer/")
    child.refresh_from_db()
    assert (child.name, child.parent_id, child.deleted_at) == ("Budget (2)", None, None)


def test_a_name_too_long_is_refused_with_its_reason_and_kept(client, commune, member):
    """151 characters get Django's French length message, beside the name typed, for a new folder as for a rename."""
    item = folder(commune, user=member, name="Voirie")
    client.force_login(member)
    long_name = "Compte rendu " + "x" * 138

    created = client.post(f"/bibliotheque/{commune.slug}/nouveau-dossier/", {"name": long_name, "folder": ""})
    renamed = client.post(f"/bibliotheque/{commune.slug}/dossier/{item.pk}/modifier/", {"name": long_name})

    for response in (created, renamed):
        page = response.content.decode()
        assert response.status_code == 400 and "au plus 150 caractères" in page and f'value="{long_name}"' in page
    assert list(Folder.objects.values_list("name", flat=True)) == ["Voirie"]


def test_invisible_and_direction_characters_are_dropped_from_names(client, commune, member):
    """A right-to-left override cannot make "fdp.exe" read "exe.pdf", and a zero-width space is no name."""
    client.force_login(member)
    url = f"/bibliotheque/{commune.slug}/nouveau-dossier/"

    client.post(url, {"name": "Factures\u202efdp.exe", "folder": ""})
    empty = client.post(url, {"name": "\u200b\u200b", "folder": ""})

    assert list(Folder.objects.values_list("name", flat=True)) == ["Facturesfdp.exe"]
    assert empty.status_code == 400 and "Indiquez un nom." in empty.content.decode()


def test_names_differing_only_by_an_accented_capital_are_neighbours(client, commune, member):
    """ "élus" beside "Élus" is refused like "budget" beside "Budget" (SQLite's own comparison knows ASCII only)."""
    folder(commune, user=member, name="Élus")
    client.force_login(member)

    response = client.post(f"/bibliotheque/{commune.slug}/nouveau-dossier/", {"name": "élus", "folder": ""})

    assert response.status_code == 400 and "Un dossier nommé « élus » est déjà ici" in response.content.decode()
    assert Folder.objects.filter(organisation=commune).count() == 1


def test_blank_letters_make_no_name_and_invisible_characters_do_not_count(client, commune, member):
    """A Hangul filler is no name; 150 visible letters and two zero-width spaces fit the 150."""
    client.force_login(member)
    url = f"/bibliotheque/{commune.slug}/nouveau-dossier/"

    blank = client.post(url, {"name": "\u3164", "folder": ""})
    client.post(url, {"name": "B" * 150 + "\u200b\u200b", "folder": ""})

    assert blank.status_code == 400 and "Indiquez un nom." in blank.content.decode()
    assert list(Folder.objects.values_list("name", flat=True)) == ["B" * 150]
