"""The share links listed on a document's page and on a folder's page, each revoked by its own button."""

import re

import pytest

from documents import sharing
from documents.models import ShareLink
from tests.documents.factories import document, folder

pytestmark = pytest.mark.django_db


def revoke_actions(page: str) -> list[str]:
    return re.findall(r'action="([^"]+/revoquer/)"', page)


@pytest.mark.parametrize("target", ["document", "folder"])
def test_each_active_link_is_listed_and_its_button_revokes_it(client, commune, editor, target):
    """Two active links are listed with their end dates; the button of the first revokes only that one."""
    if target == "document":
        item = document(commune, user=editor, name="budget.pdf")
        page_url = f"/bibliotheque/document/{item.pk}/"
    else:
        item = folder(commune, user=editor, name="Conseil")
        page_url = f"/bibliotheque/{commune.slug}/dossier/{item.pk}/"
    first, _ = sharing.share_link_create(**{target: item}, days=3, user=editor)
    second, _ = sharing.share_link_create(**{target: item}, days=5, user=editor)
    client.force_login(editor)

    page = client.get(page_url).content.decode()
    actions = revoke_actions(page)
    assert page.count("Valable jusqu’au") + page.count("Valable jusqu'au") == 2
    assert len(actions) == 2 and any(action.endswith(f"/{first.pk}/revoquer/") for action in actions)
    client.post(next(action for action in actions if action.endswith(f"/{first.pk}/revoquer/")))

    assert ShareLink.objects.get(pk=first.pk).revoked_at is not None
    assert ShareLink.objects.get(pk=second.pk).revoked_at is None
    assert len(revoke_actions(client.get(page_url).content.decode())) == 1
