"""A deactivated account's card leaves the directory's search at once, however the account was deactivated."""

import pytest
from django.urls import reverse

from extranet.search.selectors import search_run
from tests.annuaire.factories import person_card

pytestmark = pytest.mark.django_db


def found(user, query="champêtre"):
    return [result.title for result in search_run(user=user, query=query) if result.kind == "person"]


@pytest.fixture
def public_card(commune):
    return person_card(commune, card_visibility="public", function="Garde champêtre", function_visibility="public")


def test_an_account_deactivated_by_a_save_leaves_the_search(search_index, public_card, member, client):
    """Saving the account inactive (as the Wagtail or Django admin's user form does) removes it from the results."""
    assert found(member) == [public_card.user.full_name]
    user = public_card.user
    user.is_active = False
    user.save()
    assert found(member) == []
    assert client.get(reverse("annuaire:person_detail", args=[public_card.pk])).status_code == 404

    user.is_active = True
    user.save()
    assert found(member) == [public_card.user.full_name]


def test_an_account_deactivated_by_the_wagtail_bulk_action_leaves_the_search(
    search_index, public_card, member, superuser, client
):
    """Wagtail's "set active state" bulk action updates rows without saving them; its hook still re-indexes."""
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=["accounts", "user", "set_active_state"])
    response = client.post(f"{url}?id={public_card.user.pk}", {"mark_as_active": "False"})
    assert response.status_code == 302
    public_card.user.refresh_from_db()
    assert not public_card.user.is_active
    assert found(member) == []
