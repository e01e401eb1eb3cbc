"""Forums, topics and posts for the tests, made through the services and machina's models."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.apps.forum_conversation.models import Post, Topic

from forums.models import ForumAudience
from forums.services import forum_shared_create


def organisation_forum(organisation):
    """The forum every organisation gets when it is provisioned."""
    return ForumAudience.objects.get(organisation=organisation, forum__parent__isnull=False).forum


def shared_forum(name="Urbanisme", **audience):
    return forum_shared_create(name=name, description="Échanges entre collectivités.", **audience)


def topic(forum, *, poster, subject="Instruction des permis de construire", content="Comment faites-vous ?"):
    """A topic with its first post, approved."""
    new_topic = Topic.objects.create(
        forum=forum, poster=poster, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
    )
    Post.objects.create(topic=new_topic, poster=poster, subject=subject, content=content, approved=True)
    new_topic.refresh_from_db()
    return new_topic


def reply(topic, *, poster, content="Nous passons par le service instructeur de l'EPCI.", approved=True):
    return Post.objects.create(
        topic=topic, poster=poster, subject=f"Re: {topic.subject}", content=content, approved=approved
    )


def attachment(post, *, name="compte-rendu.pdf", content=b"%PDF-1.4 demo"):
    return Attachment.objects.create(post=post, file=SimpleUploadedFile(name, content), comment="")


def topic_url(topic):
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def forum_url(forum):
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def topic_create_url(forum):
    return reverse("forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk})


def reply_url(topic):
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )


def post_update_url(post):
    topic = post.topic
    return reverse(
        "forum_conversation:post_update",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
            "pk": post.pk,
        },
    )


def topic_form_data(subject="Marchés publics : seuils 2025", content="Quels seuils appliquez-vous ?", **extra):
    """What machina's new-topic form posts (its poll and attachment formsets included, empty)."""
    return {
        "subject": subject,
        "content": content,
        "topic_type": Topic.TOPIC_POST,
        "poll-TOTAL_FORMS": "2",
        "poll-INITIAL_FORMS": "0",
        "poll-MIN_NUM_FORMS": "0",
        "poll-MAX_NUM_FORMS": "30",
        "attachment-TOTAL_FORMS": "1",
        "attachment-INITIAL_FORMS": "0",
        "attachment-MIN_NUM_FORMS": "0",
        "attachment-MAX_NUM_FORMS": "5",
        "poll_question": "",
        **extra,
    }


def reply_form_data(content="Merci, c'est très clair.", **extra):
    return {
        "subject": "Re",
        "content": content,
        "attachment-TOTAL_FORMS": "1",
        "attachment-INITIAL_FORMS": "0",
        "attachment-MIN_NUM_FORMS": "0",
        "attachment-MAX_NUM_FORMS": "5",
        **extra,
    }
