"""Demonstration notices of the Loiret, created by `manage.py seed_demo` after the organisations."""

from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from extranet.core.demo_files import minimal_pdf
from extranet.organisations.models import Organisation, OrganisationKind

from .pages import NoticeKind, NoticePage
from .services import (
    notice_create,
    notice_section_provision,
    notice_section_set_approval,
    notice_submit_for_moderation,
)

OFFICIAL, PRESS, INFO = NoticeKind.OFFICIAL_NOTICE, NoticeKind.PRESS_RELEASE, NoticeKind.INFORMATION

# The notice of the Département that carries the demo PDF: (document title, file name, PDF title, PDF lines).
ENQUIRY_ORDER = (
    "Arrêté d'ouverture de l'enquête publique sur la RD 960",
    "arrete-enquete-publique-rd960.pdf",
    "Arrêté portant ouverture d'une enquête publique",
    (
        "Le Président du Conseil départemental du Loiret,",
        "Vu le code de la voirie routière et le code de l'environnement,",
        "Arrête :",
        "Article 1er - Il est procédé à une enquête publique préalable à l'aménagement",
        "de la route départementale 960 entre Jargeau et Châteauneuf-sur-Loire.",
        "Article 2 - Le dossier est consultable en mairie de Jargeau et au siège du Département.",
        "Article 3 - Le public peut consigner ses observations sur le registre d'enquête.",
    ),
)

# (organisation slug, author e-mail, slug, kind, title, summary, paragraphs, days since publication,
#  days until expiry (negative: expired; None: no expiry), attach the enquiry order)
NOTICES = (
    (
        "loiret",
        "claire.bernard@loiret.test",
        "enquete-publique-rd960",
        OFFICIAL,
        "Avis d'enquête publique : aménagement de la RD 960 entre Jargeau et Châteauneuf-sur-Loire",
        "Le Département soumet à enquête publique le projet de recalibrage de la route départementale 960 "
        "et de création d'une piste cyclable le long de la Loire.",
        (
            "Le dossier d'enquête est consultable pendant trente et un jours en mairie de Jargeau et à l'Hôtel "
            "du Département, aux heures d'ouverture habituelles.",
            "Le commissaire enquêteur recevra le public lors de trois permanences en mairie de Jargeau.",
        ),
        6,
        40,
        True,
    ),
    (
        "loiret",
        "claire.bernard@loiret.test",
        "plan-colleges-2030",
        PRESS,
        "Le Département présente son plan de rénovation des collèges à l'horizon 2030",
        "Cinq collèges du Loiret seront rénovés d'ici 2030 pour améliorer leur performance énergétique "
        "et l'accueil des élèves.",
        (
            "Le plan prévoit l'isolation des bâtiments, le remplacement des chaufferies au fioul et "
            "la rénovation des espaces de restauration.",
        ),
        12,
        None,
        False,
    ),
    (
        "loiret",
        "claire.bernard@loiret.test",
        "fermeture-services-pont-de-l-ascension",
        INFO,
        "Fermeture des services départementaux le vendredi du pont de l'Ascension",
        "Les sites d'accueil du Département seront fermés au public ; les demandes urgentes restent traitées.",
        ("Les démarches en ligne restent accessibles et seront traitées dès la réouverture des services.",),
        200,
        -190,
        False,
    ),
    (
        "loiret-numerique",
        "elodie.bertrand@loiret-numerique.test",
        "maintenance-messagerie-mutualisee",
        INFO,
        "Maintenance de la messagerie mutualisée des collectivités adhérentes",
        "La messagerie mutualisée sera indisponible pendant quatre heures pour une mise à jour de sécurité.",
        ("L'intervention aura lieu un samedi matin afin de limiter la gêne pour les services.",),
        3,
        14,
        False,
    ),
    (
        "loiret-numerique",
        "elodie.bertrand@loiret-numerique.test",
        "formations-cybersecurite",
        PRESS,
        "Loiret Numérique ouvre un cycle de formations à la cybersécurité pour les agents",
        "Six sessions d'une demi-journée sont proposées aux agents des collectivités adhérentes, "
        "de la sensibilisation aux bons réflexes en cas d'incident.",
        ("Les inscriptions se font auprès de Loiret Numérique ; les sessions ont lieu à Orléans et à Montargis.",),
        20,
        None,
        False,
    ),
    (
        "sdis45",
        "laurent.morin@sdis45.test",
        "rappel-interdiction-brulage",
        OFFICIAL,
        "Rappel : le brûlage des déchets verts est interdit toute l'année",
        "Le SDIS du Loiret rappelle que le brûlage à l'air libre des déchets verts est interdit "
        "et constitue une cause fréquente de départs de feu.",
        ("Les déchets verts peuvent être déposés en déchetterie ou valorisés par compostage.",),
        35,
        None,
        False,
    ),
    (
        "sdis45",
        "laurent.morin@sdis45.test",
        "vigilance-canicule",
        INFO,
        "Vigilance canicule : les conseils des sapeurs-pompiers du Loiret",
        "Pendant l'épisode de forte chaleur, le SDIS rappelle les gestes qui protègent les personnes fragiles.",
        ("Buvez régulièrement, fermez les volets en journée et prenez des nouvelles de vos proches isolés.",),
        150,
        -140,
        False,
    ),
    (
        "sdis45",
        "laurent.morin@sdis45.test",
        "journee-sapeurs-pompiers",
        PRESS,
        "Journée nationale des sapeurs-pompiers : portes ouvertes dans les centres du Loiret",
        "Les centres d'incendie et de secours ouvrent leurs portes au public pour présenter leurs missions "
        "et le volontariat.",
        ("Démonstrations de secours routier et ateliers de gestes qui sauvent seront proposés toute la journée.",),
        9,
        None,
        False,
    ),
    (
        "orleans-metropole",
        "thomas.lefevre@orleans-metropole.test",
        "modification-plum",
        OFFICIAL,
        "Modification du plan local d'urbanisme métropolitain : mise à disposition du public",
        "Le dossier de modification simplifiée du PLUM est mis à la disposition du public "
        "dans les mairies des communes de la métropole.",
        ("Chacun peut formuler ses observations sur le registre ouvert à cet effet ou par courrier.",),
        15,
        30,
        False,
    ),
    (
        "jargeau",
        "laurence.blanc@jargeau.test",
        "coupure-eau-rue-gambetta",
        INFO,
        "Coupure d'eau rue Gambetta pour le renouvellement des canalisations",
        "L'alimentation en eau sera interrompue de 8 h à 17 h pendant les travaux de renouvellement du réseau.",
        ("Les riverains concernés ont été prévenus par courrier ; un point d'eau sera installé place du Martroi.",),
        2,
        10,
        False,
    ),
    (
        "olivet",
        "helene.bonnet@olivet.test",
        "rapport-eau-potable",
        OFFICIAL,
        "Avis de mise à disposition du rapport annuel sur le prix et la qualité du service de l'eau",
        "Le rapport annuel sur le prix et la qualité du service public de l'eau potable est consultable en mairie.",
        ("Le rapport présente les tarifs, les volumes distribués et les résultats du contrôle sanitaire.",),
        25,
        None,
        False,
    ),
    (
        "chateauneuf-sur-loire",
        "caroline.perrin@chateauneuf-sur-loire.test",
        "festival-de-loire",
        PRESS,
        "Châteauneuf-sur-Loire accueille les bateaux traditionnels de Loire",
        "Les bateaux traditionnels de Loire feront escale au port de Châteauneuf-sur-Loire, "
        "en lien avec le musée de la Marine de Loire.",
        ("Des visites commentées des bateaux et du musée seront proposées gratuitement.",),
        18,
        None,
        False,
    ),
)

