"""Helper of bench/pages.py and bench/sqlite_writers.py, run in the throwaway database's environment.

    _pages_setup.py create --units N --users U --templates DIR   seed_demo, a member's world of N units, U sessions
    _pages_setup.py grow --units N --templates DIR                 N more units of data in the same world

Both index the search engine, count each page's SQL queries (second request, Django's test client) and write,
for each page, a template of the same bytes for the bare baseline view; the last line printed is JSON.
"""

import argparse
import json
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from extranet.organisations.models import Organisation, Role  # noqa: E402
from extranet.organisations.services import membership_set  # noqa: E402
from tests.forums.factories import reply_url  # noqa: E402
from tests.performance.world import _user, world_create, world_get, world_grow  # noqa: E402

ORGANISATION = "jargeau"


def session_for(user) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(timedelta(hours=4))
    store.create()
    return store.session_key


def measure(world, templates: Path) -> dict:
    """Each page's query count on its second request, and its HTML saved as the bare view's template."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(world.member)
    queries, sizes = {}, {}
    (templates / "bare").mkdir(parents=True, exist_ok=True)
    for name, url in world.urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name} {url} answered {response.status_code}")
        html = response.content.decode()
        queries[name], sizes[name] = len(captured), len(response.content)
        # verbatim: the bare view renders the same bytes without evaluating them.
        (templates / "bare" / f"{slugify(name)}.html").write_text("{% verbatim %}" + html + "{% endverbatim %}")
    return {"queries": queries, "bytes": sizes}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["create", "grow"])
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--templates", type=Path, required=True)
    args = parser.parse_args()

    if args.action == "create":
        call_command("seed_demo", force=True, stdout=StringIO())
        organisation = Organisation.objects.get(slug=ORGANISATION)
        world = world_create(organisation=organisation)
        # The demo's communes have their notices published by the département: its editor publishes them.
        membership_set(organisation=Organisation.objects.get(slug="loiret"), user=world.editor, role=Role.EDITOR)
        world = world_grow(world, units=args.units)
        # Colleagues with the same organisations as the member: every logged-in user sees the same pages.
        users = [world.member]
        others = list(world.member.memberships.values_list("organisation", flat=True))
        for number in range(args.users - 1):
            user = _user(f"perf-user{number}@perf.test")
            for organisation_id in others:
                membership_set(organisation=Organisation.objects.get(pk=organisation_id), user=user, role=Role.MEMBER)
            users.append(user)
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, body TEXT)")
        sessions = [session_for(user) for user in users]
    else:
        world = world_grow(world_get(organisation=Organisation.objects.get(slug=ORGANISATION)), units=args.units)
        sessions = []
    call_command("update_index", remove=True, verbosity=0)
    result = {"units": world.units, "urls": world.urls, "sessions": sessions, **measure(world, args.templates)}
    result["bare"] = {name: f"/__bench__/bare/{slugify(name)}/" for name in world.urls}
    result["reply"] = reply_url(world.topic)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
