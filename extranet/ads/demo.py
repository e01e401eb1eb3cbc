"""Demonstration small ads between Loiret authorities, created by `manage.py seed_demo` through the services."""

import io
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from extranet.organisations.models import Organisation

from .models import Ad, AdCategory, AdKind, AdStatus, TrustedOrganisation
from .photos import NewPhoto, photo_clean
from .services import ad_approve, ad_create, ad_expire_due, ad_mark_done

TRUSTED = (("jargeau", "Commune pilote des petites annonces, qui publie du matériel en bon état depuis 2024."),)
MODERATOR = "claire.bernard@loiret.test"
PENDING, DONE, EXPIRED = "pending", "done", "expired"

# (author, organisation slug, kind, category, title, description, price, location, photo (colour, alt text), outcome)
ADS = (
    (
        "pierre.guerin@jargeau.test",
        "jargeau",
        AdKind.LOAN,
        AdCategory.EQUIPMENT,
        "Prêt d'une nacelle élévatrice",
        "Nacelle élévatrice articulée de 12 mètres, révisée en mars. Prêt à la journée ou à la semaine aux "
        "communes voisines ; un agent formé doit la conduire (CACES R486). Enlèvement aux services techniques.",
        None,
        "Services techniques de Jargeau",
        ((230, 120, 20), "Nacelle élévatrice orange, bras replié"),
        None,
    ),
    (
        "paul.martin@saint-denis-de-l-hotel.test",
        "saint-denis-de-l-hotel",
        AdKind.GIFT,
        AdCategory.FURNITURE,
        "Don de 40 chaises de salle des fêtes",
        "La salle des fêtes a été rééquipée : nous donnons 40 chaises empilables en bois et métal, en bon état. "
        "À retirer sur place, idéalement en une seule fois avec un utilitaire.",
        None,
        "",
        ((120, 80, 50), "Pile de chaises en bois à pieds métalliques"),
        None,
    ),
    (
        "antoine.fournier@orleans.test",
        "orleans",
        AdKind.SALE,
        AdCategory.VEHICLES,
        "Vente d'un minibus 9 places",
        "Minibus diesel de 2016, 98 000 km, contrôle technique à jour, utilisé pour le transport des écoles. "
        "Vente par délibération du conseil municipal ; visite possible sur rendez-vous.",
        Decimal("8500.00"),
        "Centre technique municipal d'Orléans",
        ((250, 250, 250), "Minibus blanc vu de trois quarts"),
        None,
    ),
    (
        "nicolas.dupuis@olivet.test",
        "olivet",
        AdKind.GIFT,
        AdCategory.COMPUTING,
        "Don de 12 écrans d'ordinateur 22 pouces",
        "Écrans 22 pouces (1920 × 1080, entrées HDMI et VGA) remplacés lors du renouvellement du parc. "
        "Fonctionnent tous ; câbles d'alimentation fournis.",
        None,
        "",
        ((30, 30, 40), "Écrans d'ordinateur noirs alignés sur une table"),
        None,
    ),
    (
        "stephane.masson@saran.test",
        "saran",
        AdKind.LOAN,
        AdCategory.EQUIPMENT,
        "Prêt d'une balayeuse de voirie compacte",
        "Balayeuse compacte disponible les semaines impaires, avec chauffeur de la commune de Saran. "
        "Idéale pour le nettoyage après un marché ou une manifestation.",
        None,
        "Zone d'activités de Saran",
        None,
        None,
    ),
    (
        "martine.gauthier@darvoy.test",
        "darvoy",
        AdKind.WANTED,
        AdCategory.EVENTS,
        "Recherche de 30 barrières de police pour la fête du village",
        "Pour la fête du village du dernier week-end de juin, nous cherchons une trentaine de barrières de police "
        "à emprunter du vendredi au lundi. Nous pouvons venir les chercher.",
        None,
        "",
        None,
        PENDING,
    ),
    (
        "eric.morel@sandillon.test",
        "sandillon",
        AdKind.SALE,
        AdCategory.GREEN_SPACES,
        "Vente d'une tondeuse autoportée",
        "Tondeuse autoportée à éjection latérale, coupe de 107 cm, 640 heures, entretien annuel en atelier agréé.",
        Decimal("1200.00"),
        "",
        ((40, 140, 60), "Tondeuse autoportée verte sur une pelouse"),
        DONE,
    ),
    (
        "jerome.lemaire@chateauneuf-sur-loire.test",
        "chateauneuf-sur-loire",
        AdKind.LOAN,
        AdCategory.EVENTS,
        "Prêt d'un podium démontable de 40 m²",
        "Podium modulaire de 8 × 5 mètres avec escalier et garde-corps, prêté avec deux agents pour le montage.",
        None,
        "",
        ((90, 90, 110), "Podium démontable gris avec escalier"),
        EXPIRED,
    ),
    (
        "guillaume.roussel@montargis.test",
        "montargis",
        AdKind.SERVICE,
        AdCategory.COMPUTING,
        "Accompagnement au passage aux logiciels libres",
        "Le service informatique de Montargis partage son expérience : une demi-journée d'échange pour préparer "
        "la migration d'une mairie vers une suite bureautique libre, sans frais.",
        None,
        "",
        None,
        None,
    ),
    (
        "olivier.chevalier@saint-jean-de-braye.test",
        "saint-jean-de-braye",
        AdKind.LOAN,
        AdCategory.EVENTS,
        "Prêt de 20 grilles d'exposition",
        "Grilles d'exposition caddie de 2 × 1 mètre avec pieds, pour salons et expositions. Prêt gratuit entre "
        "collectivités, retour nettoyé.",
        None,
        "Médiathèque de Saint-Jean-de-Braye",
        ((180, 180, 180), "Grilles d'exposition métalliques grises dépliées"),
        None,
    ),
)


