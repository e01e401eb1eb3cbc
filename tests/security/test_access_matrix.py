"""Every URL pattern taking an object, requested by anonymous, by another organisation's administrator and by the
owning organisation: the cases are in `registry.py`, a new pattern without a case or an exclusion fails here."""

import pytest
from django.db import connection, models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .registry import ADMIN, ALL_CASES, EXCLUDED, FILTERED, MARKER, MEMBERS, PRIVATE, PUBLIC, TOKEN

pytestmark = pytest.mark.django_db


def url_patterns(resolver=None, namespace=None, prefix=""):
    """(key, route) of every pattern the site serves: the key is the namespaced name, or the route if unnamed."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield (name or route), route


def exclusion_for(key):
    """The exclusion entry covering this pattern, or None."""
    if key in EXCLUDED:
        return key
    for entry in EXCLUDED:
        if entry.endswith("*") and key.startswith(entry[:-1]):
            return entry
    return None


def test_every_pattern_has_a_case_or_a_reasoned_exclusion():
    """A new URL pattern fails until it gets a case in the matrix (or an exclusion with its reason)."""
    keys = {key for key, _route in url_patterns()}
    missing = sorted(key for key in keys if key not in ALL_CASES and exclusion_for(key) is None)
    stale = sorted(set(ALL_CASES) - keys)
    used = {exclusion_for(key) for key in keys if key not in ALL_CASES}
    unused = sorted(set(EXCLUDED) - used)
    blank = sorted(entry for entry, reason in EXCLUDED.items() if not reason.strip())
    assert not missing, f"URL patterns without a case in tests/security/registry.py: {missing}"
    assert not stale, f"Cases of patterns that no longer exist: {stale}"
    assert not unused, f"Exclusions matching no pattern: {unused}"
    assert not blank, f"Exclusions without a reason: {blank}"


class _Rollback(Exception):
    pass


class _Recorder:
    """The world, noting which of its objects a case's URL is built from: those are what a POST could change."""

    def __init__(self, world):
        self._world, self.used = world, []

    def __getattr__(self, name):
        value = getattr(self._world, name)
        if isinstance(value, models.Model):
            self.used.append(value)
        return value


def _fingerprint(objects, world):
    """The stored state of these objects, and how many rows each model of the world holds (a POST creating or
    deleting anything of the world's kinds shows)."""
    state = {}
    by_model = {}
    for item in objects:
        by_model.setdefault(type(item), set()).add(item.pk)
    for model, pks in by_model.items():
        for row in model._base_manager.filter(pk__in=pks).values():
            state[(model._meta.label, row[model._meta.pk.attname])] = row
    tables = sorted({type(value)._meta.db_table for value in vars(world).values() if isinstance(value, models.Model)})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:  # one query for every count
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))  # noqa: S608
        state.update(zip(tables, cursor.fetchone(), strict=True))
    return state


def _is_login_redirect(response):
    location = response.get("Location", "")
    return response.status_code == 302 and ("connexion" in location or "login" in location)


def _body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def _request(client, case, url, world, *, targets=()):
    """The response (status, body, changed targets) of one request, whose writes are rolled back."""
    data = case.data(world) if callable(case.data) else case.data
    check_unchanged = bool(targets)
    outcome = {}
    try:
        with transaction.atomic():
            before = _fingerprint(targets, world) if check_unchanged else None
            response = getattr(client, case.method)(url, data)
            outcome["status"], outcome["body"] = response.status_code, _body(response)
            outcome["login"] = _is_login_redirect(response)
            if check_unchanged:
                after = _fingerprint(targets, world)
                outcome["changed"] = sorted(str(key) for key in before if before[key] != after[key])
            raise _Rollback
    except _Rollback:
        pass
    return outcome


def _url(case, world, *, forged=False, name):
    """The case's URL, built from the world (a `_Recorder` notes which objects)."""
    if case.args is not None:
        return reverse(name, args=case.args(world))
    return reverse(name, kwargs=(case.forged if forged else case.kwargs)(world))


