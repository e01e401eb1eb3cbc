"""The forums' demo data: shared and private forums with French conversations, seeded once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from forums.models import ForumAudience
from tests.forums.factories import topic_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_demo_forums_and_posts():
    """About fifty posts in shared and private forums; a second run adds nothing."""
    posts = Post.objects.count()
    assert 45 <= posts <= 60
    assert ForumAudience.objects.filter(organisation=None, forum__name="Urbanisme").exists()
    assert Topic.objects.filter(forum__audience__organisation__slug="jargeau").exists()
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    assert Post.objects.count() == posts


def test_demo_privacy(client):
    """Jargeau's private conversation is hidden from Saint-Denis-de-l'Hôtel's agent; the public FAQ is readable."""
    private = Topic.objects.get(subject="Organisation des permanences de l'été")
    faq = Topic.objects.get(subject="Qui peut lire les forums ?")
    assert client.get(topic_url(faq)).status_code == 200
    client.force_login(get_user_model().objects.get(email="paul.martin@saint-denis-de-l-hotel.test"))
    assert client.get(topic_url(private)).status_code == 404
    assert "Urbanisme" in client.get(reverse("forum:index")).content.decode()
