"""What an organisation a folder is shared with sees and does: its folder, not the library around it."""

import pytest

from documents.models import Document, Folder
from tests.documents.factories import document, folder, pdf_bytes, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(commune, editor, partner):
    """Jargeau's "Projets › Voirie" shared read-write with the partner, beside a private "Ressources humaines"."""
    projects = folder(commune, user=editor, name="Projets")
    roads = folder(commune, user=editor, name="Voirie", parent=projects)
    folder(commune, user=editor, name="Ressources humaines")
    plan = document(commune, user=editor, name="plan.pdf", content=pdf_bytes("Plan de voirie"), folder=roads)
    share(roads, partner, user=editor, can_write=True)
    return roads, plan


def test_the_folder_page_shows_only_the_shared_subtree(client, partner_member, shared):
    """The breadcrumb starts at the shared folder; the library and the folders above it are neither named nor linked."""
    roads, _ = shared
    client.force_login(partner_member)

    page = client.get(roads.get_absolute_url()).content.decode()

    assert "Voirie" in page and "plan.pdf" in page
    assert "Projets" not in page and "Ressources humaines" not in page
    assert 'href="/bibliotheque/jargeau/"' not in page
    assert "Déplacer" not in page and "Mettre à la corbeille" not in page


def test_the_document_page_links_nothing_the_reader_cannot_open(client, partner_member, shared):
    """No link to Jargeau's library, no folder of it offered as a destination, no bin."""
    _, plan = shared
    client.force_login(partner_member)

    page = client.get(plan.get_absolute_url()).content.decode()

    assert "Plan de voirie" in page or "plan.pdf" in page
    assert 'href="/bibliotheque/jargeau/"' not in page
    assert "Ressources humaines" not in page and "Projets" not in page
    assert "Renommer" in page and "Mettre à la corbeille" not in page


def test_moving_or_binning_the_owners_items_answers_404(client, partner_member, shared):
    """A read-write share lets the partner change the contents, not reorganise Jargeau's library."""
    roads, plan = shared
    elsewhere = Folder.objects.get(name="Ressources humaines")
    client.force_login(partner_member)

    answers = [
        client.post(f"/bibliotheque/document/{plan.pk}/modifier/", {"folder": elsewhere.pk}).status_code,
        client.post(f"/bibliotheque/document/{plan.pk}/corbeille/").status_code,
        client.post(f"/bibliotheque/jargeau/dossier/{roads.pk}/modifier/", {"folder": elsewhere.pk}).status_code,
        client.post(f"/bibliotheque/jargeau/dossier/{roads.pk}/corbeille/").status_code,
    ]

    assert answers == [404, 404, 404, 404]
    plan.refresh_from_db()
    roads.refresh_from_db()
    assert plan.folder_id == roads.pk and plan.deleted_at is None and roads.deleted_at is None


def test_the_partner_still_renames_the_shared_document(client, partner_member, shared):
    """Writing stays open: a read-write share renames the document."""
    _, plan = shared
    client.force_login(partner_member)

    client.post(f"/bibliotheque/document/{plan.pk}/modifier/", {"name": "plan-2027.pdf"})

    assert Document.objects.get(pk=plan.pk).title == "plan-2027.pdf"


def test_the_partner_renames_inside_the_share_but_not_the_shared_folder(client, partner_member, shared):
    """Renaming "Voirie" would test names against Jargeau's folders beside it: only its subfolders are renamed."""
    roads, _ = shared
    inside = folder(roads.organisation, user=partner_member, name="Plans", parent=roads)
    client.force_login(partner_member)
    url = "/bibliotheque/jargeau/dossier/{}/modifier/"

    probe = client.post(url.format(roads.pk), {"name": "Ressources humaines"})
    renamed = client.post(url.format(inside.pk), {"name": "Plans 2027"})
    page = client.get(f"/bibliotheque/jargeau/dossier/{roads.pk}/").content.decode()

    assert probe.status_code == 404 and "déjà ici" not in probe.content.decode()
    assert renamed.status_code == 302 and Folder.objects.get(pk=inside.pk).name == "Plans 2027"
    assert Folder.objects.get(pk=roads.pk).name == "Voirie" and 'id="folder-rename"' not in page


def test_members_still_move_and_see_the_whole_path(client, editor, shared):
    """Jargeau's own editors keep the breadcrumb from the library and the move menu."""
    roads, plan = shared
    client.force_login(editor)

    page = client.get(plan.get_absolute_url()).content.decode()
    folder_page = client.get(roads.get_absolute_url()).content.decode()

    assert 'href="/bibliotheque/jargeau/"' in page and "Ressources humaines" in page
    assert "Projets" in folder_page and "Déplacer" in folder_page


def test_the_partner_releases_the_lock_they_took(client, partner_member, shared):
    """A read-write share takes the "I am editing it" lock, and is offered to release it."""
    _, plan = shared
    client.force_login(partner_member)

    client.post(f"/bibliotheque/document/{plan.pk}/verrou/", {"lock": "1"})
    page = client.get(plan.get_absolute_url()).content.decode()

    assert "Libérer le document" in page


def test_the_document_page_leads_back_to_the_shared_folders(client, partner_member, editor, commune, shared):
    """A document below the shared folder links back through it; the folders above it stay unnamed."""
    roads, _ = shared
    works = folder(commune, user=editor, name="Chantiers", parent=roads)
    notice = document(commune, user=editor, name="avis.pdf", folder=works)
    client.force_login(partner_member)

    page = client.get(notice.get_absolute_url()).content.decode()
    crumbs = page.split('class="breadcrumb"')[1].split("</nav>")[0]

    assert f'href="{roads.get_absolute_url()}">Voirie</a>' in crumbs
    assert f'href="{works.get_absolute_url()}">Chantiers</a>' in crumbs
    assert "Projets" not in page


def test_a_document_shared_alone_names_no_folder(client, partner_member, editor, commune, partner):
    """A document shared without its folder shows the owner only: its folder is not the reader's to open."""
    private = folder(commune, user=editor, name="Direction")
    memo = document(commune, user=editor, name="note.pdf", folder=private)
    share(memo, partner, user=editor)
    client.force_login(partner_member)

    page = client.get(memo.get_absolute_url()).content.decode()

    assert "note.pdf" in page and "Direction" not in page


def test_members_see_the_documents_whole_path(client, editor, shared):
    """Jargeau's members get every folder from the library's root to the document."""
    roads, plan = shared
    client.force_login(editor)

    crumbs = client.get(plan.get_absolute_url()).content.decode().split('class="breadcrumb"')[1].split("</nav>")[0]

    assert ">Projets</a>" in crumbs and f'href="{roads.get_absolute_url()}">Voirie</a>' in crumbs
