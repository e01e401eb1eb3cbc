"""Demonstration organisations of the Loiret and their members, created by `manage.py seed_demo`."""

import zlib
from collections import Counter

from django.contrib.auth import get_user_model

from extranet.accounts.services import user_create

from .models import Membership, Organisation, OrganisationKind, Role
from .services import membership_set, organisation_create
from .validators import luhn_is_valid, validate_siren, validate_siret

# Every demo account shares this published password; seed_demo refuses to run outside DEBUG without --force.
PASSWORD = "territoires-demo"  # noqa: S105 # nosec B105 # the documented demo password
A, E, M = Role.ADMIN, Role.EDITOR, Role.MEMBER

# (slug, name, SIREN, description)
DEPARTEMENT = (
    "loiret",
    "Département du Loiret",
    "224500017",
    "Collectivité départementale dont le chef-lieu est Orléans. Le Département agit pour les solidarités, "
    "les collèges, les routes départementales et l'appui aux communes du Loiret.",
)

# (slug, name, SIREN, description); each EPCI belongs to the département.
EPCIS = (
    (
        "orleans-metropole",
        "Orléans Métropole",
        "244500468",
        "Métropole de 22 communes autour d'Orléans, compétente notamment pour les transports, l'eau, "
        "l'assainissement, la voirie et le développement économique.",
    ),
    (
        "cc-des-loges",
        "Communauté de communes des Loges",
        "244500203",
        "Communauté de communes à l'est d'Orléans, sur les deux rives de la Loire, dont le siège est à Jargeau.",
    ),
    (
        "agglomeration-montargoise",
        "Agglomération Montargoise et rives du Loing",
        "244500427",
        "Communauté d'agglomération de l'est du Loiret, organisée autour de Montargis dans la vallée du Loing.",
    ),
)

# (slug, name, INSEE code, EPCI slug, description); the SIREN is derived from the INSEE code.
COMMUNES = (
    (
        "orleans",
        "Orléans",
        "45234",
        "orleans-metropole",
        "Préfecture du Loiret et capitale de la région Centre-Val de Loire, sur la Loire ; "
        "ville de Jeanne d'Arc, qui en leva le siège en 1429.",
    ),
    ("olivet", "Olivet", "45232", "orleans-metropole", "Commune au sud d'Orléans, traversée par le Loiret."),
    (
        "fleury-les-aubrais",
        "Fleury-les-Aubrais",
        "45147",
        "orleans-metropole",
        "Commune limitrophe du nord d'Orléans, desservie par la gare des Aubrais.",
    ),
    (
        "saint-jean-de-braye",
        "Saint-Jean-de-Braye",
        "45284",
        "orleans-metropole",
        "Commune à l'est d'Orléans, sur la rive droite de la Loire.",
    ),
    (
        "saint-jean-de-la-ruelle",
        "Saint-Jean-de-la-Ruelle",
        "45285",
        "orleans-metropole",
        "Commune limitrophe de l'ouest d'Orléans, sur la rive droite de la Loire.",
    ),
    (
        "saran",
        "Saran",
        "45302",
        "orleans-metropole",
        "Commune au nord-ouest d'Orléans, qui accueille d'importantes zones d'activité et de logistique.",
    ),
    (
        "saint-jean-le-blanc",
        "Saint-Jean-le-Blanc",
        "45286",
        "orleans-metropole",
        "Commune de la rive gauche de la Loire, en face d'Orléans.",
    ),
    (
        "jargeau",
        "Jargeau",
        "45173",
        "cc-des-loges",
        "Commune des bords de Loire où Jeanne d'Arc remporta une bataille en juin 1429.",
    ),
    (
        "saint-denis-de-l-hotel",
        "Saint-Denis-de-l'Hôtel",
        "45273",
        "cc-des-loges",
        "Commune de la rive droite de la Loire, reliée à Jargeau par un pont.",
    ),
    (
        "chateauneuf-sur-loire",
        "Châteauneuf-sur-Loire",
        "45082",
        "cc-des-loges",
        "Commune de la rive droite de la Loire, connue pour le parc de son château et son musée de la Marine de Loire.",
    ),
    ("darvoy", "Darvoy", "45122", "cc-des-loges", "Commune rurale de la rive gauche de la Loire, près de Jargeau."),
    (
        "sandillon",
        "Sandillon",
        "45300",
        "cc-des-loges",
        "Commune de la rive gauche de la Loire, à l'est d'Orléans, aux portes de la Sologne.",
    ),
    (
        "montargis",
        "Montargis",
        "45208",
        "agglomeration-montargoise",
        "Sous-préfecture du Loiret, surnommée la « Venise du Gâtinais » pour ses canaux et ses ponts.",
    ),
    (
        "amilly",
        "Amilly",
        "45004",
        "agglomeration-montargoise",
        "Commune voisine de Montargis, sur le Loing, où se trouve le centre d'art contemporain Les Tanneries.",
    ),
    (
        "chalette-sur-loing",
        "Châlette-sur-Loing",
        "45068",
        "agglomeration-montargoise",
        "Commune limitrophe du nord de Montargis, sur le Loing, de longue tradition industrielle.",
    ),
)

