"""Directory entries in the unified search: each document carries only what its whole audience may read."""

import pytest
from django.urls import reverse

from extranet.search.selectors import search_run
from tests.annuaire.conftest import EXPECTED_FIELDS
from tests.annuaire.factories import MOBILE, PHONE, organisation_profile, person_card

pytestmark = pytest.mark.django_db


def results(user, query, kind="person"):
    return [result for result in search_run(user=user, query=query) if result.kind == kind]


@pytest.mark.parametrize("persona", sorted(EXPECTED_FIELDS))
def test_a_private_phone_never_appears_in_a_search_result(search_index, card, personas, persona):
    """Searching Camille's mobile finds nothing, and her public document holds neither phone, for anyone."""
    user = personas[persona]
    assert results(user, MOBILE) == []
    found = results(user, "Martin")
    assert [result.title for result in found] == ["Camille Martin"]
    assert found[0].url == reverse("annuaire:person_detail", args=[card.pk])
    assert "Secrétaire de mairie" in found[0].text
    assert MOBILE not in found[0].text and PHONE not in found[0].text
    assert "camille.martin@jargeau.test" not in found[0].text


@pytest.mark.parametrize(
    ("card_visibility", "finders"),
    [
        ("public", set(EXPECTED_FIELDS)),
        ("members", set(EXPECTED_FIELDS) - {"anonymous", "no_organisation"}),
        ("organisation", {"same_organisation", "organisation_admin", "superuser"}),
    ],
)
def test_a_card_is_found_by_its_audience_only(search_index, commune, personas, card_visibility, finders):
    """Members-only and own-organisation cards are not found by the others."""
    person_card(
        commune, card_visibility=card_visibility, function="Garde champêtre", function_visibility=card_visibility
    )
    found_by = {persona for persona, user in personas.items() if results(user, "champêtre")}
    assert found_by == finders


def test_a_members_card_carries_its_members_fields(search_index, commune, personas):
    """On a members-only card, the members-only phone is searchable by members, the own-organisation mobile is not."""
    person_card(
        commune,
        card_visibility="members",
        phone="02 38 00 11 22",
        phone_visibility="members",
        mobile="06 99 88 77 66",
        mobile_visibility="organisation",
    )
    outsider = personas["other_organisation"]
    assert len(results(outsider, "02 38 00 11 22")) == 1
    assert results(outsider, "06 99 88 77 66") == []
    assert results(personas["same_organisation"], "06 99 88 77 66") == []


def test_narrowing_a_card_takes_it_out_of_the_public_results(search_index, card, personas):
    """Saving a card as members-only re-indexes it with its new audience."""
    from annuaire.services import person_card_update

    person_card_update(card=card, card_visibility="members")
    assert results(personas["anonymous"], "Martin") == []
    assert len(results(personas["other_organisation"], "Martin")) == 1


def test_an_organisation_result_opens_its_directory_page_without_internal_lines(
    search_index, commune, personas, client
):
    """The organisation's document links to its page and never holds its direct line."""
    organisation_profile(commune, city="Jargeau-sur-Loire", internal_phone="02 38 59 70 99")
    from annuaire.services import organisation_profile_update

    organisation_profile_update(profile=commune.directory_profile)
    found = results(personas["anonymous"], "Jargeau-sur-Loire", kind="organisation")
    assert [result.url for result in found] == [reverse("annuaire:organisation_detail", args=["jargeau"])]
    assert "02 38 59 70 99" not in found[0].text
    assert results(personas["same_organisation"], "02 38 59 70 99", kind="organisation") == []
    assert client.get(found[0].url).status_code == 200


def test_a_member_who_leaves_leaves_the_directory_search(search_index, commune, personas):
    """Once the person leaves the organisation, their own-organisation card is no longer found by its members."""
    from extranet.organisations.services import membership_remove

    card = person_card(
        commune, card_visibility="organisation", function="Agent d'accueil", function_visibility="organisation"
    )
    colleague = personas["same_organisation"]
    assert len(results(colleague, "accueil")) == 1

    membership_remove(membership=card.user.memberships.get(organisation=commune))

    assert results(colleague, "accueil") == []


def test_a_renamed_person_is_found_under_the_new_name(search_index, commune, client):
    """Changing one's name on the profile page re-indexes the directory card."""
    card = person_card(commune, card_visibility="public", function="Régisseur", function_visibility="public")
    client.force_login(card.user)

    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Camille", "last_name": "Delacroix", "phone": "", "job_title": "", "preferred_language": "fr"},
    )

    assert response.status_code == 302
    assert [result.title for result in results(card.user, "Delacroix")] == ["Camille Delacroix"]
