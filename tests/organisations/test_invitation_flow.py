"""Following an invitation link, as the invited person (or someone else) sees it in French."""

import html
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from extranet.organisations import services
from extranet.organisations.models import Invitation, Membership, Role
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.organisations.factories import invitation

pytestmark = pytest.mark.django_db

EMAIL = "claire.martin@jargeau.test"
PASSWORD = "loire-en-crue-1856"


def text(response):
    """The page as a reader sees it (entities decoded)."""
    return html.unescape(response.content.decode())


@pytest.fixture
def invited(commune, admin):
    """A pending invitation of Claire Martin to Jargeau as editor, with the token of its link."""
    return invitation(commune, email=EMAIL, role="editor", invited_by=admin)


@pytest.fixture
def link(invited):
    return reverse("organisations:invitation_accept", args=[invited[1]])


def signup_data(**overrides):
    return {"first_name": "Claire", "last_name": "Martin", "password1": PASSWORD, "password2": PASSWORD, **overrides}


# A newcomer


def test_a_newcomer_creates_an_account_and_joins(client, commune, link):
    """The newcomer fills in the form, lands logged in on the dashboard, welcomed in French, and reaches the space."""
    page = client.get(link)
    assert page.status_code == 200
    assert "Rejoindre Jargeau" in text(page)
    assert "Créez votre compte" in text(page)

    response = client.post(link, signup_data(), follow=True)

    assert response.redirect_chain == [(reverse("core:dashboard"), 302)]
    assert response.context["user"].is_authenticated
    assert response.context["user"].email == EMAIL
    assert "Bienvenue dans Jargeau !" in text(response)
    user = get_user_model().objects.get(email=EMAIL)
    assert (user.first_name, user.last_name) == ("Claire", "Martin")
    assert Membership.objects.get(user=user, organisation=commune).role == Role.EDITOR
    assert client.get(commune.space_page.url).status_code == 200


def test_a_used_link_cannot_create_a_second_account(client, link):
    """Once the newcomer has joined, the same link only explains that it has been used."""
    client.post(link, signup_data())
    client.logout()

    response = client.post(link, signup_data(first_name="Pirate"))

    assert response.status_code == 410
    assert "Cette invitation a déjà été utilisée." in text(response)
    assert get_user_model().objects.filter(email=EMAIL).count() == 1


def assert_nothing_created_and_link_usable(client, link, invited):
    assert not get_user_model().objects.filter(email=EMAIL).exists()
    assert not Membership.objects.filter(user__email=EMAIL).exists()
    assert Invitation.objects.get(pk=invited[0].pk).is_pending
    retry = client.post(link, signup_data())
    assert retry.status_code == 302
    assert Membership.objects.filter(user__email=EMAIL).exists()


def test_a_mismatched_password_confirmation_is_refused(client, link, invited):
    """Two different passwords get a French error; no account is created and the link still works."""
    response = client.post(link, signup_data(password2=PASSWORD + "x"))

    assert response.status_code == 200
    assert response.context["signup_form"].errors["password2"] == ["Les deux mots de passe sont différents."]
    assert "Les deux mots de passe sont différents." in text(response)
    assert_nothing_created_and_link_usable(client, link, invited)


def test_a_weak_password_is_refused(client, link, invited):
    """A short, common password gets Django's French errors; no account is created and the link still works."""
    response = client.post(link, signup_data(password1="azerty", password2="azerty"))

    assert response.status_code == 200
    errors = response.context["signup_form"].errors["password1"]
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères." in errors
    assert "Ce mot de passe est trop courant." in errors
    assert_nothing_created_and_link_usable(client, link, invited)


def test_a_password_resembling_the_name_is_refused(client, link, invited):
    """A password close to the person's first name is refused in French."""
    response = client.post(link, signup_data(first_name="Marguerite", password1="Marguerite1", password2="Marguerite1"))

    assert response.status_code == 200
    assert any("trop semblable" in error for error in response.context["signup_form"].errors["password1"])
    assert not get_user_model().objects.filter(email=EMAIL).exists()


