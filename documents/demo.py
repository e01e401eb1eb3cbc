"""Demonstration libraries, created by `manage.py seed_demo` after the organisations: folders, real small PDF,
ODT and DOCX files with French text, several versions, and shares between organisations."""

import io
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from extranet.core.demo_files import minimal_pdf
from extranet.organisations.models import Organisation

from . import services
from .models import Document
from .uploads import upload_check


def odt_file(paragraphs: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def docx_file(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


BUILDERS = {"pdf": minimal_pdf, "odt": odt_file, "docx": docx_file}

# (organisation, author, folder path, file name, [(version's lines, comment)...], shares, public)
DOCUMENTS = (
    (
        "jargeau",
        "marie.dupont@jargeau.test",
        ("Conseil municipal", "2026"),
        "compte-rendu-conseil-mars.pdf",
        [
            (["Compte rendu du conseil municipal du 12 mars", "Approbation du budget primitif."], ""),
            (
                ["Compte rendu du conseil municipal du 12 mars", "Approbation du budget primitif.", "Corrigé."],
                "Correction après relecture du maire",
            ),
        ],
        {},
        False,
    ),
    (
        "jargeau",
        "marie.dupont@jargeau.test",
        ("Voirie",),
        "note-reprise-chaussee.odt",
        [(["Note sur la reprise de la chaussée rue Gambetta.", "Les travaux de voirie dureront trois semaines."], "")],
        {"loiret": False},
        False,
    ),
    (
        "jargeau",
        "marie.dupont@jargeau.test",
        ("Voirie",),
        "demande-subvention-pont.docx",
        [
            (["Demande de subvention pour la réfection du pont de Jargeau."], ""),
            (["Demande de subvention pour la réfection du pont de Jargeau.", "Devis joint."], "Ajout du devis"),
            (
                ["Demande de subvention pour la réfection du pont de Jargeau.", "Devis actualisé en avril."],
                "Devis actualisé",
            ),
        ],
        {"loiret": True},
        False,
    ),
    (
        "jargeau",
        "marie.dupont@jargeau.test",
        (),
        "reglement-cimetiere.pdf",
        [(["Règlement du cimetière communal", "Horaires d'ouverture : 8 h à 18 h."], "")],
        {},
        True,
    ),
    (
        "loiret",
        "claire.bernard@loiret.test",
        ("Routes départementales",),
        "programme-entretien-routes.odt",
        [(["Programme d'entretien des routes départementales", "RD 960 : renforcement de la chaussée."], "")],
        {"jargeau": False, "saint-denis-de-l-hotel": False},
        False,
    ),
)


def seed(*, stdout) -> Counter:
    """Create the demo documents missing from their libraries; print and return the counts."""
    counts = Counter()
    User = get_user_model()
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    for slug, email, path, name, versions, shares, public in DOCUMENTS:
        organisation, user = organisations.get(slug), User.objects.filter(email__iexact=email).first()
        if organisation is None or user is None:
            continue
        if Document.objects.filter(organisation=organisation, title=name).exists():
            counts["present"] += 1
            continue
        folder = _folder_path(organisation, user, path)
        file_format = name.rpartition(".")[2]
        lines, _comment = versions[0]
        document = services.document_upload(
            organisation=organisation, folder=folder, checked=_checked(name, file_format, lines), user=user
        )
        for lines, comment in versions[1:]:
            services.document_add_version(
                document=document, checked=_checked(name, file_format, lines), user=user, comment=comment
            )
        shared = {organisations[target]: can_write for target, can_write in shares.items() if target in organisations}
        if shared or public:
            services.document_sharing_set(document=document, is_public=public, shares=shared, user=user)
        counts["created"] += 1
    stdout.write(f"Documents : {counts['created']} créés, {counts['present']} déjà présents.")
    return counts


def _checked(name: str, file_format: str, lines: list[str]):
    return upload_check(SimpleUploadedFile(name, BUILDERS[file_format](lines)))


def _folder_path(organisation, user, names):
    parent = None
    for name in names:
        parent = organisation.document_folders.filter(parent=parent, name=name, deleted_at=None).first() or (
            services.folder_create(organisation=organisation, parent=parent, name=name, user=user)
        )
    return parent
