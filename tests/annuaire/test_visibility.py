"""The visibility selector: what each viewer may read of a card, bounded by the card and the organisation."""

import pytest

from annuaire.visibility import (
    directory_viewer,
    organisation_visible_fields,
    person_card_fields_for_audience,
    person_card_visible_fields,
)
from tests.annuaire.conftest import EXPECTED_FIELDS
from tests.annuaire.factories import organisation_profile, person_card

pytestmark = pytest.mark.django_db


def visible(user, card):
    card.refresh_from_db()
    fields = person_card_visible_fields(viewer=directory_viewer(user=user), card=card)
    return None if fields is None else set(fields)


@pytest.mark.parametrize("persona", sorted(EXPECTED_FIELDS))
def test_each_viewer_reads_exactly_the_fields_their_audience_allows(card, personas, persona):
    """Public, members-only and own-organisation fields are shown to exactly their audience."""
    assert visible(personas[persona], card) == EXPECTED_FIELDS[persona]


def test_a_person_always_reads_their_whole_card(card):
    """The owner sees every field, even one restricted to their organisation."""
    assert visible(card.user, card) == EXPECTED_FIELDS["same_organisation"]


@pytest.mark.parametrize(
    ("card_visibility", "hidden_from"),
    [
        ("public", set()),
        ("members", {"anonymous", "no_organisation"}),
        ("organisation", {"anonymous", "no_organisation", "other_organisation"}),
    ],
)
def test_the_card_visibility_hides_the_whole_card(commune, personas, card_visibility, hidden_from):
    """A card restricted to members or to its organisation does not exist for the others."""
    card = person_card(commune, card_visibility=card_visibility, function_visibility="public")
    for persona, user in personas.items():
        assert (visible(user, card) is None) == (persona in hidden_from), persona


def test_a_field_is_never_wider_than_its_card(commune, personas):
    """A public field on a members-only card stays hidden from anonymous visitors (the card is)."""
    card = person_card(commune, card_visibility="organisation", function_visibility="public", function="Maire")
    assert visible(personas["other_organisation"], card) is None


def test_the_organisation_limit_narrows_choices_made_before_it(card, commune, personas):
    """An organisation that lowers its limit to members hides its members' public cards from anonymous visitors."""
    organisation_profile(commune, widest_person_visibility="members")
    assert visible(personas["anonymous"], card) is None
    assert visible(personas["other_organisation"], card) == EXPECTED_FIELDS["other_organisation"]


def test_fields_for_an_audience_leave_out_narrower_fields(card):
    """The search index's view of a public card: public fields only."""
    assert set(person_card_fields_for_audience(card=card, audience="public")) == EXPECTED_FIELDS["anonymous"]
    assert set(person_card_fields_for_audience(card=card, audience="members")) == EXPECTED_FIELDS["other_organisation"]


@pytest.mark.parametrize(
    ("persona", "sees_internal"),
    [("anonymous", False), ("no_organisation", False), ("other_organisation", True), ("same_organisation", True)],
)
def test_internal_lines_of_an_organisation_are_for_members_of_any_organisation(
    commune, personas, persona, sees_internal
):
    """Direct lines and internal e-mails are shown to members of any organisation, never to the public."""
    profile = organisation_profile(
        commune, phone="02 38 59 70 00", internal_phone="02 38 59 70 99", internal_email="dgs@jargeau.test"
    )
    fields = organisation_visible_fields(viewer=directory_viewer(user=personas[persona]), profile=profile)
    assert fields["phone"] == "02 38 59 70 00"
    assert ("internal_phone" in fields, "internal_email" in fields) == (sees_internal, sees_internal)


def test_a_person_without_a_name_is_not_named_by_their_hidden_email(commune, personas):
    """The e-mail address keeps its own visibility even when it would be the only way to name someone."""
    from tests.accounts.factories import UserFactory

    card = person_card(
        commune, user=UserFactory(first_name="", last_name="", email="sans.nom@jargeau.test"), card_visibility="public"
    )
    fields = person_card_visible_fields(viewer=directory_viewer(user=personas["anonymous"]), card=card)
    assert "sans.nom@jargeau.test" not in str(fields)
