"""The strict Content-Security-Policy in Chromium: our pages raise no violation, their JavaScript still works, and
the hostile content of tests/security/web/world.py runs nowhere."""

import pytest

from tests.accounts.factories import DEFAULT_PASSWORD
from tests.security.web import world

# serialized_rollback: see test_accessibility.py.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs before any script of each page: records CSP violations, and what a payload would do if it ran.
RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', event => {
    window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
window.xss = function () { window.__xss = 1; };
"""

# Fires the events that payloads wait for on every element of the page's main content.
PROVOKE = """() => document.querySelectorAll('main *').forEach(element => {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle', 'error', 'load']) {
        element.dispatchEvent(new Event(type, {bubbles: false}));
    }
})"""

# Pages whose header search box must still complete (static/js/search-suggest.js) under the policy.
PAGES = ["/", "/communiques/", "/agenda/mois/2027/1/", "/tableau-de-bord/"]
# Pages of the hostile world opened in the browser (the server-side test looks at all of them); not the document
# page, whose PDF viewer is a Chromium extension that the offline fixture refuses to load.
HOSTILE = [
    "/annonces/",
    "/agenda/evenement/",
    "/messages/",
    "/communiques/jargeau/",
    "/topic/",
    "/annuaire/organisations/",
]


def test_pages_run_their_scripts_under_the_policy_and_no_payload(new_page, live_server):
    """Key pages and pages full of payloads: no CSP violation, the search box's completion works, nothing runs."""
    hostile = world.build()
    hostile_pages = [url for url in hostile["pages"] if any(part in url for part in HOSTILE) and url not in PAGES]
    page = new_page()
    dialogs = []
    console_errors = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.add_init_script(RECORDER)

    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Adresse e-mail").fill(hostile["viewer"].email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{live_server.url}/tableau-de-bord/")

    problems = {}
    for url in PAGES + hostile_pages:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("load")
        page.evaluate(PROVOKE)
        if url in PAGES:
            # The header's completion (static/js/search-suggest.js) asks the server as one types.
            with page.expect_response(lambda response: "/recherche/suggestions/" in response.url) as suggestion:
                page.locator("#site-search-q").press_sequentially("XSS", delay=20)
            assert suggestion.value.ok
        page.wait_for_timeout(50)
        result = page.evaluate("({csp: window.__csp, xss: window.__xss})")
        if result["csp"] or result.get("xss") is not None:
            problems[url] = result
    assert problems == {}
    assert dialogs == []
    assert [error for error in console_errors if "Content Security Policy" in error] == []
