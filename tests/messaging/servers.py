"""Real server processes for the end-to-end messaging tests: uvicorn on a copy of the test database.

A transactional test writes its accounts, sessions and conversations in the test database (in memory,
committed, flushed after the test), copies it to a file, and each server process serves that file.
Nothing but 127.0.0.1 is contacted.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections

BASE_DIR = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60


def database_copy(path: Path) -> Path:
    """Copy the test database, as committed, to `path` (outside of any transaction: a transactional test)."""
    source = connections["default"]
    source.ensure_connection()
    target = sqlite3.connect(path)
    source.connection.backup(target)
    target.close()
    return path


def user_with_session(*, email: str) -> tuple:
    """An account and the cookie value of a logged-in session of it."""
    user = get_user_model().objects.create_user(email=email, first_name=email.split("@")[0])
    session = SessionStore()
    session.update(
        {
            "_auth_user_id": str(user.pk),
            "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
            "_auth_user_hash": user.get_session_auth_hash(),
        }
    )
    session.create()
    return user, session.session_key


def colleagues_in_conversation():
    """Alice and Bob, members of Jargeau, each with a logged-in session, and their direct conversation:
    ((alice, her cookie), (bob, his cookie), conversation). The servers serve an SQLite copy: other databases skip."""
    from extranet.messaging.services import conversation_create_direct
    from tests.organisations.factories import OrganisationFactory, membership

    if connections["default"].vendor != "sqlite":
        pytest.skip("The servers share an SQLite copy of the test database: the suite's SQLite run covers them.")
    (alice, alice_key), (bob, bob_key) = (user_with_session(email=f"{name}@commune.test") for name in ("alice", "bob"))
    commune = OrganisationFactory(name="Jargeau", slug="jargeau")
    for person in (alice, bob):
        membership(commune, user=person)
    return (alice, alice_key), (bob, bob_key), conversation_create_direct(user=alice, other=bob)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def uvicorn_servers(*, database: Path, count: int = 1, redis_url: str = "", extra_env: dict | None = None):
    """Start `count` uvicorn processes on the database file; yield their ports; stop them in all cases."""
    tmp = database.parent
    processes, ports = [], []
    try:
        for number in range(count):
            port = free_port()
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DEBUG": "0",
                "SECRET_KEY": settings.SECRET_KEY,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SITE_URL": f"http://127.0.0.1:{port}",
                "SECURE_SSL_REDIRECT": "0",
                "DATABASE_URL": f"sqlite:///{database}",
                "REDIS_URL": redis_url,
                "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
                "SEARCH_URL": f"whoosh://{tmp / 'whoosh'}",
                "MEDIA_ROOT": str(tmp / "media"),
                "DOCUMENTS_ROOT": str(tmp / "documents"),
                **(extra_env or {}),
            }
            log = (tmp / f"server-{number}.log").open("wb")
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1"]
                    + ["--port", str(port), "--log-level", "warning", "--no-access-log"],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            ports.append(port)
        for process, port, number in zip(processes, ports, range(count), strict=True):
            _wait_until_listening(process, port, tmp / f"server-{number}.log")
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_listening(process, port, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server stopped:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"The server did not start within {START_TIMEOUT} s:\n{log.read_text()}")
