"""Library documents attached to a notice: linked to the permission-checked download while they stay public."""

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from documents import services as document_services
from extranet.notices.pages import NoticeLibraryAttachment, NoticePage
from extranet.notices.services import notice_section_set_approval
from tests.documents.factories import document as library_document
from tests.documents.factories import pdf_bytes, share
from tests.notices.factories import notice
from tests.notices.helpers import add_url, admin_form, edit_url, page_text
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice_editor(commune):
    return membership(commune, role="editor").user


@pytest.fixture
def public_pdf(commune, notice_editor):
    """A public PDF of Jargeau's library."""
    item = library_document(
        commune, user=notice_editor, name="deliberation-12.pdf", content=pdf_bytes("Délibération n° 12")
    )
    share(item, None, user=notice_editor, is_public=True)
    item.refresh_from_db()
    return item


def download_url(item) -> str:
    return f"/bibliotheque/document/{item.pk}/telecharger/"


def test_the_page_links_a_public_library_document_with_its_type_and_size(client, commune, notice_editor, public_pdf):
    """The visitor sees the link text, the format and the size, and downloads the file through the checked view."""
    created = notice(commune, user=notice_editor, library_attachments=[(public_pdf, "Délibération du 3 mars")])

    text = page_text(client.get(created.url))

    assert f'<a href="{download_url(public_pdf)}">Délibération du 3 mars</a>' in text
    with translation.override("fr"):
        assert f"(PDF, {filesizeformat(public_pdf.current_version.size)})" in text
    response = client.get(download_url(public_pdf))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_an_empty_link_text_shows_the_documents_title(client, commune, notice_editor, public_pdf):
    """Without a link text, the document's title is the link."""
    created = notice(commune, user=notice_editor, library_attachments=[(public_pdf, "")])
    assert f'<a href="{download_url(public_pdf)}">deliberation-12.pdf</a>' in page_text(client.get(created.url))


@pytest.mark.parametrize("change", ["private", "bin"])
def test_a_document_that_stops_being_public_leaves_the_page_and_its_link_answers_404(
    client, commune, notice_editor, public_pdf, change
):
    """Made private or put in the bin, the document disappears from the page (which still works) and 404s."""
    created = notice(
        commune,
        user=notice_editor,
        library_attachments=[(public_pdf, "Délibération du 3 mars")],
        body=[("library_document", {"document": public_pdf, "label": "Lire la délibération"})],
    )
    if change == "private":
        document_services.document_sharing_set(document=public_pdf, is_public=False, shares={}, user=notice_editor)
    else:
        document_services.document_delete(document=public_pdf, user=notice_editor)

    response = client.get(created.url)
    text = page_text(response)

    assert response.status_code == 200
    assert "Délibération du 3 mars" not in text and "Lire la délibération" not in text
    assert download_url(public_pdf) not in text
    assert client.get(download_url(public_pdf)).status_code == 404


def test_a_body_block_links_a_public_library_document(client, commune, notice_editor, public_pdf):
    """The "Library document" block of the body links to the checked download with the format."""
    created = notice(
        commune,
        user=notice_editor,
        body=[("library_document", {"document": public_pdf, "label": "Lire la délibération"})],
    )
    text = page_text(client.get(created.url))
    assert f'<a href="{download_url(public_pdf)}">Lire la délibération</a>' in text


class TestAdminForm:
    def post(self, client, page, document_pk):
        data = admin_form(client, edit_url(page), **{"action-publish": "Publier"})
        data.update(
            {
                "library_attachments-TOTAL_FORMS": "1",
                "library_attachments-INITIAL_FORMS": "0",
                "library_attachments-0-document": str(document_pk),
                "library_attachments-0-label": "Délibération",
                "library_attachments-0-ORDER": "1",
                "library_attachments-0-DELETE": "",
                "library_attachments-0-id": "",
            }
        )
        return client.post(edit_url(page), data)

    def test_an_editor_attaches_a_public_library_document(self, client, commune, notice_editor, public_pdf):
        """Through the admin's form, a public document of the library is attached and published."""
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        response = self.post(client, page, public_pdf.pk)
        assert response.status_code == 302
        assert NoticeLibraryAttachment.objects.filter(page=page, document=public_pdf).exists()

    def test_a_private_library_document_is_refused_with_a_message(self, client, commune, notice_editor):
        """A private document posted by its number is refused with a French message; nothing is attached."""
        private = library_document(commune, user=notice_editor, name="salaires.pdf")
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        response = self.post(client, page, private.pk)
        assert response.status_code == 200
        assert "seuls les documents publics" in page_text(response)
        assert not NoticeLibraryAttachment.objects.exists()


