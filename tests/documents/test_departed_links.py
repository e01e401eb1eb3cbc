"""The share links a member made to the organisation's files stop when they leave it."""

import pytest
from django.urls import reverse

from documents.models import AuditEvent
from documents.sharing import share_link_create
from extranet.organisations.models import Membership
from extranet.organisations.services import membership_remove
from tests.documents.factories import document, folder
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def test_links_made_by_a_departed_member_answer_404(client, commune, admin):
    """Pierre's links to Jargeau's document and folder stop when he leaves; the audit names why."""
    pierre = membership(commune, role="editor").user
    _link, document_token = share_link_create(
        document=document(commune, user=pierre, name="note-chaussee.pdf"), days=7, user=pierre
    )
    _link, folder_token = share_link_create(folder=folder(commune, user=pierre, name="Voirie"), days=7, user=pierre)
    assert client.get(reverse("documents:link", args=[document_token])).status_code == 200

    membership_remove(membership=Membership.objects.get(user=pierre, organisation=commune))

    assert client.get(reverse("documents:link", args=[document_token])).status_code == 404
    assert client.get(reverse("documents:link", args=[folder_token])).status_code == 404
    assert AuditEvent.objects.filter(action="link_revoke", actor=None, detail__contains=pierre.full_name).count() == 2


def test_links_made_by_the_remaining_members_keep_working(client, commune, admin):
    """Only the departing member's links stop: the admin's own link to the same document still opens."""
    pierre = membership(commune, role="editor").user
    shared = document(commune, user=pierre, name="note-chaussee.pdf")
    _link, token = share_link_create(document=shared, days=7, user=admin)

    membership_remove(membership=Membership.objects.get(user=pierre, organisation=commune))

    assert client.get(reverse("documents:link", args=[token])).status_code == 200
