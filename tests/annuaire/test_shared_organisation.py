""" "My organisation only" reaches members of any of the person's organisations, not only the card's one."""

import pytest
import vobject
from django.urls import reverse

from annuaire.visibility import directory_viewer, person_card_visible_fields
from extranet.search.selectors import search_run
from tests.annuaire.factories import MOBILE, person_card
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

MOBILE_URI = "tel:0612345678"


@pytest.fixture
def shared_card(card, other_commune):
    """Camille's card is published under Jargeau; she also belongs to Darvoy."""
    membership(other_commune, user=card.user)
    return card


@pytest.fixture
def stranger():
    """A member of a third organisation, which Camille does not belong to."""
    return membership(OrganisationFactory(name="Sandillon", slug="sandillon")).user


def test_a_colleague_from_the_persons_other_organisation_reads_own_organisation_fields(shared_card, outsider, stranger):
    """A member of Darvoy reads Camille's mobile; a member of Sandillon does not."""
    assert "mobile" in person_card_visible_fields(viewer=directory_viewer(user=outsider), card=shared_card)
    assert "mobile" not in person_card_visible_fields(viewer=directory_viewer(user=stranger), card=shared_card)


def test_a_card_kept_to_the_organisation_is_listed_for_the_other_organisations_members(
    client, commune, other_commune, outsider, stranger
):
    """A whole card kept to "my organisation" shows on the page and in the list for members of either organisation."""
    hidden = person_card(commune, card_visibility="organisation", function="Agent technique")
    membership(other_commune, user=hidden.user)
    client.force_login(outsider)
    assert client.get(reverse("annuaire:person_detail", args=[hidden.pk])).status_code == 200
    assert "Agent technique" in client.get(reverse("annuaire:person_list")).content.decode()
    client.force_login(stranger)
    assert client.get(reverse("annuaire:person_detail", args=[hidden.pk])).status_code == 404
    assert "Agent technique" not in client.get(reverse("annuaire:person_list")).content.decode()


@pytest.mark.parametrize(("viewer", "sees_mobile"), [("outsider", True), ("stranger", False)])
def test_the_pages_and_the_vcard_follow_the_shared_organisation(
    client, shared_card, outsider, stranger, viewer, sees_mobile
):
    """The card page, the organisation page and the vCard show the mobile to a colleague from Darvoy only."""
    client.force_login({"outsider": outsider, "stranger": stranger}[viewer])
    detail = client.get(reverse("annuaire:person_detail", args=[shared_card.pk])).content.decode()
    organisation_page = client.get(reverse("annuaire:organisation_detail", args=["jargeau"])).content.decode()
    text = client.get(reverse("annuaire:person_vcard", args=[shared_card.pk])).content.decode()
    vobject.readOne(text)
    assert (MOBILE in detail) == sees_mobile
    assert (MOBILE in organisation_page) is False  # listings never show mobiles
    assert (MOBILE_URI in text) == sees_mobile


def test_the_csv_export_reads_the_same_rule(client, commune, other_commune):
    """An admin of Darvoy who also administers Jargeau exports the cards with their own-organisation fields."""
    admin = membership(other_commune, role="admin").user
    membership(commune, role="admin", user=admin)
    colleague = person_card(commune, mobile=MOBILE, mobile_visibility="organisation")
    membership(other_commune, user=colleague.user)
    client.force_login(admin)
    assert MOBILE in client.get(reverse("annuaire:organisation_csv", args=["jargeau"])).content.decode()


def test_the_search_finds_an_own_organisation_card_for_members_of_any_of_the_persons_organisations(
    search_index, commune, other_commune, outsider, stranger
):
    """Joining Darvoy re-indexes the card, so Darvoy's members find it and Sandillon's do not."""
    card = person_card(
        commune, card_visibility="organisation", function="Garde champêtre", function_visibility="organisation"
    )

    def found_by(user):
        return [result for result in search_run(user=user, query="champêtre") if result.kind == "person"]

    assert found_by(outsider) == []
    membership(other_commune, user=card.user)
    assert len(found_by(outsider)) == 1
    assert found_by(stranger) == []
