"""Managing an organisation's members through the site, as its administrator sees it (in French)."""

import html

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from extranet.organisations import services
from extranet.organisations.models import Invitation, Membership, Organisation, Role
from tests.accounts.factories import UserFactory
from tests.organisations.factories import invitation, membership

pytestmark = pytest.mark.django_db

LAST_ADMIN = "Une organisation doit garder au moins un administrateur : nommez-en un autre d'abord."


def text(response):
    """The page as a reader sees it (entities decoded)."""
    return html.unescape(response.content.decode())


def state():
    """Everything the member management pages can change."""
    return {
        "memberships": sorted(Membership.objects.values_list("pk", "user_id", "role")),
        "invitations": sorted(Invitation.objects.values_list("pk", "email", "role", "revoked_at", "accepted_at")),
        "settings": sorted(Organisation.objects.values_list("pk", "require_two_factor")),
        "e-mails": len(mail.outbox),
    }


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def member_list_url(commune):
    return reverse("organisations:member_list", args=[commune.slug])


def membership_of(user, organisation):
    return Membership.objects.get(user=user, organisation=organisation)


# Invitations


def test_an_admin_invites_someone(admin_client, commune, member_list_url):
    """The admin sees a French confirmation, the person gets the e-mail and the invitation is listed as pending."""
    response = admin_client.post(
        reverse("organisations:invitation_create", args=[commune.slug]),
        {"email": "claire.martin@jargeau.test", "role": "editor"},
        follow=True,
    )

    assert response.redirect_chain == [(member_list_url, 302)]
    page = text(response)
    assert "L'invitation a été envoyée à claire.martin@jargeau.test." in page
    assert "Invitations en attente" in page
    assert [message.to for message in mail.outbox] == [["claire.martin@jargeau.test"]]
    assert "/invitations/" in mail.outbox[0].body
    assert Invitation.objects.get().role == Role.EDITOR


def test_an_invalid_e_mail_address_is_refused(admin_client, commune):
    """A malformed address gets Django's French error; nothing is stored or sent."""
    response = admin_client.post(
        reverse("organisations:invitation_create", args=[commune.slug]),
        {"email": "claire.jargeau.test", "role": "member"},
    )

    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide." in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_over_long_e_mail_address_is_refused(admin_client, commune):
    """An address beyond 254 characters gets a French error; nothing is stored or sent."""
    email = "c" * 250 + "@jargeau.test"

    response = admin_client.post(
        reverse("organisations:invitation_create", args=[commune.slug]), {"email": email, "role": "member"}
    )

    assert response.status_code == 400
    assert "au plus 254 caractères" in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_inviting_a_member_again_is_refused(admin_client, commune, member):
    """Inviting someone who already belongs to the organisation shows the French reason; nothing is sent."""
    response = admin_client.post(
        reverse("organisations:invitation_create", args=[commune.slug]), {"email": member.email, "role": "admin"}
    )

    assert response.status_code == 400
    assert "Cette personne est déjà membre de l'organisation." in text(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_admin_sends_an_invitation_again(admin_client, admin, commune, member_list_url):
    """Sending again e-mails a new link, withdraws the old one and says so in French."""
    first, _token = invitation(commune, email="claire@jargeau.test", role="editor", invited_by=admin)

    response = admin_client.post(reverse("organisations:invitation_resend", args=[commune.slug, first.pk]), follow=True)

    assert response.redirect_chain == [(member_list_url, 302)]
    assert "Une nouvelle invitation a été envoyée à claire@jargeau.test." in text(response)
    first.refresh_from_db()
    assert first.revoked_at is not None
    pending = Invitation.objects.get(revoked_at=None)
    assert (pending.email, pending.role) == ("claire@jargeau.test", Role.EDITOR)
    assert [message.to for message in mail.outbox] == [["claire@jargeau.test"]] * 2


def test_sending_again_an_invitation_accepted_meanwhile_explains_why_not(admin_client, admin, commune):
    """If the person joined in between, sending again shows the French reason instead of failing."""
    pending, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)
    services.invitation_accept(token=token, user=UserFactory(email="claire@jargeau.test"))
    before = state()

    response = admin_client.post(
        reverse("organisations:invitation_resend", args=[commune.slug, pending.pk]), follow=True
    )

    assert response.status_code == 200
    assert "Cette personne est déjà membre de l'organisation." in text(response)
    assert state() == before


def test_an_admin_withdraws_an_invitation(admin_client, client, admin, commune, member_list_url):
    """A withdrawn invitation leaves the pending list and its link stops working."""
    pending, token = invitation(commune, email="claire@jargeau.test", invited_by=admin)

    response = admin_client.post(
        reverse("organisations:invitation_revoke", args=[commune.slug, pending.pk]), follow=True
    )

    assert response.redirect_chain == [(member_list_url, 302)]
    page = text(response)
    assert "L'invitation adressée à claire@jargeau.test a été retirée." in page
    assert "Aucune invitation n'attend de réponse." in page
    assert Invitation.objects.get(pk=pending.pk).revoked_at is not None
    client.logout()
    assert client.get(reverse("organisations:invitation_accept", args=[token])).status_code == 410


# Roles


def test_an_admin_changes_a_role(admin_client, commune, member, member_list_url):
    """Making a member editor is confirmed in French and moves them into the editors' group."""
    response = admin_client.post(
        reverse("organisations:membership_role", args=[commune.slug, membership_of(member, commune).pk]),
        {"role": "editor"},
        follow=True,
    )

    assert response.redirect_chain == [(member_list_url, 302)]
    assert f"{member.full_name} a désormais le rôle « Éditeur »." in text(response)
    assert membership_of(member, commune).role == Role.EDITOR
    assert list(member.groups.values_list("organisation_role__role", flat=True)) == [Role.EDITOR]


