"""A notice moved to another organisation's section takes that organisation along with its contracts."""

import pytest

from extranet.procurement.models import AwardedContractPage, ProcurementNoticePage
from extranet.procurement.services import procurement_page_parent_sync
from tests.procurement.factories import contract, notice, section_of

pytestmark = pytest.mark.django_db


def test_a_moved_notice_and_its_contracts_change_buyer(montargis, departement):
    """After the move, the notice and its awarded contract belong to the département (the DECP buyer)."""
    moved = notice(montargis)
    contract(moved)

    moved.move(section_of(departement), pos="last-child")
    procurement_page_parent_sync(page=ProcurementNoticePage.objects.get(pk=moved.pk))

    assert ProcurementNoticePage.objects.get(pk=moved.pk).organisation == departement
    assert AwardedContractPage.objects.get().organisation == departement
