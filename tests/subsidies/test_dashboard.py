"""The provider's dashboard: exact totals in a constant number of queries, filters and the CSV export."""

import csv
import io
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.subsidies import selectors, services
from extranet.subsidies.models import Status
from tests.organisations.factories import OrganisationFactory, membership
from tests.subsidies.factories import TODAY, draft, granted, submitted


def _applicant(name, slug, insee):
    organisation = OrganisationFactory(kind="commune", name=name, slug=slug, insee_code=insee)
    return organisation, membership(organisation, role="editor").user


def test_totals_are_exact_decimals_and_cost_the_same_queries(commune_aid, commune, editor, departement_editor):
    """Cents add up exactly (0.10 + 0.20 = 0.30, no float), drafts are left out, 2 or 4 applications cost the same."""
    first = granted(
        commune_aid, commune, editor, departement_editor, amount=Decimal("0.10"), amount_requested=Decimal("0.10")
    )
    services.payment_record(application=first, actor=departement_editor, date=TODAY, amount=Decimal("0.10"))
    tigy, tigy_editor = _applicant("Tigy", "tigy", "45327")
    granted(
        commune_aid, tigy, tigy_editor, departement_editor, amount=Decimal("0.20"), amount_requested=Decimal("0.20")
    )
    draft(commune_aid, commune, editor, amount_requested=Decimal("99.99"))

    def totals():
        with CaptureQueriesContext(connection) as queries:
            applications = selectors.provider_applications(aid=commune_aid)
            result = selectors.application_totals(applications=applications)
            list(applications)
        return result, len(queries)

    result, cost = totals()
    assert result == {
        "count": 2,
        "requested": Decimal("0.30"),
        "granted": Decimal("0.30"),
        "paid": Decimal("0.10"),
    }
    submitted(commune_aid, tigy, tigy_editor, amount_requested=Decimal("1.01"))
    submitted(commune_aid, commune, editor, amount_requested=Decimal("2.02"))
    result, more_cost = totals()
    assert result["requested"] == Decimal("3.33") and more_cost == cost


def test_filters_and_csv_export(client, commune_aid, commune, editor, departement_editor):
    granted(commune_aid, commune, editor, departement_editor, title="Toiture de l'école", amount=Decimal("12500.50"))
    tigy, tigy_editor = _applicant("Tigy", "tigy", "45327")
    submitted(commune_aid, tigy, tigy_editor, title='=HYPERLINK("http://x.test")')
    client.force_login(departement_editor)

    page = client.get(reverse("subsidies:aid_dashboard", args=[commune_aid.pk]), {"status": Status.GRANTED})
    assert "Toiture" in page.content.decode() and "HYPERLINK" not in page.content.decode()

    response = client.get(reverse("subsidies:aid_export", args=[commune_aid.pk]), {"applicant": "tig"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Demandeur"], row["Projet"], row["Statut"], row["Montant demandé"]) for row in rows] == [
        ("Tigy", '\'=HYPERLINK("http://x.test")', "Déposée", "36000.00")
    ]
    assert response["Cache-Control"] == "private, no-cache"


def test_the_providers_spreadsheet_is_headed_in_its_readers_language(
    client, commune_aid, commune, editor, departement_editor
):
    """An English-speaking instructor gets English headers and statuses; nothing paid reads 0.00 like the rest."""
    granted(commune_aid, commune, editor, departement_editor)
    client.force_login(departement_editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("subsidies:aid_export", args=[commune_aid.pk]))
    (row,) = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))

    assert (row["Status"], row["Amount paid"], row["Amount granted"]) == ("Granted", "0.00", "30000.00")


def test_the_provider_overview_sums_each_aid(client, commune_aid, commune, editor, departement, departement_editor):
    granted(commune_aid, commune, editor, departement_editor, amount=Decimal("30000.00"))
    [summary] = selectors.provider_aid_summaries(organisation=departement)
    assert (summary["count"], summary["requested"], summary["granted"], summary["paid"]) == (
        1,
        Decimal("36000.00"),
        Decimal("30000.00"),
        Decimal("0.00"),
    )
    client.force_login(departement_editor)
    assert client.get(reverse("subsidies:provider_dashboard", args=[departement.slug])).status_code == 200
