"""Fixtures of the browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page runs offline: any request that does not go to the live server is aborted and recorded, and the
test fails at teardown if one was attempted (no CDN, no web font, no analytics). axe-core is injected from
node_modules (installed by `make browser-deps`), never fetched.
"""

import os
from pathlib import Path

import pytest

from tests.accounts.factories import DEFAULT_PASSWORD

# Playwright's sync API runs an event loop in the test's thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"Chromium is not installed at {CHROMIUM} (`make browser-deps` installs it): browser tests skipped.",
        allow_module_level=True,
    )


@pytest.fixture(scope="session")
def browser():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread. asgiref's Local, which holds Django's
    # connections, then switches to context-variable storage and Django would open a second connection, one
    # without the test database's serialized contents (so `serialized_rollback` would silently restore nothing
    # once another test file has used the database first). Keep the same connection objects in both storages.
    wrappers = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, wrapper in wrappers.items():
        connections[alias] = wrapper
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in fresh French contexts that may only reach the live server; fail if anything else was tried."""
    contexts = []
    blocked = []

    def route(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    def open_page(*, width=1280, height=800):
        context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        context.route("**/*", route)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    assert not blocked, f"The pages tried to reach other hosts than the live server: {blocked}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def axe():
    """Run axe-core (WCAG 2.1 A and AA) on a page; return its violations in a readable form."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci --no-audit --no-fund`.")

    def run(page):
        # Evaluated through the DevTools protocol: a <script> tag (add_script_tag) is inline, so our CSP blocks it.
        page.evaluate(AXE_SCRIPT.read_text())
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"][:5]],
                "summary": violation["nodes"][0].get("failureSummary", "") if violation["nodes"] else "",
            }
            for violation in results["violations"]
        ]

    return run


@pytest.fixture
def log_in(live_server):
    """Log a user in through the real login form and wait for the dashboard."""

    def run(page, user, password=DEFAULT_PASSWORD):
        page.goto(f"{live_server.url}/connexion/")
        page.get_by_label("Adresse e-mail").fill(user.email)
        page.get_by_label("Mot de passe").fill(password)
        page.get_by_role("main").get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{live_server.url}/tableau-de-bord/")

    return run
