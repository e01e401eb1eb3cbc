"""The sample content of a sandbox: a few forum topics, events and documents, made through each feature's services.

`sample_content_remove` takes away everything the sandbox's organisation holds in these features, so that a reset
starts again from `sample_content_create`.
"""

from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.timezone import get_default_timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from schedule.models import Event

from agenda.models import AgendaCalendar, CalendarKind
from agenda.services import event_create
from documents.models import AuditEvent, Document, DocumentVersion, Folder
from documents.services import document_upload, folder_create
from documents.storage import document_storage
from documents.uploads import upload_check
from extranet.core.demo_files import minimal_pdf
from forums.models import ForumAudience

TOPICS = (
    (
        "Bienvenue dans l'espace de formation",
        "Présentez-vous en répondant à ce message : votre commune, votre service, ce que vous attendez de la "
        "formation.",
    ),
    (
        "Organisation du prochain conseil",
        "Qui peut préparer l'ordre du jour ? Répondez ici pour vous entraîner à participer à une discussion.",
    ),
)
EVENTS = (
    # (days from today, hour, duration in hours, title, place)
    (2, 10, 2, "Réunion d'équipe (exercice)", "Salle du conseil"),
    (7, 14, 1, "Point d'étape de la formation", "Visioconférence"),
)
DOCUMENTS = (
    # (folder, file name, contents)
    ("Comptes rendus", "compte-rendu-exercice.txt", "Compte rendu fictif d'une réunion, pour l'exercice.\n".encode()),
    ("", "guide-du-stagiaire.pdf", minimal_pdf(["Guide du stagiaire", "Ce document sert à vous entraîner."])),
)


def _organisation_forum(organisation) -> Forum:
    return ForumAudience.objects.get(organisation=organisation, forum__parent__isnull=False).forum


def _private_calendar(organisation) -> AgendaCalendar:
    return AgendaCalendar.objects.get(organisation=organisation, kind=CalendarKind.PRIVATE)


@transaction.atomic
def sample_content_create(*, organisation, author) -> None:
    """Give the sandbox its starting topics, events and documents, written in the trainer's name."""
    forum = _organisation_forum(organisation)
    for subject, content in TOPICS:
        topic = Topic.objects.create(
            forum=forum, poster=author, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
        )
        Post.objects.create(topic=topic, poster=author, subject=subject, content=content, approved=True)
    calendar = _private_calendar(organisation)
    today = timezone.localdate(timezone=get_default_timezone())
    for days, hour, hours, title, place in EVENTS:
        start = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=get_default_timezone())
        event_create(
            calendar=calendar,
            organisation=organisation,
            user=author,
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            place=place,
        )
    folders = {}
    for folder_name, file_name, data in DOCUMENTS:
        if folder_name and folder_name not in folders:
            folders[folder_name] = folder_create(organisation=organisation, parent=None, name=folder_name, user=author)
        checked = upload_check(SimpleUploadedFile(file_name, data))
        document_upload(organisation=organisation, folder=folders.get(folder_name), checked=checked, user=author)


@transaction.atomic
def sample_content_remove(*, organisation) -> None:
    """Delete the organisation's forum topics, events, documents (files included) and folders."""
    forums = ForumAudience.objects.filter(organisation=organisation).values("forum")
    Topic.objects.filter(forum__in=forums).delete()
    Event.objects.filter(calendar__agenda__organisation=organisation).delete()
    names = [
        name
        for pair in DocumentVersion.objects.filter(document__organisation=organisation).values_list("file", "thumbnail")
        for name in pair
        if name
    ]
    AuditEvent.objects.filter(organisation=organisation).delete()
    Document.objects.filter(organisation=organisation).delete()
    Folder.objects.filter(organisation=organisation).delete()
    transaction.on_commit(lambda: [document_storage().delete(name) for name in names])