# The notice of Jargeau left waiting for the département's approval.
PENDING = (
    "jargeau",
    "laurence.blanc@jargeau.test",
    "fete-de-la-saint-martin",
    INFO,
    "Fête de la Saint-Martin : fermeture de la place du Martroi à la circulation",
    "La place du Martroi sera fermée à la circulation et au stationnement pendant la fête de la Saint-Martin.",
    ("Une déviation sera mise en place par le boulevard Carnot ; le marché est déplacé sur le mail.",),
    0,
    21,
    False,
)


def seed(*, stdout) -> Counter:
    """Create the missing demo notices, require approval for the communes and leave one notice of Jargeau in
    moderation; print and return the counts."""
    counts = Counter()
    # Published before approval is required, as if the département had approved them.
    for row in NOTICES:
        _notice_get_or_create(row, counts, publish=True)
    for commune in Organisation.objects.filter(kind=OrganisationKind.COMMUNE):
        notice_section_set_approval(section=notice_section_provision(organisation=commune), required=True)
    _notice_get_or_create(PENDING, counts, publish=False)
    stdout.write(f"Communiqués et avis : {counts['created']} créés, {counts['present']} déjà présents.")
    return counts


def _notice_get_or_create(row, counts, *, publish):
    slug, author_email, notice_slug, kind, title, summary, paragraphs, age, validity, with_order = row
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        return
    section = notice_section_provision(organisation=organisation)
    exists = NoticePage.objects.child_of(section).filter(slug=notice_slug).exists()
    counts["present" if exists else "created"] += 1
    if exists:
        return
    author = get_user_model().objects.filter(email=author_email).first()
    today = timezone.localdate()
    notice = notice_create(
        section=section,
        user=author,
        slug=notice_slug,
        kind=kind,
        title=title,
        summary=summary,
        body=[("paragraph", RichText(f"<p>{paragraph}</p>")) for paragraph in paragraphs],
        publication_date=today - timedelta(days=age),
        expiry_date=today + timedelta(days=validity) if validity is not None else None,
        attachments=[(_enquiry_order(uploaded_by=author), "Arrêté d'ouverture de l'enquête (PDF)")]
        if with_order
        else [],
        publish=publish,
    )
    if not publish:
        # Demo addresses are fictitious: the moderators' notification e-mails are not sent.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            notice_submit_for_moderation(notice=notice, user=author)


def _enquiry_order(*, uploaded_by):
    """The Wagtail document of the demo order, generated as a small PDF the first time."""
    title, filename, pdf_title, lines = ENQUIRY_ORDER
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, uploaded_by_user=uploaded_by)
        document.file.save(filename, ContentFile(minimal_pdf([pdf_title, "", *lines])), save=False)
        document._set_document_file_metadata()
        document.save()
    return document
