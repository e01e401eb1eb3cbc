"""Who reaches which address of a private space: every space URL answers 404 to outsiders, like a missing one.

The list of space URLs is read from the `organisations` namespace, so a URL added later is covered (and the
test fails until ACCESS says who may use it).
"""

from dataclasses import dataclass

import pytest
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from extranet.organisations.models import Invitation, Membership, Organisation
from tests.organisations.factories import invitation, membership, space_article

pytestmark = pytest.mark.django_db

MISSING_SLUG = "nexiste-pas"
ATTACK_DATA = {"role": "admin", "email": "pirate@exemple.test", "require_two_factor": "on"}


@dataclass(frozen=True)
class Access:
    """The methods a space URL answers (others get 405 from everyone) and the least role that may use it."""

    methods: tuple[str, ...]
    minimum: str  # "member" or "admin"


# Every URL of the namespace that takes a slug must be listed here.
ACCESS = {
    "member_list": Access(("GET", "POST"), "member"),
    "invitation_create": Access(("POST",), "admin"),
    "membership_role": Access(("POST",), "admin"),
    # Aimed at someone else's membership; leaving (one's own membership) is tested apart.
    "membership_remove": Access(("GET", "POST"), "admin"),
    "invitation_resend": Access(("POST",), "admin"),
    "invitation_revoke": Access(("POST",), "admin"),
    "settings": Access(("GET", "POST"), "admin"),
}

# Until it is listed, a new URL is tested as the strictest kind: admin-only, answering GET and POST.
UNLISTED = Access(("GET", "POST"), "admin")


def access(name):
    return ACCESS.get(name, UNLISTED)


# How to fill each URL parameter, from a Space (below); a parameter missing here fails the tests.
ARGUMENTS = {
    "slug": lambda space: space.organisation.slug,
    "membership_id": lambda space: space.target_membership.pk,
    "invitation_id": lambda space: space.invitation.pk,
}


