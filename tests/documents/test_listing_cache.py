"""A folder's listing comes from the cache, and every change of the library, a language or a folder shows at once."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents import services
from documents.models import Document
from tests.documents.factories import checked, document, folder, png_bytes, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(commune, editor):
    """A folder holding one document and one sub-folder."""
    target = folder(commune, user=editor, name="Conseil")
    document(commune, user=editor, name="budget.pdf", folder=target)
    folder(commune, user=editor, name="Séances", parent=target)
    return target


def listing(client, target) -> str:
    response = client.get(target.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("<tbody>") : page.index("</tbody>")]


def test_a_second_visit_reads_no_listing(client, council, member):
    """The second visit shows the same rows without querying the folder's documents."""
    client.force_login(member)
    first = listing(client, council)
    with CaptureQueriesContext(connection) as captured:
        second = listing(client, council)
    assert second == first and "budget.pdf" in second
    assert not [query for query in captured if '"documents_document"."title"' in query["sql"]]


def test_each_change_of_the_library_shows_on_the_next_visit(client, council, commune, member, editor, partner):
    """Rename, new version, lock, share, sub-folder renamed, document moved out and binned: each visit is current."""
    client.force_login(member)
    budget = Document.objects.get(title="budget.pdf")
    assert "budget.pdf" in listing(client, council)

    services.document_rename(document=budget, title="budget-2027.pdf", user=editor)
    assert "budget-2027.pdf" in listing(client, council)

    services.document_add_version(document=budget, checked=checked("budget.pdf"), user=editor)
    assert "v2 ·" in listing(client, council)

    services.document_lock(document=budget, user=editor)
    assert f"En cours de modification par {editor}" in listing(client, council)

    share(budget, partner, user=editor)
    assert "Partagé" in listing(client, council)

    services.folder_rename(folder=council.children.get(), name="Délibérations", user=editor)
    assert "Délibérations" in listing(client, council)

    services.document_move(document=budget, folder=None, user=editor)
    assert "budget-2027.pdf" not in listing(client, council)

    services.document_upload(organisation=commune, folder=council, checked=checked("annexe.pdf"), user=editor)
    services.document_delete(document=Document.objects.get(title="annexe.pdf"), user=editor)
    assert "annexe.pdf" not in listing(client, council)


def test_a_lock_running_out_shows_without_any_change(client, council, member, editor):
    """A lock older than the timeout no longer shows, though nothing was recorded when it ran out."""
    client.force_login(member)
    budget = Document.objects.get(title="budget.pdf")
    services.document_lock(document=budget, user=editor)
    name = f"En cours de modification par {editor}"
    assert name in listing(client, council)

    expired = timezone.now() - settings.DOCUMENTS_LOCK_TIMEOUT - timedelta(minutes=1)
    Document.objects.filter(pk=budget.pk).update(locked_at=expired)
    assert name not in listing(client, council)


def test_a_thumbnail_made_later_shows_once_made(client, council, commune, member, editor, monkeypatch):
    """A picture's thumbnail, made by the task queue after the upload, appears on the next visit."""
    monkeypatch.setattr(services, "_process_later", lambda version: None)
    plan = services.document_upload(
        organisation=commune, folder=council, checked=checked("plan.png", png_bytes()), user=editor
    )
    thumbnail = f"/bibliotheque/document/{plan.pk}/vignette/"
    client.force_login(member)
    assert "plan.png" in listing(client, council) and thumbnail not in listing(client, council)

    services.document_version_process(version_id=plan.current_version_id)
    assert thumbnail in listing(client, council)


def test_another_language_and_another_folder_never_get_this_listing(client, council, commune, member, editor):
    """The listing in English is not the French one, and a folder of the same library has its own rows."""
    other = folder(commune, user=editor, name="Voirie")
    document(commune, user=editor, name="chaussee.pdf", folder=other)
    client.force_login(member)
    assert "Privé" in listing(client, council)
    rows = listing(client, other)
    assert "chaussee.pdf" in rows and "budget.pdf" not in rows

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Private" in listing(client, council) and "Privé" not in listing(client, council)
