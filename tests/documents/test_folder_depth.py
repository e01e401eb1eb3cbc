"""Folders nest at most MAX_FOLDER_DEPTH levels, however they get there; the deepest folder still takes documents."""

import pytest

from documents.models import Document, Folder
from documents.services import MAX_FOLDER_DEPTH
from tests.documents.factories import document, folder

pytestmark = pytest.mark.django_db


def chain(organisation, *, user, levels, name):
    """`levels` folders, each inside the previous one; returns them from the top down."""
    folders = [folder(organisation, user=user, name=f"{name} 1")]
    for level in range(2, levels + 1):
        folders.append(folder(organisation, user=user, name=f"{name} {level}", parent=folders[-1]))
    return folders


def test_moving_a_folder_with_subfolders_cannot_go_past_the_limit(client, commune, member):
    """A two-level folder moved under the 11th level would put its subfolder at the 13th: refused, in French."""
    deep = chain(commune, user=member, levels=MAX_FOLDER_DEPTH - 1, name="Niveau")
    moved = chain(commune, user=member, levels=2, name="Archives")
    client.force_login(member)

    page = client.post(
        f"/bibliotheque/{commune.slug}/dossier/{moved[0].pk}/modifier/", {"folder": deep[-1].pk}, follow=True
    ).content.decode()

    assert "Les dossiers ne peuvent pas être imbriqués sur plus de 12 niveaux." in page
    assert Folder.objects.get(pk=moved[0].pk).parent_id is None
    client.post(f"/bibliotheque/{commune.slug}/dossier/{moved[1].pk}/modifier/", {"folder": deep[-1].pk})
    assert Folder.objects.get(pk=moved[1].pk).parent_id == deep[-1].pk  # alone, it fits at the 12th level


def test_the_deepest_folder_takes_documents_but_no_subfolder(client, commune, member):
    """At the 12th level a document is uploaded; a 13th-level folder is refused and the typed name kept."""
    deepest = chain(commune, user=member, levels=MAX_FOLDER_DEPTH, name="Niveau")[-1]
    client.force_login(member)

    document(commune, user=member, name="plan.pdf", folder=deepest)
    refused = client.post(f"/bibliotheque/{commune.slug}/nouveau-dossier/", {"name": "Trop loin", "folder": deepest.pk})

    assert Document.objects.get().folder_id == deepest.pk
    assert refused.status_code == 400 and 'value="Trop loin"' in refused.content.decode()
    assert not Folder.objects.filter(name="Trop loin").exists()
