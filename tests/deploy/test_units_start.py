"""The web and worker units' own commands start the site against PostgreSQL and Redis (CI's second run)."""

import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from tests.deploy.test_deploy_files import ROOT, unit

# The test database must exist: on PostgreSQL its migrated tables are committed, so the servers see them.
pytestmark = pytest.mark.django_db


def unit_command(name: str, *, port: int) -> list[str]:
    """The unit's ExecStart, with this checkout's virtual environment, a free port and two web workers."""
    command = []
    for argument in shlex.split(unit(name)["Service"]["ExecStart"]):
        argument = argument.replace("/srv/territoires/.venv/bin/", f"{Path(sys.executable).parent}/")
        command.append({"8000": str(port), "4": "2"}.get(argument, argument))
    return command


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_web_and_worker_units_start_against_postgresql_and_redis(tmp_path):
    """uvicorn answers the login page and the task worker keeps running, both as their units start them."""
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip("Runs when DATABASE_URL is PostgreSQL and REDIS_URL is set (CI's second run, .ci/run).")
    database = connection.settings_dict
    credentials = quote(database["USER"] or "") + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    environment = {
        **{name: value for name, value in os.environ.items() if name != "TASKS_BACKEND"},
        "DATABASE_URL": f"postgres://{credentials}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}",
        # Production settings: the tests' own settings would run tasks in-process, which db_worker refuses.
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_MANIFEST": "0",
    }
    port = free_port()
    processes = [
        subprocess.Popen(unit_command(name, port=port), cwd=ROOT, env=environment)  # noqa: S603
        for name in ("territoires-web.service", "territoires-worker.service")
    ]
    try:
        deadline, status = time.monotonic() + 60, None
        while status is None and time.monotonic() < deadline:
            assert all(process.poll() is None for process in processes), "a unit's process exited"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/connexion/", timeout=5) as response:  # noqa: S310
                    status = response.status
            except OSError:
                time.sleep(0.5)
        assert status == 200
        assert processes[1].poll() is None, "the task worker stopped"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
