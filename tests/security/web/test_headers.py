"""The Content-Security-Policy and the other security headers, on pages, file downloads and exports."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE_POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "frame-src": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
    "base-uri": {"'self'"},
    "object-src": {"'none'"},
}
ADMIN_POLICY = {
    **SITE_POLICY,
    "script-src": {"'self'", "'unsafe-inline'"},
    "style-src": {"'self'", "'unsafe-inline'"},
    "img-src": {"'self'", "data:", "blob:"},
}
HSTS = "max-age=31536000; includeSubDomains; preload"


def policy(response) -> dict[str, set[str]]:
    """The response's Content-Security-Policy as {directive: sources}."""
    directives = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        directives[name] = set(sources)
    return directives


# A sample of every kind of page (test_xss.py fetches all the pages of the world).
MEMBER_PAGES = ["/", "/actes/", "/communiques/", "/aides/", "/emplois/", "/annonces/", "/annuaire/", "/messages/"]
MEMBER_PAGE_PARTS = ["/topic/", "/agenda/mois/", "/dossier/", "/recherche/", "/tableau-de-bord/", "/notifications/"]


def test_every_page_carries_the_strict_policy(client, hostile_world):
    """Public pages, members' pages, errors and the login form all forbid inline scripts, styles and framing."""
    anonymous_pages = ["/", "/connexion/", "/actes/", "/aides/", "/page-qui-n-existe-pas/"]
    for url in anonymous_pages:
        assert policy(client.get(url, secure=True)) == SITE_POLICY, url
    client.force_login(hostile_world["viewer"])
    member_pages = [
        url for url in hostile_world["pages"] if url in MEMBER_PAGES or any(part in url for part in MEMBER_PAGE_PARTS)
    ]
    assert len(member_pages) == len(MEMBER_PAGES) + len(MEMBER_PAGE_PARTS)
    for url in member_pages:
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        assert policy(response) == SITE_POLICY, url


def test_the_admin_relaxes_only_inline_scripts_and_styles(client, hostile_world):
    """Wagtail's admin gets 'unsafe-inline' for scripts and styles (and blob: images); every other directive stays."""
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    home = Page.objects.get(depth=2)
    for url in ["/admin/", "/admin/pages/", reverse("wagtailadmin_pages:edit", args=[home.pk])]:
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        assert policy(response) == ADMIN_POLICY, url


def test_security_headers_on_pages_downloads_and_exports(client, hostile_world):
    """HTML pages, library downloads, CSV/JSON exports and vCards: HSTS, nosniff, same-origin referrer, no framing."""
    client.force_login(hostile_world["viewer"])
    commune = hostile_world["commune"]
    urls = {
        "page": reverse("core:dashboard"),
        "download": reverse("documents:download", args=[hostile_world["document"].pk]),
        "JSON export": reverse("subsidies:granted_export", kwargs={"export_format": "json"}),
        "CSV export": "/aides/export.csv",
        "directory CSV": reverse("annuaire:organisation_csv", args=[commune.slug]),
        "vCards": reverse("annuaire:organisation_vcards", args=[commune.slug]),
        "autocomplete JSON": reverse("search:suggest") + "?q=xs",
    }
    for name, url in urls.items():
        response = client.get(url, secure=True)
        assert response.status_code == 200, name
        assert response["Strict-Transport-Security"] == HSTS, name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
        assert response["X-Frame-Options"] == "DENY", name
        directives = policy(response)
        assert directives.get("frame-ancestors") == {"'none'"} or "sandbox" in directives, name


def test_library_files_keep_their_empty_sandbox(client, hostile_world):
    """A downloaded library file keeps its own policy, an empty sandbox, rather than the site's."""
    client.force_login(hostile_world["viewer"])

    response = client.get(reverse("documents:download", args=[hostile_world["document"].pk]), secure=True)

    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_the_document_viewer_may_be_framed_by_our_pages_only(client, hostile_world):
    """The inline PDF of the document page is framed by the same origin only, and carries no other directive."""
    client.force_login(hostile_world["viewer"])

    response = client.get(reverse("documents:preview", args=[hostile_world["document"].pk]), secure=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response) == {"frame-ancestors": {"'self'"}}
