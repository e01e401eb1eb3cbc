"""Who sees what: the applicant's members, the aid's provider, and nobody else (404 for forbidden and missing)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from extranet.subsidies.models import Status
from tests.aids.factories import aid
from tests.subsidies.factories import draft, submitted


def _pages(application):
    pk = application.pk
    return [
        ("get", reverse("subsidies:detail", args=[pk])),
        ("get", reverse("subsidies:update", args=[pk])),
        ("post", reverse("subsidies:submit", args=[pk])),
        ("post", reverse("subsidies:instruct", args=[pk, "review_start"])),
        ("post", reverse("subsidies:instruct", args=[pk, "close"])),
    ]


def test_another_commune_gets_404_everywhere(client, commune_aid, commune, editor, outsider):
    """Darvoy's admin neither lists nor opens nor acts on Jargeau's application."""
    application = submitted(commune_aid, commune, editor)
    client.force_login(outsider)
    for method, url in _pages(application):
        assert getattr(client, method)(url).status_code == 404, url
    assert application.title not in client.get(reverse("subsidies:list")).content.decode()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_the_applicant_members_read_and_only_writers_change(client, commune_aid, commune, editor, member):
    application = draft(commune_aid, commune, editor)
    client.force_login(member)
    assert client.get(reverse("subsidies:detail", args=[application.pk])).status_code == 200
    assert escape(application.title) in client.get(reverse("subsidies:list")).content.decode()
    assert client.get(reverse("subsidies:update", args=[application.pk])).status_code == 404
    assert client.post(reverse("subsidies:submit", args=[application.pk])).status_code == 404


def test_a_provider_sees_only_submitted_applications_to_its_own_aids(
    client, commune_aid, commune, editor, departement_editor, other_provider, other_provider_editor
):
    """The département does not see drafts; another provider sees nothing, even on its own dashboard."""
    other_aid = aid(other_provider)
    to_departement = submitted(commune_aid, commune, editor, title="Toiture de l'école")
    to_other = submitted(other_aid, commune, editor, title="Piste cyclable")
    still_draft = draft(commune_aid, commune, editor, title="Brouillon de la salle des fêtes")

    client.force_login(departement_editor)
    assert client.get(reverse("subsidies:detail", args=[to_departement.pk])).status_code == 200
    assert client.get(reverse("subsidies:detail", args=[to_other.pk])).status_code == 404
    assert client.get(reverse("subsidies:detail", args=[still_draft.pk])).status_code == 404
    dashboard = client.get(reverse("subsidies:aid_dashboard", args=[commune_aid.pk])).content.decode()
    assert "Toiture de l&#x27;école" in dashboard and "Piste cyclable" not in dashboard and "Brouillon" not in dashboard
    assert client.get(reverse("subsidies:aid_dashboard", args=[other_aid.pk])).status_code == 404

    client.force_login(other_provider_editor)
    assert client.get(reverse("subsidies:detail", args=[to_departement.pk])).status_code == 404
    assert client.get(reverse("subsidies:provider_dashboard", args=["loiret"])).status_code == 404
    assert client.get(reverse("subsidies:aid_dashboard", args=[commune_aid.pk])).status_code == 404


def test_a_provider_member_reads_but_does_not_instruct(client, commune_aid, commune, editor, departement_member):
    application = submitted(commune_aid, commune, editor)
    client.force_login(departement_member)
    assert client.get(reverse("subsidies:detail", args=[application.pk])).status_code == 200
    url = reverse("subsidies:instruct", args=[application.pk, "review_start"])
    assert client.post(url, {"review_start-version": application.version}).status_code == 404


@pytest.mark.parametrize("name", ["detail", "update"])
def test_anonymous_visitors_are_sent_to_the_login(client, commune_aid, commune, editor, name):
    application = submitted(commune_aid, commune, editor)
    response = client.get(reverse(f"subsidies:{name}", args=[application.pk]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_a_missing_application_is_404_like_a_forbidden_one(client, editor):
    client.force_login(editor)
    assert client.get(reverse("subsidies:detail", args=[999999])).status_code == 404


def test_supporting_documents_are_served_to_the_provider_through_the_application(
    client, commune_aid, commune, editor, departement_editor, outsider
):
    """The provider downloads a piece of the application it instructs, not the library's copy; others get 404."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.uploads import upload_check
    from extranet.subsidies import services
    from tests.subsidies.factories import application_fields

    upload = upload_check(SimpleUploadedFile("devis.txt", b"Devis de couverture"))
    application = services.application_create(
        aid=commune_aid, organisation=commune, user=editor, uploads=[upload], **application_fields()
    )
    application = services.application_submit(application=application, user=editor)
    [document] = application.documents.all()
    url = reverse("subsidies:document", args=[application.pk, document.pk])

    client.force_login(departement_editor)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Devis de couverture"
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