def _patterns(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern


def _space_patterns():
    """(name, parameters) of every URL of the `organisations` namespace that takes a slug."""
    _prefix, resolver = get_resolver().namespace_dict["organisations"]
    found = {}
    for pattern in _patterns(resolver):
        parameters = frozenset(pattern.pattern.regex.groupindex)
        if "slug" in parameters:
            found[pattern.name or f"<unnamed {pattern.pattern}>"] = parameters
    return found


SPACE_PATTERNS = _space_patterns()
SPACE_URL_NAMES = sorted(SPACE_PATTERNS)
ADMIN_ONLY = [name for name in SPACE_URL_NAMES if access(name).minimum == "admin"]
ID_URL_NAMES = [name for name in SPACE_URL_NAMES if SPACE_PATTERNS[name] - {"slug"}]


@dataclass
class Space:
    organisation: Organisation
    admin: object
    editor: object
    member: object
    target_membership: Membership
    invitation: Invitation
    article: object

    def url(self, name, *, slug=None, **overrides):
        kwargs = {parameter: ARGUMENTS[parameter](self) for parameter in SPACE_PATTERNS[name]}
        kwargs.update(overrides)
        if slug is not None:
            kwargs["slug"] = slug
        return reverse(f"organisations:{name}", kwargs=kwargs)


def build_space(organisation):
    admin = membership(organisation, role="admin").user
    editor = membership(organisation, role="editor").user
    member = membership(organisation, role="member").user
    target = membership(organisation, role="member")
    pending, _token = invitation(organisation, email=f"invitee@{organisation.slug}.test", invited_by=admin)
    article = space_article(organisation.space_page)
    return Space(organisation, admin, editor, member, target, pending, article)


@pytest.fixture
def space(commune):
    """Jargeau with an admin, an editor, two members, a pending invitation and a published article."""
    return build_space(commune)


@pytest.fixture
def elsewhere(other_commune):
    """Darvoy, set up the same way; its admin is the attacker of most tests."""
    return build_space(other_commune)


@pytest.fixture
def fixed_csrf(monkeypatch):
    """Make CSRF tokens deterministic, so that two pages can be compared byte for byte."""
    monkeypatch.setattr("django.middleware.csrf._get_new_csrf_string", lambda: "t" * 32)


def delete_space(space):
    """Delete the organisation and its pages (space and public sections), so that its addresses now lead nowhere."""
    for page in Page.objects.filter(depth__gt=2).specific():
        if getattr(page, "organisation_id", None) == space.organisation.pk:
            page.delete()
    Membership.objects.filter(organisation=space.organisation).delete()
    Organisation.objects.filter(pk=space.organisation.pk).delete()


def state():
    """Everything an attacking request could have changed."""
    return {
        "memberships": sorted(Membership.objects.values_list("pk", "organisation_id", "user_id", "role")),
        "invitations": sorted(Invitation.objects.values_list("pk", "email", "revoked_at", "accepted_at")),
        "settings": sorted(Organisation.objects.values_list("pk", "require_two_factor")),
        "e-mails": len(mail.outbox),
    }


def send(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, ATTACK_DATA)


def cases(names, *, answered=True):
    """(name, method) pairs: the methods each URL answers, those it refuses (answered=False), or all (None)."""
    return [
        pytest.param(name, method, id=f"{name}-{method}")
        for name in names
        for method in ("GET", "POST")
        if answered is None or (method in access(name).methods) == answered
    ]


def space_pages(space, *, slug=None):
    """The space's Wagtail pages: its home and a published article."""
    slug = slug or space.organisation.slug
    return {"space": f"/espaces/{slug}/", "article": f"/espaces/{slug}/{space.article.slug}/"}


# The list of space URLs itself


def test_space_urls_are_found():
    """The namespace is read correctly: the known space URLs are among those found."""
    assert {"member_list", "invitation_create", "settings"} <= set(SPACE_URL_NAMES)


@pytest.mark.parametrize("name", SPACE_URL_NAMES)
def test_every_space_url_can_be_built_and_has_an_access_rule(name):
    """A new space URL must be named, have a known way to fill each parameter and say who may use it."""
    assert not name.startswith("<unnamed"), f"{name}: name it so that it can be reversed and tested"
    assert SPACE_PATTERNS[name] <= set(ARGUMENTS), f"{name}: no way to build {SPACE_PATTERNS[name] - set(ARGUMENTS)}"
    assert name in ACCESS, f"{name}: declare in ACCESS which methods it answers and who may use it"


def test_no_access_rule_is_stale():
    """Every URL named in ACCESS still exists."""
    assert set(ACCESS) <= set(SPACE_URL_NAMES)


# Anonymous visitors


@pytest.mark.parametrize(("name", "method"), cases(SPACE_URL_NAMES, answered=None))
def test_an_anonymous_visitor_is_sent_to_the_login_page(name, method, client, space):
    """Without a session, every space URL asks to log in (and comes back afterwards), changing nothing."""
    url = space.url(name)
    before = state()

    response = send(client, method, url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    assert state() == before


@pytest.mark.parametrize("page", ["space", "article"])
def test_an_anonymous_visitor_of_a_space_page_is_sent_to_the_login_page(page, client, space):
    """The space page and its articles ask anonymous visitors to log in."""
    url = space_pages(space)[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


# Members of another organisation


@pytest.mark.parametrize(("name", "method"), cases(SPACE_URL_NAMES))
def test_a_member_of_another_organisation_gets_404(name, method, client, space, elsewhere, fixed_csrf):
    """An admin of Darvoy gets from Jargeau's URLs, changing nothing, the very page they give once Jargeau is gone."""
    client.force_login(elsewhere.admin)
    url = space.url(name)
    before = state()

    forbidden = send(client, method, url)
    assert state() == before
    delete_space(space)
    missing = send(client, method, url)

    assert forbidden.status_code == 404
    assert missing.status_code == 404
    assert forbidden.content == missing.content


@pytest.mark.parametrize(("name", "method"), cases(SPACE_URL_NAMES))
def test_a_missing_space_is_404(name, method, client, space):
    """A slug that names no organisation gets 404, even for a logged-in member of another space."""
    client.force_login(space.admin)

    response = send(client, method, space.url(name, slug=MISSING_SLUG))

    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method"), cases(SPACE_URL_NAMES, answered=False))
def test_a_method_a_url_does_not_answer_reveals_nothing(name, method, client, space, elsewhere):
    """Where a URL refuses the method (405), it refuses it alike to everyone, before looking the space up."""
    client.force_login(elsewhere.admin)

    forbidden = send(client, method, space.url(name))
    missing = send(client, method, space.url(name, slug=MISSING_SLUG))
    allowed = send(client, method, elsewhere.url(name))

    assert forbidden.status_code == missing.status_code == allowed.status_code == 405


@pytest.mark.parametrize(("name", "method"), cases(ID_URL_NAMES))
def test_an_admin_cannot_reach_another_organisations_objects_through_their_own_space(
    name, method, client, space, elsewhere
):
    """An admin of Darvoy using Darvoy's slug with Jargeau's membership or invitation ids gets 404, changing nothing."""
    client.force_login(elsewhere.admin)
    url = space.url(name, slug=elsewhere.organisation.slug)
    before = state()

    response = send(client, method, url)

    assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("page", ["space", "article"])
def test_a_logged_in_non_member_gets_the_404_of_a_missing_space(page, method, client, space, elsewhere, fixed_csrf):
    """The space page and its article answer a non-member with the 404 page they give once the space is gone."""
    client.force_login(elsewhere.admin)
    url = space_pages(space)[page]

    forbidden = send(client, method, url)
    delete_space(space)
    missing = send(client, method, url)

    assert forbidden.status_code == 404
    assert missing.status_code == 404
    assert forbidden.content == missing.content
    assert space.organisation.name.encode() not in forbidden.content
    assert space.article.title.encode() not in forbidden.content


# Members of the organisation


@pytest.mark.parametrize(
    "name", [name for name in SPACE_URL_NAMES if access(name).minimum == "member" and "GET" in access(name).methods]
)
@pytest.mark.parametrize("who", ["member", "editor", "admin"])
def test_members_open_the_pages_members_may_see(name, who, client, space):
    """Every member, whatever their role, opens the space's member pages."""
    client.force_login(getattr(space, who))

    response = client.get(space.url(name))

    assert response.status_code == 200


@pytest.mark.parametrize("page", ["space", "article"])
@pytest.mark.parametrize("who", ["member", "editor", "admin"])
def test_members_open_the_space_page_and_its_articles(page, who, client, space):
    """Every member reads the space home and its articles."""
    client.force_login(getattr(space, who))

    response = client.get(space_pages(space)[page])

    assert response.status_code == 200
    assert space.article.title in response.text


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("page", ["space", "article"])
def test_a_missing_space_page_is_404(page, method, client, space):
    """A member asking for a space that does not exist gets 404."""
    client.force_login(space.member)

    response = send(client, method, space_pages(space, slug=MISSING_SLUG)[page])

    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method"), cases(ADMIN_ONLY))
@pytest.mark.parametrize("who", ["member", "editor"])
def test_a_non_admin_member_gets_404_for_admin_urls(name, method, who, client, space, fixed_csrf):
    """Members and editors get from admin-only URLs, changing nothing, the page they give once the space is gone."""
    client.force_login(getattr(space, who))
    url = space.url(name)
    before = state()

    forbidden = send(client, method, url)
    assert state() == before
    delete_space(space)
    missing = send(client, method, url)

    assert forbidden.status_code == 404
    assert forbidden.content == missing.content


@pytest.mark.parametrize(("name", "method"), cases(SPACE_URL_NAMES))
def test_the_organisations_admin_reaches_every_space_url(name, method, client, space):
    """The admin is not turned away by any space URL, so the 404s above come from the permission checks."""
    client.force_login(space.admin)

    response = send(client, method, space.url(name))

    assert response.status_code not in (403, 404, 405)
    if method == "GET":
        assert response.status_code == 200


def test_a_member_may_open_the_page_to_leave(client, space):
    """A plain member opens the confirmation page for their own membership."""
    own = Membership.objects.get(user=space.member, organisation=space.organisation)
    client.force_login(space.member)

    response = client.get(space.url("membership_remove", membership_id=own.pk))

    assert response.status_code == 200


def test_an_outsider_cannot_open_the_leave_page_of_a_member(client, space, elsewhere):
    """The leave page of a Jargeau member is 404 for a Darvoy admin."""
    own = Membership.objects.get(user=space.member, organisation=space.organisation)
    client.force_login(elsewhere.admin)

    response = client.get(space.url("membership_remove", membership_id=own.pk))

    assert response.status_code == 404
