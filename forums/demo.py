"""Demonstration forums for `manage.py seed_demo`: shared forums between the Loiret's authorities, private ones,
and conversations in them. Creates what is missing only."""

from django.contrib.auth import get_user_model
from machina.apps.forum_conversation.models import Post, Topic

from extranet.organisations.models import Organisation

from .models import ForumAudience
from .services import (
    SHARED_CATEGORY_NAME,
    forum_shared_create,
    forum_subscription_set,
    forums_permissions_sync,
    notification_preference_set,
)

# key: (name, description, audience)
SHARED_FORUMS = {
    "urbanisme": ("Urbanisme", "Permis, PLUi, instruction des autorisations d'urbanisme.", {}),
    "marches": ("Marchés publics", "Seuils, procédures, groupements de commandes.", {}),
    "numerique": ("Numérique", "Logiciels, sécurité informatique, dématérialisation.", {}),
    "intercommunalite": (
        "Intercommunalité",
        "Entre EPCI et Département : compétences, transferts, mutualisation.",
        {"open_to_all_organisations": False, "organisation_kinds": ["epci", "departement"]},
    ),
    "faq": (
        "Questions sur la plateforme",
        "Ouvert à tous en lecture : le fonctionnement de Territoires.",
        {"is_public": True},
    ),
}
ORGANISATION_FORUMS = {"jargeau": "jargeau", "loiret": "loiret"}

MARIE, PAUL, CLAIRE = (
    "marie.dupont@jargeau.test",
    "paul.martin@saint-denis-de-l-hotel.test",
    "claire.bernard@loiret.test",
)
AURELIE, SYLVIE, ANTOINE = "aurelie.henry@saran.test", "sylvie.andre@cc-des-loges.test", "antoine.fournier@orleans.test"
ERIC, SEBASTIEN, PIERRE = (
    "eric.morel@sandillon.test",
    "sebastien.david@loiret-numerique.test",
    "pierre.guerin@jargeau.test",
)
LUC, STEPHANE, ISABELLE = "luc.petit@loiret.test", "stephane.masson@saran.test", "isabelle.moreau@loiret.test"

