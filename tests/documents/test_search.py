"""Documents in the unified search: found by a word inside the file, only by those who may read them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from documents import services
from extranet.search.selectors import search_run
from tests.accounts.factories import UserFactory
from tests.documents.factories import document, docx_bytes, folder, odt_bytes, share

pytestmark = pytest.mark.django_db


def titles(user, query):
    return [result.title for result in search_run(user=user, query=query)]


def test_a_word_inside_a_private_file_is_found_by_its_organisation_only(
    search_index, commune, member, outsider, partner_member
):
    """Only the owner's members find a private document by a word of its content."""
    document(commune, user=member, name="note.odt", content=odt_bytes("Le chantier de la médiathèque commence"))
    assert titles(member, "médiathèque") == ["note.odt"]
    for user in (outsider, partner_member, UserFactory()):
        assert titles(user, "médiathèque") == []


def test_sharing_a_folder_makes_its_documents_findable_by_the_partner_until_unshared(
    search_index, commune, member, editor, partner, partner_member, outsider
):
    """Shared, the partner finds the file by its words; unshared, it no longer does."""
    shared_folder = folder(commune, user=editor, name="Eau")
    document(
        commune, user=member, name="captage.docx", content=docx_bytes("Périmètre de captage"), folder=shared_folder
    )
    share(shared_folder, partner, user=editor)
    assert titles(partner_member, "captage") == ["captage.docx"]
    assert titles(outsider, "captage") == []

    share(shared_folder, None, user=editor)
    assert titles(partner_member, "captage") == []
    assert titles(member, "captage") == ["captage.docx"]


def test_a_public_document_is_found_by_anyone_and_hidden_again_when_private(search_index, commune, member, editor):
    """Public documents are found by visitors; made private again, they are not."""
    item = document(commune, user=member, name="reglement.odt", content=odt_bytes("Règlement du cimetière"))
    anonymous = AnonymousUser()
    share(item, None, user=editor, is_public=True)
    assert titles(anonymous, "cimetière") == ["reglement.odt"]
    share(item, None, user=editor, is_public=False)
    assert titles(anonymous, "cimetière") == []


def test_documents_in_the_bin_are_not_found(search_index, commune, member):
    """A document put in the bin leaves the index; restored, it is back."""
    item = document(commune, user=member, name="plan.odt", content=odt_bytes("Plan de désherbage"))
    services.document_delete(document=item, user=member)
    assert titles(member, "désherbage") == []
    services.document_restore(document=item, user=member)
    assert titles(member, "désherbage") == ["plan.odt"]


def test_a_new_version_replaces_the_searchable_text(search_index, commune, member):
    """The index holds the current version's words, not the earlier ones'."""
    from tests.documents.factories import checked

    item = document(commune, user=member, name="avis.odt", content=odt_bytes("Avis favorable"))
    services.document_add_version(document=item, checked=checked("avis.odt", odt_bytes("Avis réservé")), user=member)
    assert titles(member, "réservé") == ["avis.odt"]
    assert titles(member, "favorable") == []


def test_preparing_a_document_for_the_index_costs_one_query(commune, member, editor):
    """Whether it is public comes with the queryset; only its shares are read, one query per document."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from haystack import connections

    from documents.models import Document

    index = connections["default"].get_unified_index().get_index(Document)
    public_folder = folder(commune, user=editor, name="Délibérations")
    share(public_folder, None, user=editor, is_public=True)

    def preparing() -> tuple[int, list]:
        with CaptureQueriesContext(connection) as captured:
            prepared = [index.full_prepare(item) for item in index.index_queryset()]
        return len(captured), prepared

    for number in range(2):
        document(commune, user=member, name=f"deliberation-{number}.pdf", folder=public_folder)
    few, _prepared = preparing()
    for number in range(2, 8):
        document(commune, user=member, name=f"note-{number}.pdf")
    many, prepared = preparing()
    assert many - few == 6
    public = {item["title"] for item in prepared if "public" in item["visibility"]}
    assert public == {"deliberation-0.pdf", "deliberation-1.pdf"}


def test_a_folder_moved_out_of_a_shared_folder_takes_its_documents_out_of_the_partners_results(
    search_index, commune, member, editor, partner, partner_member, django_capture_on_commit_callbacks
):
    """Its documents are indexed again from their new place: the partner no longer finds them."""
    shared_folder = folder(commune, user=editor, name="Eau")
    inner = folder(commune, user=editor, name="Captages", parent=shared_folder)
    document(commune, user=member, name="captage.odt", content=odt_bytes("Périmètre de captage"), folder=inner)
    share(shared_folder, partner, user=editor)
    assert titles(partner_member, "captage") == ["captage.odt"]

    with django_capture_on_commit_callbacks(execute=True):
        services.folder_move(folder=inner, parent=None, user=editor)

    assert titles(partner_member, "captage") == []
    assert titles(member, "captage") == ["captage.odt"]
