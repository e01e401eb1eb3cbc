"""An applicant's draft and submission: eligibility, amounts, receipt and acknowledgement."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from extranet.subsidies import services
from extranet.subsidies.models import Application, Status
from tests.aids.factories import aid, days
from tests.organisations.factories import OrganisationFactory, membership
from tests.subsidies.factories import application_fields, draft, submitted


def test_an_organisation_outside_the_beneficiaries_is_refused_in_french(departement, commune, editor):
    """A commune cannot apply to an aid for EPCI: the message names it and the beneficiaries, in French."""
    epci_aid = aid(departement, targeted_audiences=["epci"])
    with pytest.raises(ValidationError) as error:
        draft(epci_aid, commune, editor)
    assert "Jargeau ne fait pas partie des bénéficiaires de cette aide" in error.value.messages[0]
    assert not Application.objects.exists()


def test_a_closed_aid_takes_no_application(departement, commune, editor):
    closed = aid(departement, start_date=days(-30), submission_deadline=days(-1))
    with pytest.raises(ValidationError, match="n'est pas ouverte aux demandes"):
        draft(closed, commune, editor)


def test_an_organisation_outside_the_territory_is_refused(departement, commune, editor):
    covered = OrganisationFactory(kind="commune", name="Tigy", slug="tigy", insee_code="45327")
    local_aid = aid(departement, perimeter_organisations=[covered])
    with pytest.raises(ValidationError, match="hors du territoire"):
        draft(local_aid, commune, editor)


def test_requesting_more_than_the_total_cost_is_refused(commune_aid, commune, editor):
    with pytest.raises(ValidationError) as error:
        draft(commune_aid, commune, editor, total_cost=Decimal("1000.00"), amount_requested=Decimal("1000.01"))
    assert error.value.message_dict["amount_requested"] == [
        "Le montant demandé (1\u00a0000,01 €) dépasse le coût total (1\u00a0000,00 €)."
    ]
    assert not Application.objects.exists()


def test_a_member_cannot_write_an_application(commune_aid, commune, member):
    with pytest.raises(ValidationError, match="Seuls les rédacteurs et administrateurs de Jargeau"):
        draft(commune_aid, commune, member)


def test_a_draft_is_submitted_with_a_receipt_number_and_an_acknowledgement(commune_aid, commune, editor):
    """Saving a draft sends nothing; submitting stamps it, numbers it, logs it and acknowledges it by e-mail."""
    application = draft(commune_aid, commune, editor)
    assert (application.status, application.receipt_number, application.submitted_at) == (Status.DRAFT, None, None)
    assert mail.outbox == []

    application = services.application_submit(application=application, user=editor)

    assert application.status == Status.SUBMITTED
    assert re.fullmatch(rf"SUB-\d{{4}}-{application.pk:06d}", application.receipt_number)
    assert application.submitted_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted([editor.email.lower(), "dgs@jargeau.test"])
    assert application.receipt_number in mail.outbox[0].subject
    assert "Accusé de réception" in mail.outbox[0].subject
    [change] = application.status_changes.all()
    assert (change.actor, change.from_status, change.to_status) == (editor, Status.DRAFT, Status.SUBMITTED)


def test_a_submitted_application_can_no_longer_be_changed(commune_aid, commune, editor):
    application = submitted(commune_aid, commune, editor)
    with pytest.raises(ValidationError, match="Une demande déposée ne peut plus être modifiée"):
        services.application_update(application=application, user=editor, **application_fields(title="Autre"))
    application.refresh_from_db()
    assert application.title == "Rénovation de la toiture de l'école"


def test_a_draft_keeps_only_documents_of_its_own_library(commune_aid, commune, editor, other_commune):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.services import document_upload
    from documents.uploads import upload_check

    other_admin = membership(other_commune, role="admin").user
    foreign = document_upload(
        organisation=other_commune,
        folder=None,
        checked=upload_check(SimpleUploadedFile("devis.txt", b"Devis de couverture")),
        user=other_admin,
    )
    with pytest.raises(ValidationError, match="doit provenir de la bibliothèque de votre organisation"):
        services.application_create(
            aid=commune_aid, organisation=commune, user=editor, documents=[foreign], **application_fields()
        )
    upload = upload_check(SimpleUploadedFile("plan-de-financement.txt", b"Plan de financement"))
    application = services.application_create(
        aid=commune_aid, organisation=commune, user=editor, uploads=[upload], **application_fields()
    )
    [document] = application.documents.all()
    assert document.organisation == commune and document.folder.name == "Demandes de subvention"