# (forum key, author, subject, first post, [(author, reply), ...])
TOPICS = (
    (
        "urbanisme",
        AURELIE,
        "Délai d'instruction d'un permis de construire en secteur ABF",
        "Bonjour à tous,\n\nPour un permis en périmètre de monument historique, comptez-vous **6 mois** dès le dépôt "
        "ou attendez-vous l'avis de l'ABF pour notifier la majoration ?",
        [
            (MARIE, "Nous notifions la majoration dans le mois qui suit le dépôt, comme le prévoit l'article R423-42."),
            (
                SYLVIE,
                "Même pratique à la CC des Loges. Attention : sans notification dans le mois, "
                "le délai de droit commun s'applique.",
            ),
            (AURELIE, "Merci, c'est très clair. Je mets à jour notre modèle de courrier."),
        ],
    ),
    (
        "urbanisme",
        ERIC,
        "Dématérialisation des autorisations d'urbanisme : retours d'expérience",
        "Nous passons au guichet numérique le mois prochain. Quels pièges avez-vous rencontrés ?",
        [
            (
                STEPHANE,
                "Prévoir du temps pour les pièces trop lourdes : beaucoup d'usagers envoient des scans de 30 Mo.",
            ),
            (MARIE, "Pensez aussi à former l'accueil : une partie des dépôts arrive encore sur papier."),
        ],
    ),
    (
        "urbanisme",
        PAUL,
        "Affichage du permis sur le terrain : qui contrôle ?",
        "Un administré nous demande si la mairie doit vérifier l'affichage du permis. Avez-vous une pratique ?",
        [
            (
                AURELIE,
                "Ce n'est pas une obligation de la commune ; nous conseillons simplement "
                "un constat d'huissier au pétitionnaire.",
            )
        ],
    ),
    (
        "marches",
        ANTOINE,
        "Seuils de procédure formalisée applicables cette année",
        "Pour vérifier nos guides internes : quels seuils appliquez-vous pour les fournitures et services ?",
        [
            (
                CLAIRE,
                "Les seuils européens publiés au JOUE, repris par avis au JORF ; "
                "le guide du Département est à jour sur l'espace privé.",
            ),
            (ERIC, "Nous ajoutons un seuil interne à 40 000 € HT pour la mise en concurrence simplifiée."),
        ],
    ),
    (
        "marches",
        SYLVIE,
        "Groupement de commandes pour le sel de déneigement",
        "La CC des Loges propose un groupement pour l'hiver prochain. Des communes intéressées ?",
        [
            (MARIE, "Jargeau est partante, environ 20 tonnes."),
            (PAUL, "Saint-Denis-de-l'Hôtel aussi, il faut que je confirme les quantités avec les services techniques."),
            (SYLVIE, "Parfait, je vous envoie la convention constitutive avant la fin du mois."),
        ],
    ),
    (
        "marches",
        STEPHANE,
        "Clause d'insertion dans les marchés de travaux",
        "Avez-vous un modèle de clause sociale pour les marchés de voirie ?",
        [(CLAIRE, "Le facilitateur du Département peut vous accompagner gratuitement ; je vous mets en relation.")],
    ),
    (
        "numerique",
        SEBASTIEN,
        "Campagne d'hameçonnage en cours : soyez vigilants",
        "Plusieurs mairies ont reçu un faux courriel de la DGFiP demandant de « mettre à jour » un RIB. "
        "Ne cliquez sur aucun lien et transférez le message à votre référent sécurité.",
        [
            (PIERRE, "Reçu ce matin à Jargeau, merci pour l'alerte."),
            (ANTOINE, "Idem à Orléans, nous avons bloqué le domaine d'envoi."),
        ],
    ),
    (
        "numerique",
        LUC,
        "Formation aux outils collaboratifs : dates du trimestre",
        "Les prochaines sessions de formation aux outils de la plateforme ont lieu les mardis matin à Orléans.",
        [
            (PAUL, "Est-il possible d'avoir une session à distance pour les agents d'accueil ?"),
            (LUC, "Oui, une session en visioconférence est prévue le premier jeudi du mois."),
        ],
    ),
    (
        "numerique",
        ERIC,
        "Sauvegarde des postes de la mairie",
        "Quelle solution utilisez-vous pour sauvegarder les postes de travail d'une petite mairie ?",
        [(SEBASTIEN, "Loiret Numérique propose une sauvegarde mutualisée hébergée en France ; contactez-nous.")],
    ),
    (
        "intercommunalite",
        SYLVIE,
        "Transfert de la compétence eau et assainissement",
        "Où en êtes-vous du transfert ? Nous préparons le rapport de la CLECT.",
        [
            (CLAIRE, "Le Département peut partager les données de son observatoire de l'eau."),
            (SYLVIE, "Avec plaisir, cela nous fera gagner du temps."),
        ],
    ),
    (
        "intercommunalite",
        ISABELLE,
        "Schéma départemental d'amélioration de l'accessibilité des services",
        "Le Département lance la révision du schéma : chaque EPCI est invité à désigner un référent.",
        [(SYLVIE, "Pour la CC des Loges, ce sera notre directrice générale des services.")],
    ),
    (
        "faq",
        LUC,
        "Comment recevoir un résumé quotidien plutôt qu'un e-mail par message ?",
        "Dans les forums, le lien « Notifications » permet de choisir : e-mail immédiat, "
        "résumé quotidien ou aucun e-mail.",
        [(PAUL, "Merci, j'ai choisi le résumé quotidien.")],
    ),
    (
        "faq",
        CLAIRE,
        "Qui peut lire les forums ?",
        "Chaque organisation a ses forums privés ; les forums inter-collectivités sont ouverts aux membres des "
        "organisations concernées. Seul ce forum-ci est lisible par tous.",
        [],
    ),
    (
        "jargeau",
        MARIE,
        "Organisation des permanences de l'été",
        "Merci d'indiquer vos disponibilités pour les permanences de juillet et août avant vendredi.",
        [(PIERRE, "Je peux assurer les deux premières semaines de juillet."), (MARIE, "Noté, merci Pierre.")],
    ),
    (
        "jargeau",
        PIERRE,
        "Réparation de l'éclairage du stade",
        "Le prestataire intervient mardi ; le stade sera fermé l'après-midi.",
        [(MARIE, "Je préviens le club de football.")],
    ),
    (
        "loiret",
        CLAIRE,
        "Calendrier des communiqués de presse",
        "Le calendrier éditorial du trimestre est dans l'espace privé ; merci de le compléter.",
        [(ISABELLE, "Complété pour la partie routes et mobilités.")],
    ),
    (
        "urbanisme",
        STEPHANE,
        "Modification simplifiée du PLUi : consultation du public",
        "Pour une modification simplifiée, mettez-vous le dossier à disposition en mairie ET en ligne ?",
        [
            (SYLVIE, "Oui, les deux, pendant un mois, avec un registre papier et une adresse électronique dédiée."),
            (ERIC, "Nous publions aussi l'avis dans un journal local huit jours avant, par prudence."),
        ],
    ),
    (
        "marches",
        MARIE,
        "Publicité d'un marché de maîtrise d'œuvre pour l'école",
        "Quel support de publicité utilisez-vous pour une maîtrise d'œuvre autour de 60 000 € HT ?",
        [
            (ANTOINE, "Le profil d'acheteur et un journal d'annonces légales suffisent sous les seuils européens."),
            (STEPHANE, "Nous ajoutons le BOAMP pour élargir la concurrence, le surcoût est modeste."),
            (MARIE, "Merci à vous deux, je pars sur profil d'acheteur et BOAMP."),
        ],
    ),
    (
        "numerique",
        PAUL,
        "Mot de passe oublié sur la plateforme",
        "Un collègue n'arrive plus à se connecter : faut-il passer par l'administrateur de la commune ?",
        [
            (
                LUC,
                "Non : le lien « Mot de passe oublié » de la page de connexion envoie un e-mail de réinitialisation.",
            ),
            (PAUL, "Parfait, c'est réglé."),
        ],
    ),
)


