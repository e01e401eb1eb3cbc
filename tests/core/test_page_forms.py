"""A page uses only the Wagtail documents its editor may choose: a typed number cannot publish another's file."""

import pytest
from wagtail.test.utils.form_data import rich_text

from extranet.notices.pages import NoticeAttachment
from tests.notices.factories import document, notice
from tests.notices.helpers import admin_form, edit_url, page_text
from tests.organisations.factories import membership, space_article

pytestmark = pytest.mark.django_db


def collection_document(organisation, title):
    """An unpublished file of the organisation's Wagtail collection, as its editors upload them."""
    item = document(title=title, filename="fichier.pdf")
    item.collection = organisation.documents_collection
    item.save()
    return item


def attachment_form(client, page, item):
    data = admin_form(client, edit_url(page), **{"action-publish": "Publier"})
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-INITIAL_FORMS": "0",
            "attachments-0-document": str(item.pk),
            "attachments-0-label": "Pièce jointe",
            "attachments-0-ORDER": "1",
            "attachments-0-DELETE": "",
            "attachments-0-id": "",
        }
    )
    return data


def test_another_organisations_file_is_refused_as_a_notice_attachment(client, commune, other_commune):
    """Darvoy's editor typing the number of Jargeau's unpublished file gets a French refusal; it stays private."""
    secret = collection_document(commune, "Plan confidentiel du gymnase")
    own = collection_document(other_commune, "Arrêté de circulation")
    darvoy_editor = membership(other_commune, role="editor").user
    page = notice(other_commune, user=darvoy_editor)
    client.force_login(darvoy_editor)

    refused = client.post(edit_url(page), attachment_form(client, page, secret))
    accepted = client.post(edit_url(page), attachment_form(client, page, own))
    client.logout()

    assert refused.status_code == 200 and "choisissez un des documents de votre organisation" in page_text(refused)
    assert accepted.status_code == 302
    assert [attachment.document for attachment in NoticeAttachment.objects.all()] == [own]
    assert client.get(secret.url).status_code == 404 and client.get(own.url).status_code == 200


def test_a_file_already_on_the_page_stays_when_a_colleague_edits_it(client, commune, superuser):
    """A file attached by the platform's administrator is kept when the organisation's editor publishes a change."""
    shared = collection_document(commune, "Guide départemental")
    shared.collection = shared.collection.get_parent()
    shared.save()
    page = notice(commune, user=superuser)
    client.force_login(superuser)
    client.post(edit_url(page), attachment_form(client, page, shared))
    jargeau_editor = membership(commune, role="editor").user
    client.force_login(jargeau_editor)

    data = admin_form(client, edit_url(page), **{"action-publish": "Publier", "title": "Coupure d'eau prolongée"})
    response = client.post(edit_url(page), data)

    assert response.status_code == 302
    assert [attachment.document for attachment in NoticeAttachment.objects.all()] == [shared]


def test_another_organisations_file_is_refused_as_a_link_of_a_space_article(client, commune, other_commune):
    """A document link to Jargeau's file in an article of Darvoy's private space is refused on the body."""
    secret = collection_document(commune, "Plan confidentiel du gymnase")
    darvoy_editor = membership(other_commune, role="editor").user
    article = space_article(other_commune.space_page, title="Travaux du gymnase")
    client.force_login(darvoy_editor)
    body = f'<p><a linktype="document" id="{secret.pk}">le plan</a></p>'

    data = admin_form(client, edit_url(article), **{"action-publish": "Publier"})
    data["body"] = rich_text(body, features=["link", "document-link"])
    response = client.post(edit_url(article), data)

    assert response.status_code == 200 and "choisissez un des documents de votre organisation" in page_text(response)
    article.refresh_from_db()
    assert f'id="{secret.pk}"' not in article.body


def test_another_organisations_file_is_refused_as_a_document_block_of_a_notice_body(client, commune, other_commune):
    """The body's "Document" block is checked too: Jargeau's file stays private."""
    secret = collection_document(commune, "Plan confidentiel du gymnase")
    darvoy_editor = membership(other_commune, role="editor").user
    page = notice(other_commune, user=darvoy_editor)
    client.force_login(darvoy_editor)
    data = admin_form(client, edit_url(page), **{"action-publish": "Publier"})
    data.update(
        {
            "body-count": "1",
            "body-0-type": "document",
            "body-0-value-document": str(secret.pk),
            "body-0-value-label": "le plan",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
        }
    )

    response = client.post(edit_url(page), data)
    client.logout()

    assert response.status_code == 200 and "choisissez un des documents de votre organisation" in page_text(response)
    assert client.get(secret.url).status_code == 404


def test_a_document_number_no_row_can_have_is_refused_not_an_error(client, other_commune):
    """A forged link to document 99999999999999999999 in an article gets the French refusal, not an error 500."""
    darvoy_editor = membership(other_commune, role="editor").user
    article = space_article(other_commune.space_page, title="Travaux du gymnase")
    client.force_login(darvoy_editor)

    data = admin_form(client, edit_url(article), **{"action-publish": "Publier"})
    data["body"] = rich_text(
        '<p><a linktype="document" id="99999999999999999999">x</a></p>', features=["document-link"]
    )
    response = client.post(edit_url(article), data)

    assert response.status_code == 200 and "choisissez un des documents de votre organisation" in page_text(response)
