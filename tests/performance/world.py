"""A member's world grown by units, shared by the query-count test and bench/pages.py.

One unit adds to each of the five pages measured (dashboard, forum topic, agenda month, document folder,
search results) what a busier organisation would show there: one more organisation the member belongs to,
one more colleague replying twice in the topic, two events in the month, one document in the folder and
two notices matching the searched word. Ten units are "ten times the data" of one.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.agenda.factories import PARIS, event, private_calendar
from tests.documents.factories import document, folder, pdf_bytes
from tests.forums.factories import organisation_forum, reply, topic, topic_url
from tests.notices.factories import notice
from tests.organisations.factories import OrganisationFactory, membership

WORD = "voirie"
MONTH = (2027, 2)


@dataclass
class World:
    organisation: object
    member: object
    editor: object
    topic: object
    calendar: object
    folder: object
    units: int = 0
    urls: dict = field(default_factory=dict)


def _user(email: str):
    # An unusable password: hashing one per user would cost more than the rest of the unit.
    return get_user_model().objects.create_user(email=email, password=None, first_name="Agent", last_name=email[:8])


def world_create(*, organisation, prefix: str = "perf") -> World:
    """The member and the objects of the five pages in `organisation`, empty of the data units add."""
    member = membership(organisation, role="member", user=_user(f"{prefix}-member@perf.test")).user
    editor = membership(organisation, role="editor", user=_user(f"{prefix}-editor@perf.test")).user
    subject = topic(organisation_forum(organisation), poster=member, subject="Entretien de la voirie communale")
    calendar = private_calendar(organisation)
    target = folder(organisation, user=editor, name="Suivi des travaux de voirie")
    return _with_urls(World(organisation, member, editor, subject, calendar, target))


def _with_urls(world: World) -> World:
    world.urls = {
        "dashboard": reverse("core:dashboard"),
        "forum topic": topic_url(world.topic),
        "agenda month": reverse("agenda:month", args=MONTH),
        "document folder": world.folder.get_absolute_url(),
        "search results": f"{reverse('search:search')}?q={WORD}",
    }
    return world


def world_grow(world: World, *, units: int, prefix: str = "perf") -> World:
    """Add `units` units of data to every page of the world."""
    year, month = MONTH
    for number in range(world.units, world.units + units):
        other = OrganisationFactory(
            kind="agency", name=f"Syndicat {prefix} {number}", slug=f"{prefix}-syndicat-{number}", insee_code=""
        )
        membership(other, role="member", user=world.member)
        colleague = membership(world.organisation, role="member", user=_user(f"{prefix}-{number}@perf.test")).user
        for _ in range(2):
            reply(world.topic, poster=colleague, content=f"Réponse {number} : nous refaisons la voirie au printemps.")
        for offset in range(2):
            day = 1 + (2 * number + offset) % 27
            start = datetime(year, month, day, 9 + offset, 0, tzinfo=PARIS)
            event(world.calendar, user=world.editor, title=f"Réunion voirie {number}.{offset}", start=start)
        document(
            world.organisation,
            user=world.editor,
            name=f"voirie-{number}.pdf",
            content=pdf_bytes(f"Compte rendu voirie {number}"),
            folder=world.folder,
        )
        for offset in range(2):
            notice(world.organisation, user=world.editor, title=f"Travaux de voirie {number}.{offset}")
    world.units += units
    return world


def world_get(*, organisation, prefix: str = "perf") -> World:
    """The world `world_create` made in `organisation`, found again (from another process, say)."""
    from machina.apps.forum_conversation.models import Topic

    from documents.models import Folder
    from extranet.organisations.models import Organisation

    users = get_user_model().objects
    world = World(
        organisation,
        users.get(email=f"{prefix}-member@perf.test"),
        users.get(email=f"{prefix}-editor@perf.test"),
        Topic.objects.get(forum=organisation_forum(organisation), subject="Entretien de la voirie communale"),
        private_calendar(organisation),
        Folder.objects.get(organisation=organisation, name="Suivi des travaux de voirie", deleted_at=None),
        units=Organisation.objects.filter(slug__startswith=f"{prefix}-syndicat-").count(),
    )
    return _with_urls(world)