def _check(name, case, world, clients):  # noqa: C901, PLR0912 - one rule per kind, read top to bottom
    """The failures of one case, as (pattern, role, what happened)."""
    failures = []
    recorder = _Recorder(world)
    real = _url(case, recorder, name=name)
    targets = recorder.used if case.method == "post" else ()
    intruders = {"anonymous": clients["anonymous"], "outsider": clients["outsider"]}
    for role, client in intruders.items():
        url = _url(case, world, forged=True, name=name) if case.kind == TOKEN else real
        if case.kind == PUBLIC:
            got = _request(client, case, url, world)
            if got["status"] != 200:
                failures.append((name, role, f"{got['status']} (expected 200)"))
            continue
        got = _request(client, case, url, world, targets=targets)
        status, denied = got["status"], got["status"] == 404 or (role == "anonymous" and got["login"])
        if case.kind == TOKEN and status != case.forged_status and not (role == "anonymous" and got["login"]):
            failures.append((name, role, f"{status} with a forged token (expected {case.forged_status})"))
        elif case.kind == PRIVATE and not denied:
            failures.append((name, role, f"{status} (expected 404{' or login' if role == 'anonymous' else ''})"))
        elif case.kind == MEMBERS and role == "outsider" and status != 200:
            failures.append((name, role, f"{status} (expected 200: every member may)"))
        elif case.kind == MEMBERS and role == "anonymous" and not denied:
            failures.append((name, role, f"{status} (expected 404 or login)"))
        elif case.kind == ADMIN and status == 200:
            failures.append((name, role, "200 on another organisation's object in the admin"))
        elif case.kind == FILTERED and status >= 500:
            failures.append((name, role, f"{status}"))
        if MARKER in got["body"] and case.kind != MEMBERS:
            failures.append((name, role, f"{status} showing the private object ({MARKER})"))
        if got.get("changed"):
            failures.append((name, role, f"{status} and changed {got['changed']}"))
    owner = clients[case.owner] if case.owner else clients["anonymous"]
    got = _request(owner, case, real, world)
    status, expected = got["status"], case.owner_status
    if expected is not None:
        if status != expected:
            failures.append((name, f"owner {case.owner}", f"{status} (expected {expected})"))
    elif case.method == "post":
        if status == 404 or status >= 500:
            failures.append((name, f"owner {case.owner}", f"{status} (expected the action)"))
    elif status != 200:
        failures.append((name, f"owner {case.owner}", f"{status} (expected 200)"))
    elif case.shows_marker and MARKER not in got["body"]:
        failures.append((name, f"owner {case.owner}", f"200 without the object ({MARKER}): the case tests nothing"))
    return failures


@pytest.fixture(scope="module")
def clients(world, django_db_blocker):
    """One logged-in client per person of the world, logged in once."""
    with django_db_blocker.unblock():
        logged = {"anonymous": Client()}
        cases = [case for value in ALL_CASES.values() for case in (value if isinstance(value, tuple) else (value,))]
        for role in {case.owner for case in cases if case.owner} | {"outsider"}:
            logged[role] = Client()
            logged[role].force_login(getattr(world, role))
        yield logged


def test_cross_organisation_matrix(world, clients):
    """Another organisation's administrator and anonymous get a 404 (or the login) on Jargeau's private objects,
    never a 200 in the admin, and change nothing; Jargeau's people get their pages."""
    failures = []
    for name, cases in ALL_CASES.items():
        for case in cases if isinstance(cases, tuple) else (cases,):
            try:
                failures += _check(name, case, world, clients)
            except Exception as error:  # noqa: BLE001 - one broken case must not hide the others' results
                failures.append((name, "-", f"{type(error).__name__}: {error}"))
    report = "\n".join(f"{name:55} {role:22} {what}" for name, role, what in failures)
    assert not failures, f"{len(failures)} failures of the access matrix:\n{report}"