class TestOtherOrganisationsDocuments:
    """An editor may only attach what their chooser offers: the public documents of their own organisations."""

    @pytest.fixture
    def other_public_pdf(self):
        other = OrganisationFactory(name="Mairie de Sandillon", slug="sandillon")
        owner = membership(other, role="editor").user
        item = library_document(other, user=owner, name="budget-sandillon.pdf", content=pdf_bytes("Budget"))
        share(item, None, user=owner, is_public=True)
        return item

    @pytest.fixture
    def other_private_pdf(self):
        other = OrganisationFactory(name="Mairie de Darvoy", slug="darvoy")
        owner = membership(other, role="editor").user
        return library_document(other, user=owner, name="salaires-darvoy.pdf", content=pdf_bytes("Salaires"))

    def post_body(self, client, page, document_pk):
        data = admin_form(client, edit_url(page), **{"action-publish": "Publier"})
        data.update(
            {
                "body-count": "1",
                "body-0-type": "library_document",
                "body-0-value-document": str(document_pk),
                "body-0-value-label": "Budget",
                "body-0-deleted": "",
                "body-0-order": "0",
                "body-0-id": "",
            }
        )
        return client.post(edit_url(page), data)

    def test_another_organisations_public_document_is_refused_as_attachment(
        self, client, commune, notice_editor, other_public_pdf
    ):
        """Typing the number of another organisation's public document is refused in French; nothing is attached."""
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        response = TestAdminForm().post(client, page, other_public_pdf.pk)
        assert response.status_code == 200
        assert "seuls les documents publics des bibliothèques de vos organisations" in page_text(response)
        assert not NoticeLibraryAttachment.objects.exists()

    def test_another_organisations_public_document_is_refused_in_the_body(
        self, client, commune, notice_editor, other_public_pdf
    ):
        """The body's "Library document" block refuses it the same way; the published page does not link it."""
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        response = self.post_body(client, page, other_public_pdf.pk)
        assert response.status_code == 200
        # The body's errors reach the page as JSON for its script to draw.
        assert "seuls les documents publics des biblioth\\u00e8ques de vos organisations" in page_text(response)
        page.refresh_from_db()
        assert not [child for child in page.body if child.block_type == "library_document"]

    def test_own_public_document_in_the_body_is_accepted(self, client, commune, notice_editor, public_pdf):
        """The editor's own public document is accepted in the body and published."""
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        assert self.post_body(client, page, public_pdf.pk).status_code == 302
        page.refresh_from_db()
        assert [child.value["document"] for child in page.body if child.block_type == "library_document"] == [
            public_pdf
        ]

    def test_a_private_document_of_another_organisation_is_refused_without_its_title(
        self, client, commune, notice_editor, other_private_pdf
    ):
        """The refusal of another organisation's private document does not tell its title."""
        page = notice(commune, user=notice_editor)
        client.force_login(notice_editor)
        response = TestAdminForm().post(client, page, other_private_pdf.pk)
        assert response.status_code == 200
        assert "salaires-darvoy" not in page_text(response)
        assert not NoticeLibraryAttachment.objects.exists()

    def test_a_new_notice_refuses_another_organisations_document(
        self, client, commune, section, notice_editor, other_public_pdf
    ):
        """The same check applies when the notice is created: no page is added, the typed title is kept."""
        client.force_login(notice_editor)
        url = add_url(section)
        data = admin_form(
            client,
            url,
            title="Budget participatif",
            slug="budget-participatif",
            kind="information",
            summary="Les projets retenus.",
            **{"action-publish": "Publier"},
        )
        data.update(
            {
                "library_attachments-TOTAL_FORMS": "1",
                "library_attachments-INITIAL_FORMS": "0",
                "library_attachments-0-document": str(other_public_pdf.pk),
                "library_attachments-0-label": "Budget",
                "library_attachments-0-ORDER": "1",
                "library_attachments-0-DELETE": "",
                "library_attachments-0-id": "",
            }
        )
        response = client.post(url, data)
        text = page_text(response)
        assert response.status_code == 200
        assert "seuls les documents publics des bibliothèques de vos organisations" in text
        assert 'value="Budget participatif"' in text
        assert not NoticePage.objects.filter(slug="budget-participatif").exists()

    def test_a_departement_moderator_keeps_the_documents_already_attached(
        self, client, commune, section, notice_editor, public_pdf, departement_editor
    ):
        """The département's editor, outside Jargeau, saves a submitted notice with Jargeau's documents kept."""
        notice_section_set_approval(section=section, required=True)
        page = notice(
            commune,
            user=notice_editor,
            publish=False,
            library_attachments=[(public_pdf, "Délibération")],
            body=[("library_document", {"document": public_pdf, "label": "Lire la délibération"})],
        )
        client.force_login(notice_editor)
        client.post(edit_url(page), admin_form(client, edit_url(page), **{"action-submit": "Soumettre"}))
        client.force_login(departement_editor)
        data = admin_form(client, edit_url(page), summary="Résumé relu par le Département.")
        data.update(
            {
                "body-count": "1",
                "body-0-type": "library_document",
                "body-0-value-document": str(public_pdf.pk),
                "body-0-value-label": "Lire la délibération",
                "body-0-deleted": "",
                "body-0-order": "0",
                "body-0-id": "",
            }
        )
        response = client.post(edit_url(page), data)
        assert response.status_code == 302
        page.refresh_from_db()
        latest = page.get_latest_revision_as_object()
        assert latest.summary == "Résumé relu par le Département."
        assert [item.document_id for item in latest.library_attachments.all()] == [public_pdf.pk]
