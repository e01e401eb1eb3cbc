"""A few notifications in the demo users' notification centres, some already read."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Notification

# (recipient e-mail, actor e-mail, kind, title, url, body, hours ago, read)
NOTIFICATIONS = [
    (
        "marie.dupont@jargeau.test",
        "isabelle.moreau@loiret.test",
        "document_shared",
        "« Guide des aides 2026 » partagé par Département du Loiret",
        "/bibliotheque/",
        "",
        3,
        False,
    ),
    (
        "marie.dupont@jargeau.test",
        "claire.bernard@loiret.test",
        "event_invitation",
        "Invitation : Comité des maires",
        "/agenda/",
        "",
        26,
        False,
    ),
    (
        "marie.dupont@jargeau.test",
        "francois.girard@orleans.test",
        "forum_reply",
        "Nouveau message dans « Mutualiser la balayeuse »",
        "/forums/",
        "Nous pouvons la prêter le mardi et le jeudi.",
        50,
        True,
    ),
    (
        "claire.bernard@loiret.test",
        "marie.dupont@jargeau.test",
        "notice_approval",
        "Communiqué en attente de votre validation : Fête de la Saint-Martin",
        "/admin/",
        "",
        5,
        False,
    ),
]


def seed(*, stdout) -> None:
    users = {user.email: user for user in get_user_model().objects.all()}
    now, created = timezone.now(), 0
    for email, actor, kind, title, url, body, hours, read in NOTIFICATIONS:
        user = users.get(email)
        if user is None or Notification.objects.filter(user=user, title=title).exists():
            continue
        at = now - timedelta(hours=hours)
        Notification.objects.create(
            user=user,
            actor=users.get(actor),
            kind=kind,
            title=title,
            url=url,
            body=body,
            created_at=at,
            read_at=at + timedelta(hours=1) if read else None,
        )
        created += 1
    stdout.write(f"Notifications : {created} créées.")
