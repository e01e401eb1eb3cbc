"""The search index of the acts holds live, public acts, with the words a visitor would look for."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from extranet.acts.search_indexes import ActPageIndex
from tests.acts.factories import act

pytestmark = pytest.mark.django_db


def test_only_live_unrestricted_acts_are_indexed(section):
    """Drafts and acts behind a view restriction stay out of the index."""
    public = act(section, title="Budget primitif")
    act(section, title="Projet", publish=False)
    hidden = act(section, title="Acte restreint")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    indexed = list(ActPageIndex().index_queryset())

    assert indexed == [public.page_ptr.specific]


def test_an_indexed_act_carries_its_words_and_facets(section):
    """The document has the object, number, organisation and matter; the facets its organisation and date."""
    deliberation = act(section, title="Subvention au club de canoë", internal_id="2024-042", matter_code="7.5")

    data = ActPageIndex().full_prepare(deliberation)

    assert "Subvention au club de canoë" in data["text"]
    assert "2024-042" in data["text"] and "Jargeau" in data["text"]
    assert "7.5 — Finances locales / Subventions" in data["text"]
    assert (data["title"], data["organisation"], data["visibility"]) == (
        "Subvention au club de canoë",
        "jargeau",
        ["public"],
    )
    assert timezone.localtime(data["date"]).date() == deliberation.adoption_date
