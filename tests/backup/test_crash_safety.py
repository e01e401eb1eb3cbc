"""Killed with SIGKILL mid-write, the web server and the task worker leave nothing half-done.

The real processes (uvicorn on config.asgi, `db_worker`) run on a throwaway database, MEDIA_ROOT, library
directory and Whoosh index; a client uploads documents and posts forum topics (each write queues an index
update) while both are killed at random moments, several times. Afterwards the database is intact, every
document row has its file with the recorded hash, the orphan sweep removes the files of killed uploads, the
Whoosh lock does not outlive its holder, and the restarted worker (interrupted tasks requeued, as its unit
does) indexes every document, a new one included.
"""

import hashlib
import os
import random
import shlex
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection
from django.urls import reverse
from whoosh import index as whoosh_index

from tests.forums.factories import organisation_forum, topic_create_url, topic_form_data
from tests.messaging.servers import BASE_DIR, _wait_until_listening, database_copy, free_port, user_with_session
from tests.organisations.factories import membership

# Committed rows, which the processes see; serialized_rollback puts back the pages of the data migrations that
# the flush after a transactional test removes.
pytestmark = [pytest.mark.real_servers, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROUNDS = 3
WORKER_ID = "crash-test-worker"
CSRF = "c" * 32
WAIT = 30  # seconds: a bound on waiting for processes and tasks, never an assertion about speed


@pytest.fixture
def site(commune, tmp_path):
    """An editor's session and the environment of production processes on a database of their own."""
    user, session_key = user_with_session(email="secretaire@jargeau.test")
    membership(commune, role="editor", user=user)
    if connection.vendor == "sqlite":
        database = database_copy(tmp_path / "db.sqlite3")
        database_url = f"sqlite:///{database}"
    else:
        # The test database itself: a transactional test commits, so the processes see its rows.
        settings_dict, database = connection.settings_dict, None
        credentials = quote(settings_dict["USER"] or "") + (
            f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
        )
        host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
        database_url = f"postgres://{credentials}@{host}:{port}/{settings_dict['NAME']}"
    environment = {
        **{name: value for name, value in os.environ.items() if name not in {"TASKS_BACKEND", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "SEARCH_URL": f"whoosh://{tmp_path / 'whoosh'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DOCUMENTS_ROOT": str(tmp_path / "documents"),
        "FILES_LOCK_PATH": str(tmp_path / "files.lock"),
    }
    return {
        "tmp": tmp_path,
        "database": database,
        "env": environment,
        "session": session_key,
        "upload_url": reverse("documents:upload", args=[commune.slug]),
        "topic_url": topic_create_url(organisation_forum(commune)),
    }


def manage_py(*arguments) -> list[str]:
    return [sys.executable, "manage.py", *arguments]


def start_processes(site, *, number, requeue=False):
    """uvicorn and the worker; with `requeue`, the worker starts as its unit does (interrupted tasks first)."""
    port = free_port()
    log_path = site["tmp"] / f"processes-{number}.log"
    log = log_path.open("wb")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1", "--port", str(port)]
        + ["--log-level", "warning", "--no-access-log"],
        cwd=BASE_DIR,
        env={**site["env"], "SITE_URL": f"http://127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    worker_command = shlex.join(
        manage_py("db_worker", "--no-reload", "--queue-name", "default,search", "--worker-id", WORKER_ID)
        + ["--interval", "0.1"]
    )
    if requeue:
        worker_command = (
            f"{shlex.join(manage_py('tasks_requeue_interrupted', '--worker-id', WORKER_ID))} && exec {worker_command}"
        )
    worker = subprocess.Popen(  # noqa: S603
        ["/bin/sh", "-c", worker_command],
        cwd=BASE_DIR,
        env=site["env"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the kill reaches the shell's children too
    )
    _wait_until_listening(server, port, log_path)
    return port, server, worker


class Client(threading.Thread):
    """Uploads documents and posts forum topics until the server stops answering; keeps what was accepted."""

    def __init__(self, site, port, number):
        super().__init__(daemon=True)
        self.site, self.base, self.number = site, f"http://127.0.0.1:{port}", number
        self.accepted, self.refused, self.writing = [], [], threading.Event()

    def run(self):
        session = requests.Session()
        session.headers.update({"Cookie": f"sessionid={self.site['session']}; csrftoken={CSRF}", "X-CSRFToken": CSRF})
        for count in range(200):
            name = f"releve-{self.number}-{count}.txt"
            try:
                if count % 3 == 2:  # a forum topic: machina redirects to it once it is stored
                    topic = topic_form_data(subject=f"Sujet {self.number}-{count}")
                    response = session.post(self.base + self.site["topic_url"], data=topic, allow_redirects=False)
                    expected = 302
                else:
                    content = f"Relevé des compteurs {count}\n".encode() * 2000
                    response = session.post(
                        self.base + self.site["upload_url"],
                        files={"files": (name, content)},
                        headers={"Accept": "application/json"},
                    )
                    expected = 201
            except requests.RequestException:
                return  # the server was killed
            if response.status_code != expected:
                self.refused.append((response.status_code, response.text[:300]))
            elif expected == 201:
                self.accepted.append(name)
                self.writing.set()


def kill(process):
    """SIGKILL to the process and its children (its own process group), then reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=WAIT)


class LiveDatabase:
    """Reads of the processes' database from the test: the SQLite file itself, or the PostgreSQL test database."""

    def __init__(self, path):
        self.path = path

    def rows(self, sql):
        if self.path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.path) as database:
            return database.execute(sql).fetchall()

    def integrity(self):
        if self.path is None:
            return "ok"  # PostgreSQL: only committed transactions are visible; nothing to check at file level
        with sqlite3.connect(self.path) as database:
            return database.execute("PRAGMA integrity_check").fetchone()[0]


def library_files(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def wait_for(condition, what):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"Still not done after {WAIT} s: {what}")


def test_sigkill_of_server_and_worker_leaves_no_half_write_and_no_stale_index_lock(site):
    """After random SIGKILLs mid-writes: an intact database, each document row with its file and each file
    with its row once swept, and a restarted worker that indexes every document despite the killed writer."""
    random.seed(1234)
    live = LiveDatabase(site["database"])
    accepted = []
    for number in range(ROUNDS):
        port, server, worker = start_processes(site, number=number)
        client = Client(site, port, number)
        try:
            client.start()
            assert client.writing.wait(timeout=WAIT), client.refused
            time.sleep(random.uniform(0.2, 1.0))  # a random moment: mid-upload, mid-commit, mid-indexing…
            first, second = random.sample([server, worker], 2)
            kill(first)
            kill(second)
        finally:
            kill(server)
            kill(worker)
        client.join(timeout=WAIT)
        accepted += client.accepted
        assert client.refused == []

    assert live.integrity() == "ok"
    versions = live.rows("SELECT file, sha256 FROM documents_documentversion")
    titles = {title for (title,) in live.rows("SELECT title FROM documents_document")}
    documents_root = site["tmp"] / "documents"
    assert set(accepted) <= titles  # every upload the server acknowledged was committed
    for name, sha256 in versions:
        assert hashlib.sha256((documents_root / name).read_bytes()).hexdigest() == sha256
    assert accepted and len(versions) == len(titles)

    # The Whoosh lock was released by the kernel when its holder died, whatever it was doing.
    if (site["tmp"] / "whoosh").exists():
        index = whoosh_index.open_dir(site["tmp"] / "whoosh")
        lock = index.storage.lock("MAIN_WRITELOCK")
        assert lock.acquire(blocking=False)
        lock.release()

    # Restarted, the worker first requeues the tasks it was running when killed (as its unit does). The nightly
    # orphan sweep runs meanwhile, without its grace period since no upload is under way.
    port, server, worker = start_processes(site, number=ROUNDS, requeue=True)
    try:
        subprocess.run(  # noqa: S603
            manage_py("documents_sweep_orphans", "--older-than-minutes", "0"),
            cwd=BASE_DIR,
            env=site["env"],
            check=True,
            capture_output=True,
        )
        named = {name for (name,) in live.rows("SELECT file FROM documents_documentversion")}
        named |= {name for (name,) in live.rows("SELECT thumbnail FROM documents_documentversion") if name}
        assert library_files(documents_root) == named

        # The worker indexes every document, those whose indexing was killed and a new one.
        response = requests.post(
            f"http://127.0.0.1:{port}{site['upload_url']}",
            files={"files": ("apres-redemarrage.txt", b"Nouveau document")},
            headers={
                "Accept": "application/json",
                "Cookie": f"sessionid={site['session']}; csrftoken={CSRF}",
                "X-CSRFToken": CSRF,
            },
            timeout=WAIT,
        )
        assert response.status_code == 201
        pending = "SELECT id FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        wait_for(lambda: not live.rows(pending), "the queued tasks")
    finally:
        kill(server)
        kill(worker)
    documents = {str(pk) for (pk,) in live.rows("SELECT id FROM documents_document")}
    with whoosh_index.open_dir(site["tmp"] / "whoosh").searcher() as searcher:
        stored = searcher.all_stored_fields()
        indexed = {fields["django_id"] for fields in stored if fields["django_ct"] == "documents.document"}
    assert indexed == documents
    topics = live.rows("SELECT COUNT(*) FROM forum_conversation_topic")[0][0]
    assert topics and topics == live.rows("SELECT COUNT(DISTINCT topic_id) FROM forum_conversation_post")[0][0]
