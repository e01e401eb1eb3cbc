"""One commune full of hostile content, stored through the services and factories as users would store it.

Each field gets payloads behind its own marker (`XSS-<field>`), so a test can check that a page really shows the
field it is said to show before checking that nothing in it runs. Built once per test module (conftest.py).
"""

from datetime import date

from django.urls import reverse
from wagtail.rich_text import RichText

from documents import services as documents_services
from extranet.acts.models import ActSectionPage
from extranet.acts.services import session_create
from extranet.messaging import services as messaging_services
from extranet.notifications.services import notification_send
from extranet.procurement.services import question_ask
from tests.accounts.factories import UserFactory
from tests.acts.factories import act
from tests.ads.factories import departement, published_ad
from tests.agenda.factories import event, paris, private_calendar
from tests.aids.factories import aid
from tests.annuaire.factories import organisation_profile, person_card
from tests.documents.factories import document, folder
from tests.forums.factories import forum_url, organisation_forum, reply, topic, topic_url
from tests.forums.xss_corpus import PAYLOADS as MARKDOWN_PAYLOADS
from tests.jobs.factories import offer
from tests.notices.factories import notice
from tests.organisations.factories import OrganisationFactory, membership
from tests.procurement.factories import notice as procurement_notice
from tests.subsidies.factories import draft

# Short payloads, for titles and names; the longest value stays under 120 characters (conversation titles).
SHORT = "\"'><script>xss()</script><img src=x onerror=xss()><svg/onload=xss()><a href=javascript:xss()>j</a>"

# Long payloads, for descriptions and other free text; one classic a line.
LONG = "\n".join(
    [
        "<script>xss()</script>",
        '"><script>xss()</script>',
        "'><img src=x onerror=xss()>",
        "<svg onload=xss()>",
        "<details open ontoggle=xss()>",
        '<a href="javascript:xss()">j</a>',
        '<a href=" jav&#x09;ascript:xss()">t</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD54c3MoKTwvc2NyaXB0Pg==">d</a>',
        '<div style="background:url(javascript:xss())">s</div>',
        "&lt;script&gt;xss()&lt;/script&gt; &#60;img src=x onerror=xss()&#62;",
        "</textarea></title><script>xss()</script>",
        "<iframe src=javascript:xss()></iframe><base href=//evil.test/>",
        "[x](javascript:xss())",
    ]
)

# Rich text in Wagtail's database format, as if the admin's converter had been bypassed.
RICH = (
    "<script>xss()</script><p><img src=x onerror=xss()></p>"
    '<p><a href="javascript:xss()">j</a> <a href="data:text/html,&lt;script&gt;xss()&lt;/script&gt;">d</a></p>'
    '<p onclick="xss()" style="background:url(javascript:xss())">p</p><iframe src="javascript:xss()"></iframe>'
)
# The councils' session body holds at most 120 characters of text.
RICH_SHORT = '<script>xss()</script><p onclick="xss()"><a href="javascript:xss()">j</a></p>'


def short(field: str) -> str:
    return f"XSS-{field} {SHORT}"


def long(field: str) -> str:
    return f"XSS-{field}\n{LONG}"


def rich(field: str, payload: str = RICH) -> str:
    return f"<p>XSS-{field}</p>{payload}"


