"""CSRF: no view of ours skips the check (but the signed one-click unsubscribe links), and real POSTs prove it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from machina.apps.forum_conversation.models import Post
from rest_framework.authentication import SessionAuthentication

from agenda.models import EventDetails
from agenda.training.models import Registration
from documents.models import Document
from extranet.accounts.models import User
from extranet.ads.models import Ad
from extranet.broadcast.models import Broadcast
from extranet.messaging import services as messaging_services
from extranet.messaging.models import Message
from extranet.notifications.models import Notification
from extranet.notifications.services import notification_send
from extranet.organisations.models import Membership
from extranet.procurement.models import NoticeQuestion
from extranet.subsidies.models import Application
from tests.ads.helpers import CREATE_URL, ad_form_data
from tests.agenda.factories import private_calendar
from tests.agenda.training.factories import session
from tests.aids.factories import aid
from tests.annuaire.factories import person_card
from tests.documents.factories import pdf_bytes
from tests.forums.factories import organisation_forum, reply_form_data, reply_url, topic
from tests.organisations.factories import OrganisationFactory, membership
from tests.procurement.factories import notice
from tests.subsidies.factories import application_fields

VISIBILITIES = ("card", "function", "phone", "mobile", "email", "photo")
# Views exempt from CSRF on purpose, each with its reason.
CSRF_EXEMPT_ALLOWED = {
    # RFC 8058 one-click unsubscribe: mail clients POST without a token; the signed token in the address is
    # the only credential, the session is never read, and the action only stops e-mails to that address.
    "extranet.broadcast.views.unsubscribe": "signed unsubscribe link (RFC 8058 one-click POST)",
    # The same for a forum or topic subscription: the signed token names the user and the subscription.
    "forums.views.unsubscribe": "signed unsubscribe link (RFC 8058 one-click POST)",
}


def _patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _csrf_exempt(callback) -> bool:
    """True if the view, any decorator layer around it, or its class's handlers are marked csrf_exempt."""
    view = callback
    while view is not None:
        if getattr(view, "csrf_exempt", False):
            return True
        view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
        if view_class is not None and any(
            getattr(getattr(view_class, name, None), "csrf_exempt", False) for name in ("dispatch", "post")
        ):
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def _drf_checks_csrf(callback) -> bool:
    """DRF (Wagtail's admin API) marks views csrf_exempt: safe if read-only, or if SessionAuthentication checks CSRF."""
    view_class = getattr(callback, "cls", None)
    if view_class is None:
        return False
    read_only = set(getattr(callback, "actions", None) or {"post": None}) <= {"get", "head", "options"}
    classes = getattr(view_class, "authentication_classes", None) or []
    return read_only or (bool(classes) and all(issubclass(auth, SessionAuthentication) for auth in classes))


def test_no_view_is_csrf_exempt_but_the_allowed_ones():
    """Walking every URL: a csrf_exempt view must be on the allowlist (or be DRF's, which checks CSRF itself)."""
    found, exempt = 0, set()
    for route, callback in _patterns(get_resolver()):
        found += 1
        if _csrf_exempt(callback) and not _drf_checks_csrf(callback):
            exempt.add(f"{callback.__module__}.{callback.__qualname__}")
            assert f"{callback.__module__}.{callback.__qualname__}" in CSRF_EXEMPT_ALLOWED, route
    assert found > 300
    assert exempt == set(CSRF_EXEMPT_ALLOWED)


@pytest.mark.django_db
def test_the_exempt_unsubscribe_links_need_a_valid_signature():
    """A forged token on either unsubscribe address answers 404 to a POST without CSRF token."""
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("broadcast:unsubscribe", args=["forged"])).status_code == 404
    assert client.post(reverse("forums:unsubscribe", args=["forged"])).status_code == 404


@pytest.fixture
def world(db):
    """One commune (under an EPCI and a département) and its people, with something to post on in each app."""
    departement = OrganisationFactory(kind="departement", slug="loiret", insee_code="")
    epci = OrganisationFactory(kind="epci", slug="cc-des-loges", insee_code="", parent=departement)
    commune = OrganisationFactory(kind="commune", slug="jargeau", insee_code="45173", parent=epci)
    admin = membership(commune, role="admin").user
    membership(departement, role="admin", user=admin)
    colleague = membership(commune, role="member").user
    calendar = private_calendar(commune)
    return {
        "commune": commune,
        "departement": departement,
        "admin": admin,
        "colleague": colleague,
        "topic": topic(organisation_forum(commune), poster=colleague),
        "calendar": calendar,
        "training": session(calendar, user=admin),
        "conversation": messaging_services.conversation_create_direct(user=admin, other=colleague),
        "aid": aid(departement, title="Aide aux communes rurales"),
        "notice": notice(departement, title="Denrées pour la cantine"),
        "card": person_card(commune, user=admin, function="Maire"),
    }


