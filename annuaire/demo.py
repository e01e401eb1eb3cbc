"""Demonstration directory: contact details, org charts of the Département and Orléans Métropole, cards.

Run by `manage.py seed_demo` after the organisations' seeder; creates nothing twice.
"""

from extranet.organisations.models import Membership, Organisation

from .models import OrganisationProfile, PersonCard, Service
from .services import organisation_profile_update, person_card_ensure, person_card_update, service_create

PROFILES = {
    "loiret": dict(
        address="45945 Orléans Cedex 9\n15 rue Eugène-Vignat",
        postal_code="45000",
        city="Orléans",
        phone="02 38 25 45 45",
        email="contact@loiret.test",
        website="https://www.loiret.test",
        opening_hours="Du lundi au vendredi, 8 h 30 – 17 h 30",
        population=690_000,
        head_name="Marc Gaudet",
        head_title="Président du Conseil départemental",
        internal_phone="02 38 25 40 00",
        internal_email="standard-interne@loiret.test",
    ),
    "orleans-metropole": dict(
        address="5 place du 6 Juin 1944",
        postal_code="45000",
        city="Orléans",
        phone="02 38 79 22 22",
        email="contact@orleans-metropole.test",
        opening_hours="Du lundi au vendredi, 8 h 30 – 17 h",
        population=290_000,
        head_name="Serge Grouard",
        head_title="Président",
        internal_phone="02 38 79 20 00",
    ),
    "jargeau": dict(
        address="Place du Martroi",
        postal_code="45150",
        city="Jargeau",
        phone="02 38 59 70 07",
        email="mairie@jargeau.test",
        opening_hours="Lundi au vendredi 9 h – 12 h, mercredi 14 h – 17 h",
        population=4_700,
        head_name="Jean-Marc Gibey",
        head_title="Maire",
        widest_person_visibility="members",
    ),
}
# Organisation slug → nested (name, children) services.
SERVICES = {
    "loiret": (
        (
            "Direction générale des services",
            (
                ("Direction de la communication", (("Pôle éditorial", ()), ("Pôle numérique", ()))),
                ("Direction des routes", (("Agence territoriale Est", ()), ("Agence territoriale Ouest", ()))),
            ),
        ),
        ("Direction des solidarités", (("Service de l'autonomie", ()),)),
    ),
    "orleans-metropole": (
        (
            "Direction générale",
            (
                ("Direction des systèmes d'information", (("Infrastructures", ()), ("Applications", ()))),
                ("Commande publique", ()),
                ("Communication", ()),
            ),
        ),
    ),
}
# E-mail → (service name or "", office phone, card visibility).
CARDS = {
    "isabelle.moreau@loiret.test": ("Direction de la communication", "02 38 25 41 10", "public"),
    "claire.bernard@loiret.test": ("Pôle éditorial", "02 38 25 41 12", "public"),
    "julien.garnier@loiret.test": ("Pôle numérique", "02 38 25 41 20", "members"),
    "luc.petit@loiret.test": ("Pôle numérique", "", "organisation"),
    "nathalie.rousseau@orleans-metropole.test": ("Direction des systèmes d'information", "02 38 79 21 00", "public"),
    "thomas.lefevre@orleans-metropole.test": ("Communication", "02 38 79 21 40", "members"),
    "sophie.lambert@orleans-metropole.test": ("Commande publique", "02 38 79 21 60", "members"),
    "marie.dupont@jargeau.test": ("", "02 38 59 70 01", "members"),
}


def seed(*, stdout):
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    for slug, fields in PROFILES.items():
        if slug in organisations and not OrganisationProfile.objects.filter(organisation=organisations[slug]).exists():
            profile = OrganisationProfile.objects.create(organisation=organisations[slug])
            organisation_profile_update(profile=profile, **fields)
    for slug, tree in SERVICES.items():
        if slug in organisations and not Service.objects.filter(organisation=organisations[slug]).exists():
            _services_create(organisations[slug], tree, parent=None)
    created = 0
    for membership in Membership.objects.select_related("user", "organisation").order_by("user_id", "pk"):
        if PersonCard.objects.filter(user=membership.user).exists():
            continue
        card = person_card_ensure(user=membership.user, organisation=membership.organisation)
        service_name, phone, visibility = CARDS.get(membership.user.email, ("", "", "members"))
        person_card_update(
            card=card,
            service=Service.objects.filter(organisation=membership.organisation, name=service_name).first(),
            phone=phone,
            card_visibility=visibility,
            function_visibility=visibility,
            phone_visibility="members" if visibility == "public" else visibility,
        )
        created += 1
    stdout.write(f"Annuaire : {created} fiches créées.")


def _services_create(organisation, tree, *, parent):
    for name, children in tree:
        service = service_create(organisation=organisation, name=name, parent=parent)
        _services_create(organisation, children, parent=service)
