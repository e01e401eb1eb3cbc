"""The profile page: names, phone, job title and preferred language."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from extranet.accounts import services
from tests.accounts.helpers import french, page_text

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def profile_data(**changes):
    data = {
        "first_name": "Marie",
        "last_name": "Curie",
        "phone": "",
        "job_title": "",
        "preferred_language": "fr",
    }
    return {**data, **changes}


def test_profile_page_shows_the_current_values(client, user):
    """The profile page shows the login address and the current names in the form."""
    client.force_login(user)

    response = client.get(PROFILE)

    assert response.status_code == 200
    assert "marie.curie@jargeau.test" in response.text
    assert 'value="Marie"' in response.text
    assert 'value="Curie"' in response.text


def test_user_edits_names_phone_job_title_and_language(client, user):
    """Saving the form stores every field and shows a French confirmation."""
    client.force_login(user)
    data = profile_data(
        first_name="Maria",
        last_name="Skłodowska-Curie",
        phone="+33 2 38 59 70 03",
        job_title="Secrétaire de mairie",
        preferred_language="en",
    )

    response = client.post(PROFILE, data)

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.phone, user.job_title, user.preferred_language) == (
        "Maria",
        "Skłodowska-Curie",
        "+33 2 38 59 70 03",
        "Secrétaire de mairie",
        "en",
    )


def test_saving_shows_a_french_confirmation(client, user):
    """After saving (in French), the page confirms it in French."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(job_title="Maire"), follow=True)

    assert french("Your profile has been saved.") in [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("phone", ["0238597003", "02 38 59 70 03", "02.38.59.70.03", "+33-2-38-59-70-03"])
def test_usual_phone_formats_are_accepted(client, user, phone):
    """French phone numbers written with spaces, dots, dashes or an international prefix are accepted."""
    client.force_login(user)

    client.post(PROFILE, profile_data(phone=phone))

    user.refresh_from_db()
    assert user.phone == phone


@pytest.mark.parametrize("phone", ["appelez-moi", "02 38 <script>", "12", "++33 2 38 59 70 03"])
def test_invalid_phone_gets_a_french_error_and_nothing_is_saved(client, user, phone):
    """A phone number that is not made of digits gets a French error and the profile is left unchanged."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(first_name="Maria", phone=phone))

    assert response.status_code == 200
    assert french(
        "Enter a phone number made of digits, spaces, dots or dashes, optionally starting with +."
    ) in page_text(response)
    user.refresh_from_db()
    assert (user.first_name, user.phone) == ("Marie", "")


def test_over_long_job_title_gets_a_french_error(client, user):
    """A job title over 150 characters is refused on the page with Django's French message."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(job_title="x" * 151))

    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 150 caractères (actuellement 151)." in page_text(response)
    user.refresh_from_db()
    assert user.job_title == ""


def test_changing_the_language_sets_the_cookie_and_the_pages_follow(client, user):
    """Choosing English sets the language cookie, durably, and the next pages are in English."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(preferred_language="en"))

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == settings.LANGUAGE_COOKIE_SAMESITE
    page = client.get(PROFILE)
    assert '<html lang="en">' in page.text
    assert "Your profile has been saved." in page_text(page)


def test_an_unknown_language_is_refused(client, user):
    """Only the offered languages can be chosen."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(preferred_language="xx"))

    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    user.refresh_from_db()
    assert user.preferred_language == "fr"


def test_the_login_email_cannot_be_changed_from_the_profile(client, user):
    """The profile form ignores an e-mail address slipped into the post: the login stays the same."""
    client.force_login(user)

    client.post(PROFILE, profile_data(email="pirate@evil.example"))

    user.refresh_from_db()
    assert user.email == "marie.curie@jargeau.test"


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_login(client, method):
    """Without logging in, the profile page sends the visitor to the login page and back afterwards."""
    response = getattr(client, method)(PROFILE)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PROFILE}"


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_a_name_cannot_be_emptied(client, user, field):
    """An empty (or blank) first or last name is refused in French; the account keeps its names."""
    client.force_login(user)

    response = client.post(PROFILE, profile_data(**{field: "   ", "job_title": "Secrétaire de mairie"}))

    assert response.status_code == 200 and "Champ requis." in response.text
    assert 'value="Secrétaire de mairie"' in response.text
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.job_title) == ("Marie", "Curie", "")


def test_the_service_refuses_an_emptied_name_too(user):
    """Whoever calls it, the service keeps the names: a colleague is found by them."""
    with pytest.raises(ValidationError) as error:
        services.user_update_profile(user=user, first_name="", last_name="Curie")

    assert list(error.value.message_dict) == ["first_name"]
    user.refresh_from_db()
    assert user.first_name == "Marie"
