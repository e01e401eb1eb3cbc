"""Rate limits: past a scope's limit the visitor gets a French 429 page with Retry-After, and nothing is done."""

import html
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from extranet.ads.models import Ad
from extranet.core.ratelimit import RateLimited, rate_limit_take
from extranet.messaging import services as messaging_services
from extranet.messaging.models import Conversation, Message
from extranet.organisations.models import Invitation
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.ads.factories import departement
from tests.ads.helpers import CREATE_URL, ad_form_data
from tests.forums.factories import (
    organisation_forum,
    reply_form_data,
    reply_url,
    topic,
    topic_create_url,
    topic_form_data,
)
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db

# Two requests a day: a test never straddles two windows.
SMALL = "2/86400"
FRENCH_429 = "Vous avez fait cela trop de fois en peu de temps."


def text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).replace("\xa0", " ")


def assert_refused(response):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 86400
    assert FRENCH_429 in text(response)


def small_limits(*scopes):
    return override_settings(RATE_LIMITS={**settings.RATE_LIMITS, **dict.fromkeys(scopes, SMALL)})


def test_the_counter_is_per_key_and_per_window():
    """Two attempts pass, the third is refused with the seconds left in the window; another key is untouched."""
    for _attempt in range(2):
        rate_limit_take(key="a", limit=2, window_seconds=86400)
    with pytest.raises(RateLimited) as raised:
        rate_limit_take(key="a", limit=2, window_seconds=86400)
    assert 0 < raised.value.retry_after <= 86400
    rate_limit_take(key="b", limit=2, window_seconds=86400)


def test_a_locked_out_login_answers_429_with_retry_after(client):
    """django-axes' lockout page is a 429 with the cool-off time in Retry-After, in French."""
    user = UserFactory()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "mauvais mot de passe"})
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert "Trop de tentatives" in text(response)
    assert "_auth_user_id" not in client.session


@small_limits("password_reset")
def test_password_reset_requests_are_limited_per_address():
    """Two reset requests pass; the third from the same address sends no e-mail; another address still may."""
    user = UserFactory()
    url = reverse("accounts:password_reset")
    for _attempt in range(2):
        assert Client().post(url, {"email": user.email}).status_code == 302
    sent = len(mail.outbox)
    assert_refused(Client().post(url, {"email": user.email}))
    assert len(mail.outbox) == sent
    assert Client(REMOTE_ADDR="192.0.2.9").post(url, {"email": user.email}).status_code == 302


@small_limits("invitation")
def test_invitations_are_limited_per_administrator(client, commune, admin):
    """The third invitation in the window is refused and not created."""
    client.force_login(admin)
    url = reverse("organisations:invitation_create", args=[commune.slug])
    for number in range(2):
        assert client.post(url, {"email": f"agent{number}@jargeau.test", "role": "member"}).status_code == 302
    assert_refused(client.post(url, {"email": "agent9@jargeau.test", "role": "member"}))
    assert Invitation.objects.count() == 2


@small_limits("search", "search_suggest")
def test_search_and_its_completion_are_limited(client, member):
    """The search page and the header's completion each answer twice, then 429."""
    client.force_login(member)
    for url in (reverse("search:search"), reverse("search:suggest")):
        for _attempt in range(2):
            assert client.get(url).status_code == 200
        assert_refused(client.get(url))


@small_limits("forum_post")
def test_forum_topics_and_replies_are_limited(client, commune, member):
    """A new topic and a reply pass; the next post of either kind is refused and not stored."""
    forum = organisation_forum(commune)
    first = topic(forum, poster=member)
    client.force_login(member)
    assert client.post(topic_create_url(forum), topic_form_data()).status_code == 302
    assert client.post(reply_url(first), reply_form_data()).status_code == 302
    topics, posts = Topic.objects.count(), Post.objects.count()
    assert_refused(client.post(topic_create_url(forum), topic_form_data(subject="Encore un sujet")))
    refused = client.post(reply_url(first), reply_form_data(content="Encore une réponse"))
    assert_refused(refused)
    assert "Encore une réponse" in refused.content.decode()  # the text comes back with the wait
    assert (Topic.objects.count(), Post.objects.count()) == (topics, posts)


@small_limits("forum_post")
def test_forum_forms_refused_or_previewed_do_not_count(client, commune, member):
    """Three empty replies and a preview later, the member still posts two."""
    forum = organisation_forum(commune)
    first = topic(forum, poster=member)
    client.force_login(member)
    for _attempt in range(3):
        assert client.post(reply_url(first), reply_form_data(content="")).status_code == 200
    assert client.post(reply_url(first), reply_form_data(preview="1")).status_code == 200
    for content in ("Première", "Seconde"):
        assert client.post(reply_url(first), reply_form_data(content=content)).status_code == 302


@small_limits("message")
def test_messages_are_limited(client, commune, member):
    """Two messages pass, the third is refused; starting a conversation counts too."""
    colleague = membership(commune, role="member").user
    conversation = messaging_services.conversation_create_direct(user=member, other=colleague)
    client.force_login(member)
    url = reverse("messaging:post", args=[conversation.pk])
    for number in range(2):
        assert client.post(url, {"body": f"Message {number}", "key": f"k{number}"}).status_code == 302
    conversations = Conversation.objects.count()
    assert_refused(client.post(url, {"body": "De trop", "key": "k9"}))
    assert_refused(client.post(reverse("messaging:conversation_new"), {"recipients": [colleague.pk], "title": "x"}))
    assert Message.objects.count() == 2 and Conversation.objects.count() == conversations


@small_limits("ad")
def test_ads_are_limited(client):
    """Two ads pass, the third is refused and not created."""
    epci = OrganisationFactory(kind="epci", slug="cc-des-loges", parent=departement())
    jargeau = OrganisationFactory(kind="commune", slug="jargeau", insee_code="45173", parent=epci)
    client.force_login(membership(jargeau, role="member").user)
    for _attempt in range(2):
        assert client.post(CREATE_URL, ad_form_data(jargeau)).status_code == 302
    refused = client.post(CREATE_URL, ad_form_data(jargeau, title="Tondeuse à prêter"))
    assert_refused(refused)
    assert 'value="Tondeuse à prêter"' in refused.content.decode()  # the typed ad comes back
    assert Ad.objects.count() == 2


@small_limits("ad")
def test_ads_refused_by_the_form_do_not_count(client):
    """Corrections of a form with errors are not ads posted: the author still posts two after three mistakes."""
    epci = OrganisationFactory(kind="epci", slug="cc-des-loges", parent=departement())
    jargeau = OrganisationFactory(kind="commune", slug="jargeau", insee_code="45173", parent=epci)
    client.force_login(membership(jargeau, role="member").user)
    for _attempt in range(3):
        assert client.post(CREATE_URL, ad_form_data(jargeau, title="")).status_code == 400
    for _attempt in range(2):
        assert client.post(CREATE_URL, ad_form_data(jargeau)).status_code == 302
    assert Ad.objects.count() == 2