def build():
    """Create the world; return its viewer (an administrator of the commune) and, per page, the fields it shows."""
    # The forum's slug (100 characters) is made from the organisation's name: keep the name short.
    commune = OrganisationFactory(
        kind="commune",
        name="XSS-organisation <script>xss()</script><svg/onload=xss()>",
        slug="jargeau",
        insee_code="45173",
        siren="214501736",
        siret="21450173600018",
    )
    provider = departement()
    viewer = membership(commune, role="admin").user
    colleague = membership(commune, role="member").user
    colleague.first_name = "XSS-person <img src=x onerror=xss()>"
    colleague.save(update_fields=["first_name"])
    moderator = UserFactory(is_superuser=True, is_staff=True)

    forum = organisation_forum(commune)
    forum_topic = topic(forum, poster=colleague, subject=short("topic"), content=long("post"))
    for payload in MARKDOWN_PAYLOADS:
        reply(forum_topic, poster=colleague, content=f"XSS-markdown {payload}")

    ad = published_ad(
        commune,
        author=colleague,
        moderator=moderator,
        title=short("ad-title"),
        description=long("ad-body"),
        location=short("ad-place")[:100],
    )

    agenda_event = event(
        private_calendar(commune),
        user=viewer,
        title=short("event-title"),
        description=long("event-description"),
        place=short("event-place"),
        start=paris(2027, 1, 5, 18),
    )

    library_folder = folder(commune, user=viewer, name=short("folder"))
    library_document = document(commune, user=viewer, folder=library_folder)
    documents_services.document_rename(document=library_document, title=short("document"), user=viewer)

    organisation_profile(
        commune,
        address=long("address"),
        opening_hours=long("hours"),
        head_name=short("head"),
        head_title=short("head-title")[:100],
    )
    card = person_card(commune, user=colleague, function=short("function"))

    conversation = messaging_services.conversation_create_group(
        creator=colleague, title=short("conversation"), members=[viewer]
    )
    messaging_services.message_send(conversation=conversation, author=colleague, body=long("message"))

    notification_send(
        users=[viewer], kind="mention", title=short("notification"), url="/", body=long("notification-body")
    )

    commune_notice = notice(
        commune,
        user=viewer,
        title=short("notice"),
        summary=long("notice-summary"),
        body=[("paragraph", RichText(rich("notice-body")))],
    )
    act_section = ActSectionPage.objects.get(organisation=commune)
    commune_act = act(act_section, title=short("act"))
    council = session_create(
        section=act_section,
        title=short("session"),
        date=date(2024, 3, 14),
        body=rich("session-body", RICH_SHORT),
        intro=rich("session-intro"),
    )
    grant = aid(provider, title=short("aid"), description=rich("aid-description"))
    job = offer(commune, title=short("job"), description=rich("job-description"), profile=rich("job-profile"))
    tender = procurement_notice(
        commune, title=short("tender"), description=rich("tender-description"), execution_place=short("place")[:100]
    )

    application = draft(
        grant,
        commune,
        viewer,
        title=short("application"),
        description=long("application-description"),
        contact_name=short("application-contact")[:100],
    )
    question_ask(notice=tender, user=colleague, text=long("question"))

    pages = {
        "/": ["organisation"],
        reverse("core:dashboard"): ["organisation"],
        "/actes/": ["act"],
        commune_act.url: ["act"],
        council.url: ["session", "session-body", "session-intro"],
        "/communiques/": ["notice"],
        commune_notice.url: ["notice", "notice-summary", "notice-body"],
        "/aides/": ["aid"],
        grant.url: ["aid", "aid-description"],
        "/emplois/": ["job"],
        job.url: ["job", "job-description", "job-profile"],
        "/marches-publics/": ["tender"],
        tender.url: ["tender", "tender-description", "place"],
        reverse("procurement:questions"): ["question"],
        reverse("ads:list"): ["ad-title"],
        reverse("ads:detail", args=[ad.pk]): ["ad-title", "ad-body", "ad-place"],
        forum_url(forum): ["topic"],
        topic_url(forum_topic): ["topic", "post", "markdown", "person"],
        reverse("agenda:month", args=[2027, 1]): ["event-title"],
        reverse("agenda:event", args=[agenda_event.pk]): ["event-title", "event-description", "event-place"],
        reverse("documents:folder", args=[commune.slug, library_folder.pk]): ["folder", "document"],
        reverse("documents:detail", args=[library_document.pk]): ["document"],
        reverse("search:search") + "?q=XSS": [],
        reverse("annuaire:organisation_list"): ["organisation"],
        reverse("annuaire:organisation_detail", args=[commune.slug]): ["organisation", "address", "hours", "head"],
        reverse("annuaire:person_detail", args=[card.pk]): ["person", "function"],
        reverse("messaging:index"): ["conversation"],
        reverse("messaging:conversation", args=[conversation.pk]): ["conversation", "message"],
        reverse("notifications:list"): ["notification", "notification-body"],
        reverse("subsidies:detail", args=[application.pk]): [
            "application",
            "application-description",
            "application-contact",
        ],
    }
    return {"viewer": viewer, "commune": commune, "pages": pages, "document": library_document}
