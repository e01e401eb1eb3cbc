"""Applications in the unified search: a draft for its organisation, a submitted one for the provider too."""

from haystack.query import SearchQuerySet

from extranet.search.audiences import organisation_audience
from extranet.search.selectors import search_run
from extranet.subsidies.models import Application
from extranet.subsidies.search_indexes import ApplicationIndex
from extranet.subsidies.services import application_submit
from tests.subsidies.factories import draft


def test_visibility_follows_the_status(
    search_index, commune_aid, commune, editor, departement, departement_editor, outsider
):
    application = draft(commune_aid, commune, editor, title="Médiathèque intercommunale")
    [result] = SearchQuerySet().models(Application).filter(content="médiathèque")
    assert result.visibility == [organisation_audience(commune.pk)]
    assert not search_run(user=departement_editor, query="médiathèque")

    application_submit(application=application, user=editor)
    [result] = SearchQuerySet().models(Application).filter(content="médiathèque")
    assert sorted(result.visibility) == sorted(
        [organisation_audience(commune.pk), organisation_audience(departement.pk)]
    )
    assert [hit.title for hit in search_run(user=departement_editor, query="médiathèque")] == [
        "Médiathèque intercommunale"
    ]
    assert not search_run(user=outsider, query="médiathèque")
    assert ApplicationIndex().search_kind == "subsidy_application"