# Someone who already has an account


def test_someone_with_an_account_is_asked_to_log_in_then_accepts(client, commune, link):
    """The page offers no sign-up but a login link that comes back to the invitation, which then joins them."""
    user = UserFactory(email=EMAIL)

    page = client.get(link)

    assert page.status_code == 200
    assert "Un compte utilise déjà cette adresse : connectez-vous pour accepter l'invitation." in text(page)
    assert "signup_form" not in page.context
    login_url = page.context["login_url"]
    assert login_url == f"{reverse('accounts:login')}?next={link.replace('/', '%2F')}"
    assert client.post(link, signup_data()).status_code == 200
    assert get_user_model().objects.filter(email=EMAIL).count() == 1

    logged_in = client.post(login_url, {"username": EMAIL, "password": DEFAULT_PASSWORD})

    assert logged_in.status_code == 302
    assert logged_in["Location"] == link
    confirmation = client.get(link)
    assert "Accepter l'invitation" in text(confirmation)

    response = client.post(link, follow=True)

    assert response.redirect_chain == [(commune.space_page.url, 302)]
    assert response.status_code == 200
    assert "Bienvenue dans Jargeau !" in text(response)
    assert Membership.objects.get(user=user, organisation=commune).role == Role.EDITOR


def test_the_wrong_logged_in_user_cannot_accept(client, commune, link, outsider, invited):
    """Someone logged in with another address gets the French explanation and no membership."""
    client.force_login(outsider)

    response = client.post(link)

    assert response.status_code == 200
    assert (
        "Cette invitation a été envoyée à une autre adresse e-mail. Connectez-vous avec cette adresse pour l'accepter."
        in text(response)
    )
    assert not Membership.objects.filter(user=outsider, organisation=commune).exists()
    assert Invitation.objects.get(pk=invited[0].pk).is_pending


# Links that cannot be used


def use(invited):
    services.invitation_accept(token=invited[1], user=UserFactory(email=EMAIL))


def expire(invited):
    Invitation.objects.filter(pk=invited[0].pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def revoke(invited):
    services.invitation_revoke(invitation=invited[0])


@pytest.mark.parametrize(
    ("spoil", "explanation"),
    [
        (use, "Cette invitation a déjà été utilisée."),
        (expire, "Cette invitation a expiré. Demandez-en une nouvelle à l'administrateur de l'organisation."),
        (revoke, "Cette invitation a été retirée par l'organisation."),
    ],
    ids=["used", "expired", "revoked"],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unusable_link_is_explained_with_410(spoil, explanation, method, client, link, invited):
    """A used, expired or withdrawn link answers 410 Gone with the French reason and creates nothing."""
    spoil(invited)
    accounts = get_user_model().objects.count()

    response = getattr(client, method)(link, signup_data(first_name="Pirate"))

    assert response.status_code == 410
    page = text(response)
    assert "Cette invitation ne peut pas être utilisée" in page
    assert explanation in page
    assert "Créez votre compte" not in page
    assert get_user_model().objects.count() == accounts
    assert not get_user_model().objects.filter(first_name="Pirate").exists()


def test_an_unknown_link_is_explained_with_410(client, invited):
    """A made-up token answers 410 with the French reason."""
    response = client.get(reverse("organisations:invitation_accept", args=["jeton-invente"]))

    assert response.status_code == 410
    assert "Ce lien d'invitation n'est pas valide." in text(response)


def test_an_expired_link_is_refused_even_to_the_invited_person(client, commune, link, invited):
    """The invited person, logged in, cannot join through an expired link."""
    user = UserFactory(email=EMAIL)
    expire(invited)
    client.force_login(user)

    response = client.post(link)

    assert response.status_code == 410
    assert not Membership.objects.filter(user=user, organisation=commune).exists()
