"""Wagtail's chooser of library documents: an editor picks among their organisations' public documents only."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from documents import selectors
from documents.models import Document
from tests.documents.factories import document, folder, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents_to_choose(commune, other_commune, editor, outsider):
    """Jargeau: a public document, a document in a public subfolder, a private one; Darvoy: a public one."""
    public = document(commune, user=editor, name="deliberation-budget.pdf")
    share(public, None, user=editor, is_public=True)
    public_folder = folder(commune, user=editor, name="Délibérations")
    share(public_folder, None, user=editor, is_public=True)
    subfolder = folder(commune, user=editor, name="2026", parent=public_folder)
    in_public_folder = document(commune, user=editor, name="deliberation-ecole.pdf", folder=subfolder)
    private = document(commune, user=editor, name="salaires.pdf")
    elsewhere = document(other_commune, user=outsider, name="darvoy-public.pdf")
    share(elsewhere, None, user=outsider, is_public=True)
    return {"public": public, "in_public_folder": in_public_folder, "private": private, "elsewhere": elsewhere}


def modal_html(response) -> str:
    return json.loads(response.content)["html"]


def test_the_chooser_lists_the_public_documents_of_the_editors_organisations(client, editor, documents_to_choose):
    """The editor sees their public documents (directly or through a folder), not private ones nor others'."""
    client.force_login(editor)
    response = client.get(reverse("library_document_chooser:choose"))
    html = modal_html(response)
    assert response.status_code == 200
    assert "deliberation-budget.pdf" in html and "deliberation-ecole.pdf" in html
    assert "salaires.pdf" not in html and "darvoy-public.pdf" not in html


def test_the_chooser_searches_titles(client, editor, documents_to_choose):
    """Typing a word keeps the usable documents whose title holds it."""
    client.force_login(editor)
    response = client.get(reverse("library_document_chooser:choose_results"), {"q": "ecole"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "deliberation-ecole.pdf" in text and "deliberation-budget.pdf" not in text


@pytest.mark.parametrize(("name", "status"), [("public", 200), ("private", 404), ("elsewhere", 404)])
def test_choosing_a_document_answers_only_for_usable_ones(client, editor, documents_to_choose, name, status):
    """Choosing by address a private document or another organisation's gets 404, like a missing one."""
    client.force_login(editor)
    response = client.get(reverse("library_document_chooser:chosen", args=[documents_to_choose[name].pk]))
    assert response.status_code == status
    if status == 200:
        assert json.loads(response.content)["result"]["title"] == "deliberation-budget.pdf"
    assert client.get(reverse("library_document_chooser:chosen", args=["x"])).status_code == 404


@pytest.mark.parametrize("pk", ["²", "1²"])
def test_a_superscript_digit_as_number_answers_404(client, editor, documents_to_choose, pk):
    """A number made of a Unicode digit that is not decimal gets 404, not a server error."""
    client.force_login(editor)
    assert client.get(reverse("library_document_chooser:chosen", args=[pk])).status_code == 404
    response = client.get(reverse("library_document_chooser:chosen_multiple"), {"id": [pk]})
    assert response.status_code == 200 and json.loads(response.content)["result"] == []


def test_choosing_several_keeps_only_usable_documents(client, editor, documents_to_choose):
    """The multiple choice drops the documents the editor may not use."""
    client.force_login(editor)
    ids = [item.pk for item in documents_to_choose.values()]
    response = client.get(reverse("library_document_chooser:chosen_multiple"), {"id": ids})
    titles = {item["title"] for item in json.loads(response.content)["result"]}
    assert titles == {"deliberation-budget.pdf", "deliberation-ecole.pdf"}


def test_documents_cannot_be_created_from_the_chooser(client, editor, documents_to_choose):
    """Documents are added in the library only: the chooser's creation address answers 404."""
    client.force_login(editor)
    assert client.post(reverse("library_document_chooser:create"), {"title": "x"}).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_chooser_is_closed_to_people_without_the_admin(client, member, documents_to_choose, who):
    """Visitors and members without access to the admin never get the chooser's listing."""
    if who == "member":
        client.force_login(member)
    response = client.get(reverse("library_document_chooser:choose"))
    assert response.status_code in (302, 403)
    assert "deliberation-budget.pdf" not in response.content.decode()


def test_the_queryset_rule_agrees_with_the_permission_core(documents_to_choose):
    """A document is in `document_public_q` exactly when the permission core grants a visitor PUBLIC."""
    listed = set(Document.objects.filter(selectors.document_public_q()).values_list("pk", flat=True))
    anonymous = AnonymousUser()
    for item in Document.objects.all():
        granted = selectors.document_access(user=anonymous, document=item) == selectors.Access.PUBLIC
        assert (item.pk in listed) == granted, item.title
