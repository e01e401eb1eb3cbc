import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

PRODUCTION_ENVIRONMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "territoires.example.fr",
}


# Variables that config.test_settings sets for the test process and that a real deployment would not.
TEST_ONLY_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "STATIC_MANIFEST",
}


def _manage(*args, extra_env=None):
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    environment.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    """`manage.py check --deploy` reports no warning with DEBUG off and the production variables set."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _python(code, extra_env):
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    environment.update(extra_env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("entry_point", ["config.asgi", "config.wsgi"])
@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_a_server_refuses_to_start_without_its_production_variables(entry_point, variable):
    """With DEBUG off, the ASGI and WSGI applications stop at start when a variable without default is unset."""
    environment = {key: value for key, value in PRODUCTION_ENVIRONMENT.items() if key != variable}

    result = _python(f"import {entry_point}", environment)

    assert result.returncode != 0
    assert f"Set the {variable} environment variable" in result.stderr


def test_check_deploy_reports_a_missing_secret_key_as_an_error():
    """`manage.py check --deploy` fails, naming SECRET_KEY, when it is unset with DEBUG off."""
    environment = {key: value for key, value in PRODUCTION_ENVIRONMENT.items() if key != "SECRET_KEY"}

    result = _manage("check", "--deploy", extra_env=environment)

    assert result.returncode != 0
    assert "core.E001" in result.stderr and "SECRET_KEY is not set" in result.stderr


def test_a_secret_key_is_never_defaulted_in_production():
    """Without SECRET_KEY and DEBUG off, anything that needs the key (here a signature) is refused."""
    code = "import django; django.setup(); from django.core import signing; signing.dumps('x')"

    result = _python(code, {"DEBUG": "0", "DJANGO_SETTINGS_MODULE": "config.settings"})

    assert result.returncode != 0
    assert "SECRET_KEY setting must not be empty" in result.stderr


def test_makemigrations_check_needs_no_production_variables():
    """A fresh clone checks its migrations without any secret, as the developers' hooks do."""
    result = _manage("makemigrations", "--check", "--dry-run", extra_env={"DEBUG": "0"})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_a_wildcard_allowed_host_is_refused():
    """ALLOWED_HOSTS=* is refused, since it would disable the WebSocket Origin check."""
    result = _manage("check", extra_env={**PRODUCTION_ENVIRONMENT, "ALLOWED_HOSTS": "*"})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_cookies_are_secure():
    """With DEBUG off, session, CSRF and language cookies are marked Secure and HSTS is on."""
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = _manage("shell", "--no-imports", "-c", code, extra_env=PRODUCTION_ENVIRONMENT)
    assert result.stdout.split() == ["True", "True", "True", "True"], result.stderr


def test_production_indexes_through_the_queue():
    """The real settings queue every indexed save on the `search` queue (the tests connect it on demand)."""
    code = (
        "from django.conf import settings as s;"
        "print(s.HAYSTACK_SIGNAL_PROCESSOR, 'search' in s.TASKS['default']['QUEUES'])"
    )
    result = _manage("shell", "--no-imports", "-c", code, extra_env=PRODUCTION_ENVIRONMENT)
    assert result.stdout.split() == ["extranet.search.signals.QueuedSignalProcessor", "True"], result.stderr


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    """The embedded database uses WAL and IMMEDIATE transactions, so concurrent writers wait instead of failing."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings only")
    database = tmp_path / "wal.sqlite3"
    code = (
        "from django.db import connection; cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode');"
        "print(cursor.fetchone()[0], connection.transaction_mode)"
    )
    result = _manage(
        "shell", "--no-imports", "-c", code, extra_env={"DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}"}
    )
    assert result.stdout.split() == ["wal", "IMMEDIATE"], result.stderr


def test_the_development_cache_keeps_a_thousand_entries():
    """In local memory, the fragments of a few dozen members stay cached: none is thrown away to make room."""
    if not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        pytest.skip("Redis keeps its entries until its own memory limit")
    cache.set_many({f"entry-{index}": index for index in range(1000)})

    assert len(cache.get_many([f"entry-{index}" for index in range(1000)])) == 1000