def test_an_unknown_role_is_refused(admin_client, commune, member):
    """A role outside the list is refused in French and changes nothing."""
    before = state()

    response = admin_client.post(
        reverse("organisations:membership_role", args=[commune.slug, membership_of(member, commune).pk]),
        {"role": "superadmin"},
        follow=True,
    )

    assert "Choisissez l'un des rôles proposés." in text(response)
    assert state() == before


def test_the_last_admin_cannot_demote_themselves(admin_client, admin, commune):
    """The only administrator choosing « Membre » for themselves gets the French explanation; nothing changes."""
    before = state()

    response = admin_client.post(
        reverse("organisations:membership_role", args=[commune.slug, membership_of(admin, commune).pk]),
        {"role": "member"},
        follow=True,
    )

    assert LAST_ADMIN in text(response)
    assert state() == before
    assert membership_of(admin, commune).role == Role.ADMIN


# Removing and leaving


def test_an_admin_removes_a_member_after_confirming(admin_client, commune, member, member_list_url):
    """The confirmation page names the member; confirming removes them and says so in French."""
    url = reverse("organisations:membership_remove", args=[commune.slug, membership_of(member, commune).pk])

    confirmation = admin_client.get(url)

    assert confirmation.status_code == 200
    assert "Retirer un membre" in text(confirmation)
    assert f"{member.full_name} n'aura plus accès à l'espace privé de Jargeau." in text(confirmation)
    assert Membership.objects.filter(user=member, organisation=commune).exists()

    response = admin_client.post(url, follow=True)

    assert response.redirect_chain == [(member_list_url, 302)]
    assert f"{member.full_name} a été retiré(e) de l'organisation." in text(response)
    assert not Membership.objects.filter(user=member, organisation=commune).exists()
    assert not member.groups.exists()


def test_a_member_leaves_by_themselves(client, commune, member):
    """A member confirms, leaves, lands on the dashboard with a French message and loses the space."""
    client.force_login(member)
    url = reverse("organisations:membership_remove", args=[commune.slug, membership_of(member, commune).pk])

    confirmation = client.get(url)

    assert "Quitter l'organisation" in text(confirmation)
    assert "Vous n'aurez plus accès à l'espace privé de Jargeau." in text(confirmation)

    response = client.post(url, follow=True)

    assert response.redirect_chain == [(reverse("core:dashboard"), 302)]
    assert "Vous avez quitté Jargeau." in text(response)
    assert not Membership.objects.filter(user=member, organisation=commune).exists()
    assert client.get(commune.space_page.url).status_code == 404


def test_the_last_admin_cannot_leave(admin_client, admin, commune, member_list_url):
    """The only administrator trying to leave gets the French explanation and stays admin."""
    before = state()

    response = admin_client.post(
        reverse("organisations:membership_remove", args=[commune.slug, membership_of(admin, commune).pk]), follow=True
    )

    assert response.redirect_chain == [(member_list_url, 302)]
    assert LAST_ADMIN in text(response)
    assert state() == before


def test_an_admin_may_leave_once_another_admin_exists(admin_client, admin, commune):
    """With a second administrator, the first may leave."""
    membership(commune, role="admin")

    admin_client.post(reverse("organisations:membership_remove", args=[commune.slug, membership_of(admin, commune).pk]))

    assert not Membership.objects.filter(user=admin, organisation=commune).exists()


# Settings


def test_an_admin_requires_two_factor_authentication(admin_client, commune):
    """Ticking the box saves the setting and confirms it in French."""
    response = admin_client.post(
        reverse("organisations:settings", args=[commune.slug]), {"require_two_factor": "on"}, follow=True
    )

    assert "Les paramètres ont été enregistrés." in text(response)
    commune.refresh_from_db()
    assert commune.require_two_factor


# Cross-site request forgery


@pytest.fixture
def csrf_targets(commune, admin, member):
    """Every state-changing POST of the member pages, aimed at real objects."""
    pending, _token = invitation(commune, email="claire@jargeau.test", invited_by=admin)
    target = membership_of(member, commune).pk
    return {
        "invitation_create": ([commune.slug], {"email": "pirate@exemple.test", "role": "admin"}),
        "invitation_resend": ([commune.slug, pending.pk], {}),
        "invitation_revoke": ([commune.slug, pending.pk], {}),
        "membership_role": ([commune.slug, target], {"role": "admin"}),
        "membership_remove": ([commune.slug, target], {}),
        "settings": ([commune.slug], {"require_two_factor": "on"}),
    }


@pytest.mark.parametrize(
    "name",
    ["invitation_create", "invitation_resend", "invitation_revoke", "membership_role", "membership_remove", "settings"],
)
def test_a_post_without_csrf_token_is_refused(name, csrf_targets, admin):
    """A forged request carrying the admin's session but no CSRF token gets 403 and changes nothing."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    args, data = csrf_targets[name]
    before = state()

    response = client.post(reverse(f"organisations:{name}", args=args), data)

    assert response.status_code == 403
    assert state() == before


def test_the_same_post_with_its_csrf_token_goes_through(commune, admin, member):
    """The CSRF check is what refuses the forged requests: with the page's token, the same request works."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    client.get(reverse("organisations:member_list", args=[commune.slug]))

    response = client.post(
        reverse("organisations:membership_role", args=[commune.slug, membership_of(member, commune).pk]),
        {"role": "editor", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )

    assert response.status_code == 302
    assert membership_of(member, commune).role == Role.EDITOR
