"""The sharing form of a document refuses organisation ids that no row can have."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = 99999999999999999999999


@pytest.mark.parametrize("field", ["read", "write"])
def test_an_out_of_range_organisation_is_a_form_error(client, editor, library, field):
    """An organisation id beyond the database's integers gets the form's French error, not an error page."""
    client.force_login(editor)
    response = client.post(f"/bibliotheque/document/{library['shared'].pk}/partage/", {field: str(HUGE)})
    assert response.status_code == 400
    assert f"{HUGE} n’en fait pas partie" in response.content.decode()
