"""Demonstration conversations with some history, created by `manage.py seed_demo` after the organisations."""

import hashlib
from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from extranet.organisations.models import Organisation

from . import services
from .models import Conversation, ConversationKind, Message

# (title: empty for a direct conversation, members' e-mails, then (author index, text) in order)
CONVERSATIONS = [
    (
        "",
        ["marie.dupont@jargeau.test", "claire.bernard@loiret.test"],
        [
            (0, "Bonjour Claire, le Département a-t-il reçu notre dossier de subvention pour la salle des fêtes ?"),
            (1, "Bonjour Marie, oui, il est en cours d'instruction. Réponse attendue avant la fin du mois."),
            (0, "Merci ! Je préviens le maire."),
        ],
    ),
    (
        "Réseau des DGS de l'agglomération",
        ["francois.girard@orleans.test", "helene.bonnet@olivet.test", "stephane.masson@saran.test"],
        [
            (0, "Bonjour à tous, je propose une réunion sur le plan neige mardi prochain."),
            (1, "Volontiers. @stephane.masson, tu peux présenter le retour d'expérience de Saran ?"),
            (2, "Oui, j'apporte les chiffres de l'hiver dernier."),
            (0, "Parfait, je réserve la salle."),
        ],
    ),
]
ROOM_MESSAGES = [
    ("jargeau", "marie.dupont@jargeau.test", "Rappel : le conseil municipal a lieu jeudi à 18 h 30."),
    ("jargeau", "pierre.guerin@jargeau.test", "Le véhicule technique sera au garage lundi matin."),
    ("loiret", "isabelle.moreau@loiret.test", "Bienvenue dans le salon du Département."),
]


def _post(conversation, author, body, when, counts):
    message, created = services.message_send(
        conversation=conversation,
        author=author,
        body=body,
        key="demo-" + hashlib.sha256(body.encode()).hexdigest()[:40],
    )
    if created:
        Message.objects.filter(pk=message.pk).update(created_at=when)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=when)
        counts["messages"] += 1


def seed(*, stdout) -> Counter:
    counts = Counter()
    users = {user.email: user for user in get_user_model().objects.filter(email__endswith=".test")}
    start = timezone.now() - timedelta(days=2)
    for title, emails, lines in CONVERSATIONS:
        members = [users.get(email) for email in emails]
        if None in members:
            continue
        if title:
            conversation = Conversation.objects.filter(kind=ConversationKind.GROUP, title=title).first()
            conversation = conversation or services.conversation_create_group(
                creator=members[0], title=title, members=members[1:]
            )
        else:
            conversation = services.conversation_create_direct(user=members[0], other=members[1])
        for position, (author, text) in enumerate(lines):
            _post(conversation, members[author], text, start + timedelta(minutes=7 * position), counts)
    for position, (slug, email, text) in enumerate(ROOM_MESSAGES):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None or email not in users:
            continue
        room = services.conversation_organisation_provision(organisation=organisation)
        _post(room, users[email], text, start + timedelta(hours=3, minutes=position), counts)
    stdout.write(f"Messagerie : {counts['messages']} messages créés.")
    return counts
