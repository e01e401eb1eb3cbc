"""Open notices are in the unified search for everyone; closed ones leave it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from extranet.search.selectors import search_run
from tests.procurement.factories import closed_notice, notice

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_finds_an_open_notice(search_index, montargis):
    """The open notice is found by a word of its object, with the public visibility; the closed one is not."""
    open_notice = notice(montargis, title="Balayage de la voirie communale")
    closed_notice(montargis, title="Ancien balayage de la voirie")

    results = list(search_run(user=AnonymousUser(), query="voirie"))

    assert [result.title for result in results] == [open_notice.title]
    assert results[0].kind == "procurement"
