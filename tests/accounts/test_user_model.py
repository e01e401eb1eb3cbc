"""The user model: the e-mail address is the login, unique whatever its case."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.utils import translation

from extranet.accounts.forms import ProfileForm
from extranet.accounts.services import user_create
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import french

User = get_user_model()
PASSWORD = "un-mot-de-passe-solide-42"

pytestmark = pytest.mark.django_db


def test_email_is_the_login_field():
    """Accounts are identified by their e-mail address: there is no separate user name."""
    user = User.objects.create_user("agent@jargeau.test", PASSWORD)

    assert User.USERNAME_FIELD == "email"
    assert user.get_username() == "agent@jargeau.test"
    assert "username" not in {field.name for field in User._meta.get_fields()}


def test_manager_stores_the_email_in_lower_case():
    """An address typed with capitals and spaces is stored trimmed and in lower case."""
    user = User.objects.create_user("  Marie.Curie@Jargeau.TEST ", PASSWORD)

    user.refresh_from_db()
    assert user.email == "marie.curie@jargeau.test"


def test_service_stores_the_email_in_lower_case():
    """user_create normalises the address the same way as the manager."""
    user = user_create(email="Pierre.Curie@JARGEAU.test", password=PASSWORD, first_name="Pierre")

    user.refresh_from_db()
    assert user.email == "pierre.curie@jargeau.test"
    assert user.check_password(PASSWORD)


def test_authentication_accepts_the_email_in_any_case():
    """The password check finds the account whatever the case of the typed address."""
    user = User.objects.create_user("agent@jargeau.test", PASSWORD)
    request = RequestFactory().post("/connexion/", REMOTE_ADDR="10.0.0.1")

    assert authenticate(request, username="AGENT@Jargeau.Test", password=PASSWORD) == user


def test_service_refuses_an_email_already_used_in_another_case():
    """A second account with the same address in capitals is refused with a French message on the e-mail."""
    user_create(email="agent@jargeau.test", password=PASSWORD)

    with translation.override("fr"), pytest.raises(ValidationError) as error:
        user_create(email="AGENT@jargeau.test", password=PASSWORD)

    assert error.value.message_dict["email"] == [french("An account already exists with this e-mail address.")]
    assert User.objects.filter(email__iexact="agent@jargeau.test").count() == 1


def test_database_refuses_an_email_already_used_in_another_case():
    """Even bypassing the service, the database constraint refuses the same address in another case."""
    UserFactory(email="agent@jargeau.test")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Agent@Jargeau.test")

    assert User.objects.filter(email__iexact="agent@jargeau.test").count() == 1


def test_service_refuses_a_weak_password_and_creates_nothing():
    """user_create validates the password with the project's rules and saves nothing when it is refused."""
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        user_create(email="agent@jargeau.test", password="court")

    assert "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères." in error.value.messages
    assert not User.objects.filter(email="agent@jargeau.test").exists()


def test_full_name_joins_first_and_last_names():
    """With names, the user is shown by first and last name."""
    user = UserFactory(first_name="Marie", last_name="Curie", email="mc@jargeau.test")

    assert user.full_name == "Marie Curie"
    assert str(user) == "Marie Curie"


def test_full_name_falls_back_to_the_email():
    """Without names, the user is shown by their e-mail address rather than an empty string."""
    user = UserFactory(first_name="", last_name="", email="sans.nom@jargeau.test")

    assert user.full_name == "sans.nom@jargeau.test"
    assert str(user) == "sans.nom@jargeau.test"


def test_profile_form_refuses_an_over_long_job_title_and_saves_nothing():
    """A job title over 150 characters gets a French error from the profile form and nothing is saved."""
    user = UserFactory(first_name="Marie", last_name="Curie", job_title="Secrétaire de mairie")
    data = {
        "first_name": "Maria",
        "last_name": "Sklodowska",
        "phone": "",
        "job_title": "x" * 151,
        "preferred_language": "fr",
    }

    with translation.override("fr"):
        form = ProfileForm(data, instance=User.objects.get(pk=user.pk))
        assert not form.is_valid()
        errors = form.errors["job_title"]

    assert errors == ["Assurez-vous que cette valeur comporte au plus 150 caractères (actuellement 151)."]
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.job_title) == ("Marie", "Curie", "Secrétaire de mairie")


def test_profile_form_accepts_a_job_title_of_150_characters():
    """The limit is 150 characters: a title of exactly that length is saved."""
    user = UserFactory()
    data = {
        "first_name": "Marie",
        "last_name": "Curie",
        "phone": "",
        "job_title": "x" * 150,
        "preferred_language": "fr",
    }

    form = ProfileForm(data, instance=user)
    assert form.is_valid(), form.errors
    form.save()

    user.refresh_from_db()
    assert user.job_title == "x" * 150
