"""Fixtures of the documents tests: a library of Jargeau with a private and a shared folder, and a partner."""

import pytest

from tests.documents.factories import document, folder, pdf_bytes, share
from tests.organisations.factories import OrganisationFactory, membership


@pytest.fixture
def partner(db):
    """An organisation Jargeau shares a folder with, read-only."""
    return OrganisationFactory(kind="agency", name="Agence de l'eau", slug="agence-eau", insee_code="")


@pytest.fixture
def partner_member(partner):
    return membership(partner, role="member").user


@pytest.fixture
def library(commune, member, editor, partner):
    """A private document (two versions) and a document in a folder shared read-only with the partner."""
    from documents import services
    from tests.documents.factories import checked

    private_folder = folder(commune, user=editor, name="Ressources humaines")
    private = document(
        commune, user=member, name="salaires.pdf", content=pdf_bytes("Grille des salaires"), folder=private_folder
    )
    services.document_add_version(
        document=private, checked=checked("salaires.pdf", pdf_bytes("Grille révisée")), user=member
    )
    shared_folder = folder(commune, user=editor, name="Assainissement")
    shared = document(
        commune, user=member, name="station.pdf", content=pdf_bytes("Station d'épuration"), folder=shared_folder
    )
    services.document_add_version(document=shared, checked=checked("station.pdf", pdf_bytes("Station v2")), user=member)
    share(shared_folder, partner, user=editor)
    for item in (private, shared):
        item.refresh_from_db()
    return {"private_folder": private_folder, "private": private, "shared_folder": shared_folder, "shared": shared}
