"""Anyone browses a public folder and its subfolders, read-only; its private parent and siblings stay hidden."""

import pytest

from documents import services
from tests.documents.factories import document, folder, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_tree(commune, editor, member):
    """Direction générale (private) › Délibérations (public, deliberation.pdf) › 2026 (budget.pdf); Notes (private)."""
    parent = folder(commune, user=editor, name="Direction générale")
    public = folder(commune, user=editor, name="Délibérations", parent=parent)
    year = folder(commune, user=editor, name="2026", parent=public)
    sibling = folder(commune, user=editor, name="Notes internes", parent=parent)
    share(public, None, user=editor, is_public=True)
    return {
        "parent": parent,
        "public": public,
        "year": year,
        "sibling": sibling,
        "deliberation": document(commune, user=member, name="deliberation.pdf", folder=public),
        "budget": document(commune, user=member, name="budget.pdf", folder=year),
        "note": document(commune, user=member, name="note.pdf", folder=sibling),
    }


def url(item) -> str:
    return f"/bibliotheque/{item.organisation.slug}/dossier/{item.pk}/"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anyone_browses_a_public_folder_read_only(client, outsider, public_tree, who):
    """The visitor lists the folder and its subfolder and downloads; no form, no private name, no uploader."""
    if who == "outsider":
        client.force_login(outsider)
    response = client.get(url(public_tree["public"]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "deliberation.pdf" in text and "2026" in text
    assert "Direction générale" not in text and "Notes internes" not in text
    assert 'type="file"' not in text and "corbeille" not in text
    assert str(public_tree["deliberation"].created_by) not in text
    assert "budget.pdf" in client.get(url(public_tree["year"])).content.decode()
    download = client.get(f"/bibliotheque/document/{public_tree['budget'].pk}/telecharger/")
    assert download.status_code == 200


def test_the_private_parent_and_siblings_stay_hidden(client, public_tree):
    """The public folder's parent, its sibling and the sibling's document answer 404 to a visitor."""
    for item in ("parent", "sibling"):
        assert client.get(url(public_tree[item])).status_code == 404
    assert client.get(f"/bibliotheque/document/{public_tree['note'].pk}/telecharger/").status_code == 404


def test_a_folder_made_private_again_answers_404(client, editor, public_tree):
    """Once not public, the folder, its subfolder and their documents answer 404 to visitors."""
    services.folder_sharing_set(folder=public_tree["public"], is_public=False, shares={}, user=editor)
    assert client.get(url(public_tree["public"])).status_code == 404
    assert client.get(url(public_tree["year"])).status_code == 404
    assert client.get(f"/bibliotheque/document/{public_tree['budget'].pk}/telecharger/").status_code == 404


def test_members_keep_their_full_page_in_a_public_folder(client, member, public_tree):
    """The library's members still get the forms of their own folder."""
    client.force_login(member)
    assert 'type="file"' in client.get(url(public_tree["public"])).content.decode()


def test_a_folder_page_links_its_ancestors_and_moves_anywhere_outside_itself(client, member, public_tree):
    """The breadcrumbs link each ancestor; the move menu selects the parent and leaves out the folder's own subtree."""
    client.force_login(member)
    html = client.get(url(public_tree["year"])).content.decode()

    assert f'<a href="{url(public_tree["parent"])}">Direction générale</a>' in html
    assert f'<a href="{url(public_tree["public"])}">Délibérations</a>' in html
    moved = client.get(url(public_tree["public"])).content.decode().split('<select name="folder"')[1]
    assert '<option value="">Racine de la bibliothèque</option>' in moved
    assert f'<option value="{public_tree["parent"].pk}" selected>Direction générale</option>' in moved
    assert "Notes internes" in moved and "2026" not in moved and "Délibérations" not in moved


def test_a_public_folder_without_path_makes_no_other_document_public(commune, editor, member):
    """A public folder saved without its path (outside the services) makes no private document linkable."""
    from documents.models import Folder
    from documents.selectors import document_list_public

    private = document(commune, user=member, name="salaires.pdf", folder=folder(commune, user=editor, name="RH"))
    Folder.objects.create(organisation=commune, name="Import", is_public=True)
    assert document_list_public(pks=[private.pk]) == {}