# (slug, kind, name, first 8 digits of the SIREN, description).
# Partner SIRENs are demo values, not the bodies' real numbers: a Luhn check digit is appended to the prefix.
PARTNERS = (
    (
        "cdg45",
        OrganisationKind.AGENCY,
        "Centre de gestion de la fonction publique territoriale du Loiret",
        "28450001",
        "Établissement public qui accompagne les collectivités du Loiret dans la gestion de leurs agents : "
        "concours, carrières, santé au travail et conseil statutaire.",
    ),
    (
        "loiret-numerique",
        OrganisationKind.SYNDICAT,
        "Loiret Numérique",
        "25450001",
        "Syndicat mixte qui aide les collectivités du Loiret à mutualiser leurs outils numériques "
        "et à former leurs agents.",
    ),
    (
        "sdis45",
        OrganisationKind.AGENCY,
        "Service départemental d'incendie et de secours du Loiret",
        "28450002",
        "Établissement public chargé de la prévention et de la lutte contre les incendies "
        "ainsi que des secours aux personnes dans le Loiret.",
    ),
)

SUPERUSER = ("admin@territoires.test", "Jean", "Durand", "Administrateur de la plateforme")

# (e-mail, first name, last name, job title, ((organisation slug, role), ...)); the named accounts come first.
USERS = (
    ("marie.dupont@jargeau.test", "Marie", "Dupont", "Directrice générale des services", (("jargeau", A),)),
    ("paul.martin@saint-denis-de-l-hotel.test", "Paul", "Martin", "Agent d'accueil", (("saint-denis-de-l-hotel", M),)),
    ("claire.bernard@loiret.test", "Claire", "Bernard", "Chargée de communication", (("loiret", E),)),
    ("luc.petit@loiret.test", "Luc", "Petit", "Formateur numérique", (("loiret", M),)),
    ("isabelle.moreau@loiret.test", "Isabelle", "Moreau", "Directrice de la communication", (("loiret", A),)),
    (
        "julien.garnier@loiret.test",
        "Julien",
        "Garnier",
        "Chargé de mission numérique",
        (("loiret", E), ("loiret-numerique", M)),
    ),
    (
        "nathalie.rousseau@orleans-metropole.test",
        "Nathalie",
        "Rousseau",
        "Directrice des systèmes d'information",
        (("orleans-metropole", A),),
    ),
    (
        "thomas.lefevre@orleans-metropole.test",
        "Thomas",
        "Lefèvre",
        "Chargé de communication",
        (("orleans-metropole", E),),
    ),
    (
        "sophie.lambert@orleans-metropole.test",
        "Sophie",
        "Lambert",
        "Gestionnaire des marchés publics",
        (("orleans-metropole", M),),
    ),
    ("francois.girard@orleans.test", "François", "Girard", "Directeur général des services", (("orleans", A),)),
    ("camille.roux@orleans.test", "Camille", "Roux", "Chargée de communication", (("orleans", E),)),
    ("antoine.fournier@orleans.test", "Antoine", "Fournier", "Responsable de l'état civil", (("orleans", M),)),
    ("helene.bonnet@olivet.test", "Hélène", "Bonnet", "Directrice générale des services", (("olivet", A),)),
    ("nicolas.dupuis@olivet.test", "Nicolas", "Dupuis", "Agent d'accueil", (("olivet", M),)),
    (
        "sandrine.fontaine@fleury-les-aubrais.test",
        "Sandrine",
        "Fontaine",
        "Secrétaire générale",
        (("fleury-les-aubrais", A),),
    ),
    (
        "olivier.chevalier@saint-jean-de-braye.test",
        "Olivier",
        "Chevalier",
        "Directeur général des services",
        (("saint-jean-de-braye", A), ("orleans-metropole", M)),
    ),
    (
        "valerie.robin@saint-jean-de-la-ruelle.test",
        "Valérie",
        "Robin",
        "Responsable des ressources humaines",
        (("saint-jean-de-la-ruelle", A),),
    ),
    ("stephane.masson@saran.test", "Stéphane", "Masson", "Directeur des services techniques", (("saran", A),)),
    ("aurelie.henry@saran.test", "Aurélie", "Henry", "Chargée d'urbanisme", (("saran", M),)),
    (
        "christophe.faure@saint-jean-le-blanc.test",
        "Christophe",
        "Faure",
        "Directeur général des services",
        (("saint-jean-le-blanc", A),),
    ),
    (
        "sylvie.andre@cc-des-loges.test",
        "Sylvie",
        "André",
        "Directrice générale des services",
        (("cc-des-loges", A),),
    ),
    (
        "mathieu.mercier@cc-des-loges.test",
        "Mathieu",
        "Mercier",
        "Chargé de mission développement économique",
        (("cc-des-loges", E),),
    ),
    (
        "laurence.blanc@jargeau.test",
        "Laurence",
        "Blanc",
        "Secrétaire de mairie",
        (("jargeau", E), ("cc-des-loges", M)),
    ),
    ("pierre.guerin@jargeau.test", "Pierre", "Guérin", "Agent des services techniques", (("jargeau", M),)),
    (
        "emilie.boyer@saint-denis-de-l-hotel.test",
        "Émilie",
        "Boyer",
        "Secrétaire générale de mairie",
        (("saint-denis-de-l-hotel", A), ("cc-des-loges", M)),
    ),
    (
        "jerome.lemaire@chateauneuf-sur-loire.test",
        "Jérôme",
        "Lemaire",
        "Directeur général des services",
        (("chateauneuf-sur-loire", A),),
    ),
    (
        "caroline.perrin@chateauneuf-sur-loire.test",
        "Caroline",
        "Perrin",
        "Chargée de communication",
        (("chateauneuf-sur-loire", E),),
    ),
    (
        "martine.gauthier@darvoy.test",
        "Martine",
        "Gauthier",
        "Secrétaire de mairie",
        (("darvoy", A), ("cc-des-loges", M)),
    ),
    ("eric.morel@sandillon.test", "Éric", "Morel", "Secrétaire général", (("sandillon", A),)),
    (
        "patricia.nicolas@agglomeration-montargoise.test",
        "Patricia",
        "Nicolas",
        "Directrice générale des services",
        (("agglomeration-montargoise", A),),
    ),
    (
        "vincent.clement@agglomeration-montargoise.test",
        "Vincent",
        "Clément",
        "Chargé de mission habitat",
        (("agglomeration-montargoise", M),),
    ),
    ("delphine.fabre@montargis.test", "Delphine", "Fabre", "Directrice générale des services", (("montargis", A),)),
    (
        "guillaume.roussel@montargis.test",
        "Guillaume",
        "Roussel",
        "Responsable informatique",
        (("montargis", E), ("agglomeration-montargoise", M)),
    ),
    ("celine.vincent@amilly.test", "Céline", "Vincent", "Directrice générale des services", (("amilly", A),)),
    (
        "frederic.muller@chalette-sur-loing.test",
        "Frédéric",
        "Muller",
        "Secrétaire général",
        (("chalette-sur-loing", A),),
    ),
    ("anne.lefebvre@cdg45.test", "Anne", "Lefebvre", "Directrice", (("cdg45", A),)),
    ("karine.leroy@cdg45.test", "Karine", "Leroy", "Conseillère en ressources humaines", (("cdg45", E),)),
    ("sebastien.david@loiret-numerique.test", "Sébastien", "David", "Directeur", (("loiret-numerique", A),)),
    (
        "elodie.bertrand@loiret-numerique.test",
        "Élodie",
        "Bertrand",
        "Cheffe de projet numérique",
        (("loiret-numerique", E),),
    ),
    ("laurent.morin@sdis45.test", "Laurent", "Morin", "Chef du service communication", (("sdis45", A),)),
    ("beatrice.picard@sdis45.test", "Béatrice", "Picard", "Assistante de direction", (("sdis45", M),)),
)