def _requests(world):
    """(name, url, data builder, what the POST changes) for one POST endpoint of each app."""
    commune, admin = world["commune"], world["admin"]
    colleague_membership = Membership.objects.get(user=world["colleague"], organisation=commune)

    def notification_unread():
        return Notification.objects.filter(user=admin, read_at__isnull=True).count()

    notification_send(users=[admin], kind="event_invitation", title="Invitation", url="/")
    notification = Notification.objects.get(user=admin)
    return [
        ("forum reply", reply_url(world["topic"]), reply_form_data, Post.objects.count),
        ("ad", CREATE_URL, lambda: ad_form_data(commune), Ad.objects.count),
        (
            "event",
            reverse("agenda:event_create", args=[world["calendar"].pk]),
            lambda: {"title": "Réunion", "start": "2027-01-05T18:00", "end": "2027-01-05T19:00"},
            EventDetails.objects.count,
        ),
        (
            "document upload",
            reverse("documents:upload", args=[commune.slug]),
            lambda: {"files": [SimpleUploadedFile("budget.pdf", pdf_bytes("Budget"))]},
            Document.objects.count,
        ),
        (
            "directory card",
            reverse("annuaire:person_edit", args=[world["card"].pk]),
            lambda: {
                "function": "Maire adjoint",
                "service": "",
                "phone": "",
                "mobile": "",
                "email": "",
                **{f"{field}_visibility": "public" for field in VISIBILITIES},
            },
            lambda: type(world["card"]).objects.get(pk=world["card"].pk).function,
        ),
        (
            "message",
            reverse("messaging:post", args=[world["conversation"].pk]),
            lambda: {"body": "Bonjour", "key": f"k{Message.objects.count()}"},
            Message.objects.count,
        ),
        (
            "subsidy application",
            reverse("subsidies:start", args=[world["aid"].pk]),
            lambda: {
                **{name: value for name, value in application_fields().items() if value is not None},
                "total_cost": "120000,00",
                "amount_requested": "36000,00",
                "start_date": "2027-03-01",
                "end_date": "2027-09-30",
                "save": "",
            },
            Application.objects.count,
        ),
        (
            "procurement question",
            reverse("procurement:ask", args=[world["notice"].pk]),
            lambda: {"text": "Les produits bio sont-ils exigés ?"},
            NoticeQuestion.objects.count,
        ),
        (
            "broadcast",
            reverse("broadcast:create"),
            lambda: {
                "sender": world["departement"].pk,
                "subject": "Info",
                "body": "Texte",
                "by_email": "on",
                "organisations": [commune.pk],
            },
            Broadcast.objects.count,
        ),
        (
            "account settings",
            reverse("accounts:profile"),
            lambda: {
                "first_name": "Marie",
                "last_name": "Curie",
                "phone": "",
                "job_title": "",
                "preferred_language": "fr",
            },
            lambda: User.objects.get(pk=admin.pk).first_name,
        ),
        (
            "organisation membership",
            reverse("organisations:membership_role", args=[commune.slug, colleague_membership.pk]),
            lambda: {"role": "editor"},
            lambda: Membership.objects.get(pk=colleague_membership.pk).role,
        ),
        (
            "training registration",
            reverse("agenda:training:register", args=[world["training"].pk]),
            dict,
            Registration.objects.count,
        ),
        ("notification read", reverse("notifications:read", args=[notification.pk]), dict, notification_unread),
    ]


def test_a_post_without_token_is_refused_and_the_same_post_with_it_succeeds(world):
    """For one POST of each app: 403 without the CSRF token and no change; with the token, the change is made."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["admin"])
    client.get(reverse("core:dashboard"))
    token = client.cookies["csrftoken"].value
    for name, url, data, state in _requests(world):
        before = state()
        refused = client.post(url, data())
        assert refused.status_code == 403, name
        assert state() == before, name
        accepted = client.post(url, data(), HTTP_X_CSRFTOKEN=token)
        assert accepted.status_code in (200, 201, 302), (name, accepted.status_code)
        assert state() != before, name
