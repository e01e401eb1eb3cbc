"""The trainers' pages: only trainers reach them, logins are printed once, reset and delete ask for a POST."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from extranet.sandbox.models import Sandbox
from extranet.sandbox.services import sandbox_expire
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import login_post, page_text

pytestmark = pytest.mark.django_db

PASSWORD = re.compile(r"<code>([a-z]{6}-[a-z]{6}-[a-z]{6}-\d\d)</code>")


def test_only_the_sandboxs_trainer_reaches_its_pages(client, member, trainee, sandbox):
    """A member, a trainee and another trainer get 404 on the sandbox pages; nothing is deleted."""
    other_trainer = UserFactory(is_staff=True)
    urls = ["/espace-formation/", "/espace-formation/nouvel-espace/"]
    sandbox_urls = [f"/espace-formation/{sandbox.pk}/{suffix}" for suffix in ("", "identifiants/", "reinitialiser/")]
    for user, refused in ((member, urls + sandbox_urls), (trainee, urls + sandbox_urls), (other_trainer, sandbox_urls)):
        client.force_login(user)
        for url in refused:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(f"/espace-formation/{sandbox.pk}/supprimer/").status_code == 404
    assert Sandbox.objects.filter(pk=sandbox.pk).exists()


def test_a_trainer_creates_a_sandbox_and_prints_the_logins_once(client, trainer):
    """After creation the printable list shows each trainee's password; once printed, they are gone."""
    client.force_login(trainer)
    last_day = timezone.localdate() + timedelta(days=10)

    response = client.post(
        "/espace-formation/nouvel-espace/", {"name": "Formation forums", "trainees": 2, "expires_on": last_day}
    )
    sandbox = Sandbox.objects.get()
    assert response.url == f"/espace-formation/{sandbox.pk}/identifiants/"
    page = client.get(response.url).content.decode()
    assert len(PASSWORD.findall(page)) == 2
    assert "stagiaire-formation-formation-forums-02@sandbox.invalid" in page

    client.post(f"/espace-formation/{sandbox.pk}/identifiants/oublier/")
    assert PASSWORD.findall(client.get(response.url).content.decode()) == []
    detail = client.get(f"/espace-formation/{sandbox.pk}/").content.decode()
    assert "stagiaire-formation-formation-forums-01@sandbox.invalid" in detail
    assert PASSWORD.findall(detail) == []
    assert "Formation forums" in client.get("/espace-formation/").content.decode()


def test_the_form_explains_bad_input_in_french(client, trainer):
    """Too many trainees and a date too far away are both refused, in French; nothing is created."""
    client.force_login(trainer)

    response = client.post(
        "/espace-formation/nouvel-espace/",
        {"name": "Formation", "trainees": 60, "expires_on": timezone.localdate() + timedelta(days=45)},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez entre 1 et 50 stagiaires." in page
    assert "Un espace de formation dure au plus 30 jours." in page
    assert not Sandbox.objects.exists()


def test_the_last_possible_date_is_refused_like_any_far_date(client, trainer):
    """31/12/9999, which has no next day, gets the same French refusal, not an error page."""
    client.force_login(trainer)

    response = client.post(
        "/espace-formation/nouvel-espace/", {"name": "Formation", "trainees": 2, "expires_on": "9999-12-31"}
    )

    assert response.status_code == 200
    assert "Un espace de formation dure au plus 30 jours." in response.content.decode()
    assert not Sandbox.objects.exists()


def test_reset_and_delete_ask_for_confirmation_then_act(client, trainer, created):
    """GET shows a confirmation; POST resets (new passwords to print), then deletes."""
    sandbox, logins = created
    client.force_login(trainer)
    url = f"/espace-formation/{sandbox.pk}/"

    assert client.get(url + "reinitialiser/").status_code == 200
    response = client.post(url + "reinitialiser/")
    passwords = PASSWORD.findall(client.get(response.url).content.decode())
    assert len(passwords) == 3 and passwords[0] != logins[0].password

    assert client.post(url + "supprimer/").url == "/espace-formation/"
    assert not Sandbox.objects.exists()


def test_a_trainee_whose_sandbox_expired_is_told_why_the_login_fails(client, created):
    """The printed login of an expired sandbox gets a French explanation; a wrong password elsewhere does not."""
    sandbox, logins = created
    sandbox.expires_at = timezone.now() - timedelta(minutes=1)
    sandbox.save()
    sandbox_expire()

    expired = page_text(login_post(client, logins[0].email, logins[0].password))
    other = page_text(login_post(client, "personne@jargeau.test", logins[0].password))

    assert "Un compte de stagiaire prend fin quand son espace de formation expire" in expired
    assert "Adresse e-mail ou mot de passe incorrect." in other and "stagiaire" not in other