# (counter key, label, created, already present) of the summary, in French like the command's messages.
SUMMARY = (
    ("organisations", "Organisations", "créées", "déjà présentes"),
    ("users", "Comptes", "créés", "déjà présents"),
    ("memberships", "Adhésions", "créées", "déjà présentes"),
)


def with_check_digit(digits: str) -> str:
    """Append the digit that makes the number pass the Luhn checksum."""
    return next(digits + str(d) for d in range(10) if luhn_is_valid(digits + str(d)))


def commune_siren(insee_code: str) -> str:
    """Return a commune's SIREN: "21", the 2-digit département, "0", the 3-digit commune number, a check digit."""
    siren = with_check_digit(f"21{insee_code[:2]}0{insee_code[2:]}")
    validate_siren(siren)
    return siren


def demo_phone(email: str) -> str:
    """Return a stable Loiret landline number ("02 38 …") derived from the e-mail address."""
    n = zlib.crc32(email.encode()) % 1_000_000
    return f"02 38 {n // 10_000:02d} {n // 100 % 100:02d} {n % 100:02d}"


def organisation_rows():
    """Yield the fields of every demo organisation, parents before their children."""
    slug, name, siren, description = DEPARTEMENT
    siret = with_check_digit(siren + "0001")
    validate_siret(siret)
    yield dict(
        kind=OrganisationKind.DEPARTEMENT, slug=slug, name=name, siren=siren, siret=siret, description=description
    )
    for slug, name, siren, description in EPCIS:
        yield dict(
            kind=OrganisationKind.EPCI,
            slug=slug,
            name=name,
            siren=siren,
            siret=with_check_digit(siren + "0001"),
            parent=DEPARTEMENT[0],
            description=description,
        )
    for slug, name, insee_code, epci, description in COMMUNES:
        siren = commune_siren(insee_code)
        yield dict(
            kind=OrganisationKind.COMMUNE,
            slug=slug,
            name=name,
            siren=siren,
            siret=with_check_digit(siren + "0001"),
            insee_code=insee_code,
            parent=epci,
            description=description,
        )
    for slug, kind, name, siren_prefix, description in PARTNERS:
        yield dict(kind=kind, slug=slug, name=name, siren=with_check_digit(siren_prefix), description=description)


