"""Each organisation's Wagtail collection: its editors attach files to their public pages, and see no other's."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.documents.factories import pdf_bytes, upload_file
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db
Document = get_document_model()


def upload(client, *, title="Dossier de consultation", name="dce.pdf", content=None):
    """Upload through the document chooser, as the "Dossier de consultation" panel does."""
    data = {
        "document-chooser-upload-title": title,
        "document-chooser-upload-file": upload_file(name, content or pdf_bytes("DCE")),
    }
    return client.post(reverse("wagtaildocs_chooser:create"), data)


def test_an_editor_uploads_into_their_organisations_collection(client, commune, editor):
    """Jargeau's editor gets a chooser with an upload form; the file lands in Jargeau's collection."""
    client.force_login(editor)

    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    upload(client)

    assert chooser.status_code == 200 and "document-chooser-upload-file" in chooser.content.decode()
    (document,) = Document.objects.all()
    assert document.collection == commune.documents_collection and commune.documents_collection.name == "Jargeau"


def test_another_organisations_editor_neither_chooses_nor_edits_it(client, commune, editor, other_commune):
    """Darvoy's editor does not find Jargeau's file in the chooser and cannot open its edit form."""
    client.force_login(editor)
    upload(client, title="Plan confidentiel du gymnase")
    document = Document.objects.get()
    client.force_login(membership(other_commune, role="editor").user)

    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    edit = client.get(reverse("wagtaildocs:edit", args=[document.pk]))

    assert "Plan confidentiel du gymnase" not in chooser
    assert edit.status_code in (302, 403, 404)


def test_members_get_no_upload(client, commune, member):
    """Plain members publish no pages: they get no document permission."""
    client.force_login(member)

    assert client.get(reverse("wagtaildocs_chooser:choose")).status_code in (302, 403)


def test_a_disguised_program_is_refused_in_french(client, commune, editor):
    """The upload is checked by its content like the library's: a program named dce.pdf is refused."""
    client.force_login(editor)

    response = upload(client, content=b"MZ\x90\x00" + b"\x00" * 200)

    assert "est un programme" in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_is_public_once_a_live_page_uses_it_and_not_before(client, commune, editor):
    """A draft's attachment answers 404 to visitors (also at its /media/ path); published, it downloads; its
    editors download it all along."""
    from tests.notices.factories import document, notice

    attachment = document(title="Projet confidentiel", filename="projet-confidentiel.pdf")
    attachment.collection = commune.documents_collection
    attachment.save()
    draft = notice(commune, user=editor, publish=False, attachments=[(attachment, "Projet")])

    assert client.get(attachment.url).status_code == 404
    assert client.get("/media/" + attachment.file.name).status_code == 404
    client.force_login(editor)
    assert client.get(attachment.url).status_code == 200
    client.logout()

    draft.save_revision(user=editor).publish()

    assert client.get(attachment.url).status_code == 200


def test_a_file_linked_from_a_private_space_article_is_for_that_organisations_members(
    client, commune, editor, member, outsider
):
    """Its members download it as they read the article; another organisation and visitors get 404."""
    from tests.notices.factories import document
    from tests.organisations.factories import space_article

    attachment = document(title="Compte rendu", filename="cr.pdf")
    attachment.collection = commune.documents_collection
    attachment.save()
    space_article(commune.space_page, body=f'<p><a linktype="document" id="{attachment.pk}">cr.pdf</a></p>')

    answers = {}
    for name, user in (("member", member), ("outsider", outsider), ("visitor", None)):
        client.logout()
        if user:
            client.force_login(user)
        answers[name] = client.get(attachment.url).status_code

    assert answers == {"member": 200, "outsider": 404, "visitor": 404}
