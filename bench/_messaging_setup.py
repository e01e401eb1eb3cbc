"""Helper of messaging_fanout.py (run in the throwaway database's environment): one organisation room with N
members, each with a logged-in session; prints {"conversation": id, "sessions": [...]} as JSON."""

import json
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from extranet.messaging.services import conversation_organisation_provision  # noqa: E402
from extranet.organisations.models import Membership  # noqa: E402
from extranet.organisations.services import organisation_create  # noqa: E402

count = int(sys.argv[1])
User = get_user_model()
organisation = organisation_create(kind="agency", name="Banc d'essai", slug="banc-essai")
room = conversation_organisation_provision(organisation=organisation)
users = User.objects.bulk_create(
    [
        User(email=f"bench{n}@bench.test", first_name="Bench", last_name=str(n), password=make_password(None))
        for n in range(count)
    ]
)
Membership.objects.bulk_create([Membership(user=user, organisation=organisation) for user in users])
sessions = []
expire = timezone.now() + timedelta(hours=2)
for user in users:
    data = {
        "_auth_user_id": str(user.pk),
        "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
        "_auth_user_hash": user.get_session_auth_hash(),
    }
    sessions.append(
        Session(session_key=get_random_string(32), session_data=SessionStore().encode(data), expire_date=expire)
    )
Session.objects.bulk_create(sessions)
print(json.dumps({"conversation": room.pk, "sessions": [session.session_key for session in sessions]}))