def seed(*, stdout) -> Counter:
    """Create the missing demo organisations, accounts and memberships; print and return the counts."""
    counts = Counter()
    organisations = {}
    for fields in organisation_rows():
        organisations[fields["slug"]] = _organisation_get_or_create(fields, organisations, counts)
    _user_get_or_create(*SUPERUSER, counts, superuser=True)
    for email, first_name, last_name, job_title, roles in USERS:
        user = _user_get_or_create(email, first_name, last_name, job_title, counts)
        for slug, role in roles:
            _membership_get_or_create(organisations[slug], user, role, counts)
    for key, label, created, present in SUMMARY:
        stdout.write(f"{label} : {counts[key, True]} {created}, {counts[key, False]} {present}.")
    return counts


def _organisation_get_or_create(fields, organisations, counts):
    """Return the organisation with this slug, creating it (and its groups and space) when missing."""
    organisation = Organisation.objects.filter(slug=fields["slug"]).first()
    counts["organisations", organisation is None] += 1
    if organisation is None:
        parent = fields.pop("parent", None)
        organisation = organisation_create(**fields, parent=organisations[parent] if parent else None)
    return organisation


def _user_get_or_create(email, first_name, last_name, job_title, counts, *, superuser=False):
    """Return the account with this e-mail address, creating it when missing."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    counts["users", user is None] += 1
    if user is None:
        fields = dict(
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            phone=demo_phone(email),
            preferred_language="fr",
        )
        if superuser:
            user = User.objects.create_superuser(email, PASSWORD, **fields)
        else:
            user = user_create(email=email, password=PASSWORD, **fields)
    return user


def _membership_get_or_create(organisation, user, role, counts):
    """Give the user this role when not yet a member; an existing membership is left as it is."""
    exists = Membership.objects.filter(organisation=organisation, user=user).exists()
    counts["memberships", not exists] += 1
    if not exists:
        membership_set(organisation=organisation, user=user, role=role)