def _shared_forums(*, stdout) -> dict:
    existing = {
        audience.forum.name: audience.forum
        for audience in ForumAudience.objects.filter(organisation=None).select_related("forum")
    }
    category = existing.get(SHARED_CATEGORY_NAME) or forum_shared_create(
        name=SHARED_CATEGORY_NAME, category=True, description="Les forums partagés entre collectivités du Loiret."
    )
    forums = {}
    for key, (name, description, audience) in SHARED_FORUMS.items():
        forums[key] = existing.get(name) or forum_shared_create(
            name=name, description=description, parent=category, **audience
        )
    if not category.audience.is_public and any(
        audience.get("is_public") for *_rest, audience in SHARED_FORUMS.values()
    ):
        # The public forum's category must be visible to visitors too, or machina hides its children.
        category.audience.is_public = True
        category.audience.save(update_fields=["is_public"])
        forums_permissions_sync(queryset=ForumAudience.objects.filter(pk=category.audience.pk))
    return forums


def seed(*, stdout) -> None:
    """Create the shared forums, then the demo conversations that are missing."""
    forums = _shared_forums(stdout=stdout)
    for key, slug in ORGANISATION_FORUMS.items():
        forums[key] = ForumAudience.objects.get(
            organisation=Organisation.objects.get(slug=slug), forum__parent__isnull=False
        ).forum
    users = {user.email: user for user in get_user_model().objects.all()}
    created = 0
    for key, author, subject, content, replies in TOPICS:
        forum = forums[key]
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            continue
        topic = Topic.objects.create(
            forum=forum, poster=users[author], subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
        )
        Post.objects.create(topic=topic, poster=users[author], subject=subject, content=content, approved=True)
        for reply_author, reply_content in replies:
            Post.objects.create(
                topic=topic, poster=users[reply_author], subject=f"Re: {subject}", content=reply_content, approved=True
            )
        created += 1 + len(replies)
    forum_subscription_set(user=users[MARIE], forum=forums["urbanisme"], subscribed=True)
    notification_preference_set(user=users[PAUL], frequency="daily")
    stdout.write(f"Forums : {len(forums)} forums, {created} messages créés.")