def _demo_photo(colour, alt_text) -> NewPhoto:
    """A small drawn picture, put through the same checks and re-encoding as an upload."""
    image = Image.new("RGB", (800, 600), (225, 235, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 450, 800, 600), fill=(170, 190, 150))
    draw.rounded_rectangle((220, 220, 580, 470), radius=30, fill=colour, outline=(40, 40, 40), width=6)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    upload = SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")
    return NewPhoto(photo=photo_clean(upload), alt_text=alt_text)


def seed(*, stdout) -> None:
    """Trust Jargeau, then post the demo ads that are missing, moderated by the département's editor."""
    for slug, note in TRUSTED:
        organisation = Organisation.objects.get(slug=slug)
        TrustedOrganisation.objects.get_or_create(organisation=organisation, defaults={"note": note})
    User = get_user_model()
    moderator = User.objects.get(email=MODERATOR)
    created = present = 0
    for author_email, slug, kind, category, title, description, price, location, photo, outcome in ADS:
        organisation = Organisation.objects.get(slug=slug)
        if Ad.objects.filter(organisation=organisation, title=title).exists():
            present += 1
            continue
        ad = ad_create(
            author=User.objects.get(email=author_email),
            organisation=organisation,
            kind=kind,
            title=title,
            description=description,
            category=category,
            price=price,
            location=location,
            photos=[_demo_photo(*photo)] if photo else [],
        )
        _settle(ad, outcome=outcome, moderator=moderator)
        created += 1
    stdout.write(f"Petites annonces : {created} créées, {present} déjà présentes.")


def _settle(ad, *, outcome, moderator) -> None:
    if outcome == PENDING:
        return
    if ad.status == AdStatus.PENDING:
        ad_approve(ad=ad, moderator=moderator)
    if outcome == DONE:
        ad_mark_done(ad=ad)
    elif outcome == EXPIRED:
        # Pretend the ad was published long ago, then let the expiry service mark it.
        past = timezone.now() - timedelta(days=90)
        Ad.objects.filter(pk=ad.pk).update(published_at=past, expires_at=past + timedelta(days=60))
        ad_expire_due()
