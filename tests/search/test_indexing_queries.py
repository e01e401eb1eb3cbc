"""Indexing reads each kind in a fixed number of SQL queries, however many items there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from haystack import connections

from extranet.acts.models import ActPage, ActSectionPage
from extranet.aids.pages import AidPage
from extranet.jobs.pages import JobOfferPage
from extranet.notices.pages import NoticePage
from extranet.organisations.pages import SpaceArticlePage
from tests.acts.factories import act
from tests.aids.factories import aid, provider
from tests.jobs.factories import offer
from tests.notices.factories import notice
from tests.organisations.factories import space_article

pytestmark = pytest.mark.django_db


def preparing_queries(model) -> int:
    """Queries made to read and prepare every item of the model's index, as update_index does."""
    index = connections["default"].get_unified_index().get_index(model)
    with CaptureQueriesContext(connection) as captured:
        documents = [index.full_prepare(item) for item in index.index_queryset()]
    assert documents
    return len(captured)


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (ActPage, lambda commune, n: act(ActSectionPage.objects.get(organisation=commune), title=f"Acte {n}")),
        (NoticePage, lambda commune, n: notice(commune, title=f"Communiqué {n}")),
        (AidPage, lambda commune, n: aid(provider(slug=f"dep-{n}", name=f"Département {n}"), title=f"Aide {n}")),
        (JobOfferPage, lambda commune, n: offer(commune, title=f"Offre {n}")),
        (SpaceArticlePage, lambda commune, n: space_article(commune.space_page, title=f"Article {n}")),
    ],
)
def test_no_query_per_item(commune, model, make):
    """Two items or eight cost the same queries to index."""
    for number in range(2):
        make(commune, number)
    preparing_queries(model)  # warms the caches (the sites' root paths)
    few = preparing_queries(model)
    for number in range(2, 8):
        make(commune, number)

    assert preparing_queries(model) == few
