"""Wagtail's reports as an organisation's editor sees them: nothing of another organisation's pages."""

import pytest

from tests.organisations.factories import membership, space_article

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/page-types-usage/"


@pytest.fixture
def secret(commune):
    return space_article(commune.space_page, title="Confidentiel : projet de fusion avec Darvoy")


def test_another_organisations_editor_gets_no_page_types_report(client, other_commune, secret):
    """The report named the last page edited of each type, a private space's article included: 404, not offered."""
    client.force_login(membership(other_commune, role="editor").user)

    answers = [client.get(REPORT).status_code, client.get(f"{REPORT}results/").status_code]
    reports_menu = client.get("/admin/").content.decode()

    assert answers == [404, 404]
    assert "page-types-usage" not in reports_menu and "Confidentiel" not in reports_menu


def test_platform_staff_keep_the_report(client, superuser, secret):
    """Platform administrators, who see every page anyway, still have it."""
    client.force_login(superuser)

    page = client.get(REPORT).content.decode()

    assert "Confidentiel : projet de fusion avec Darvoy" in page
