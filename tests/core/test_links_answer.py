"""Every link the pages show leads somewhere: a visitor and a member follow the demo site's links two clicks deep."""

import re
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
# Links that leave the site's pages or end the session; the admin has its own tests.
SKIPPED = ("/admin/", "/deconnexion/", "/static/", "/media/", "/documents/")


def links(page: str) -> set[str]:
    found = set()
    for href in HREF.findall(page):
        url, _ = urldefrag(unescape(href))
        parts = urlsplit(url)
        if url and not parts.scheme and not parts.netloc and url.startswith("/") and not url.startswith(SKIPPED):
            found.add(url)
    return found


def broken_links(client, start: str, depth: int = 2, limit: int = 600) -> dict[str, tuple[int, str]]:
    """Follow the links from `start`, breadth first: each URL that answers neither 200 nor a redirect, with where."""
    seen, broken, frontier = {start}, {}, [(start, "")]
    for _ in range(depth + 1):
        following = []
        for url, found_on in frontier:
            response = client.get(url)
            if response.status_code not in (200, 302):
                broken[url] = (response.status_code, found_on)
                continue
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            for link in sorted(links(response.content.decode())):
                if link not in seen and len(seen) < limit:
                    seen.add(link)
                    following.append((link, url))
        frontier = following
    return broken


def test_a_visitor_meets_no_broken_link(client):
    """From the home page, every public page's links answer: indexes, sections, feeds, open-data files."""
    assert broken_links(client, "/") == {}


@pytest.mark.parametrize("email", ["marie.dupont@jargeau.test", "claire.bernard@loiret.test"])
def test_a_member_meets_no_broken_link(client, email):
    """From the dashboard, every link a member is shown answers (shared items included)."""
    client.force_login(get_user_model().objects.get(email=email))

    assert broken_links(client, "/tableau-de-bord/", depth=3, limit=1500) == {}
