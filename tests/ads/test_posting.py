"""Posting an ad from the front end: who may, on behalf of which organisation, with which price and photos."""

import pytest
from django.core import mail
from django.test import Client

from extranet.ads.models import Ad, AdStatus
from tests.accounts.factories import UserFactory
from tests.ads.helpers import CREATE_URL, ad_form_data, page_text, valid_photo
from tests.organisations.factories import OrganisationFactory, membership

pytestmark = pytest.mark.django_db


def post(client, user, organisation, **overrides):
    client.force_login(user)
    return client.post(CREATE_URL, ad_form_data(organisation, **overrides))


def test_a_member_posts_an_ad_with_photos_that_awaits_moderation(client, author, jargeau, moderator):
    """The ad is saved as pending with its photos in order, and the département's editor is told by e-mail."""
    response = post(client, author, jargeau, photos=[valid_photo("Nacelle repliée"), valid_photo("Nacelle dépliée")])

    assert response.status_code == 302
    assert response["Location"] == "/annonces/mes-annonces/"
    ad = Ad.objects.get()
    assert (ad.status, ad.author, ad.organisation, ad.published_at) == (AdStatus.PENDING, author, jargeau, None)
    assert [photo.alt_text for photo in ad.photos.all()] == ["Nacelle repliée", "Nacelle dépliée"]
    assert ad.location == "Jargeau"
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Petite annonce à valider" in mail.outbox[0].subject
    assert f"/annonces/moderation/{ad.pk}/" in mail.outbox[0].body
    page = page_text(client.get(response["Location"]))
    assert "Votre annonce a été envoyée pour validation." in page
    assert "En attente de validation" in page


def test_a_trusted_organisation_publishes_at_once(client, author, trusted_jargeau):
    """Jargeau is trusted: its member's ad is public as soon as it is posted, for the configured lifetime."""
    response = post(client, author, trusted_jargeau)

    ad = Ad.objects.get()
    assert ad.status == AdStatus.PUBLISHED
    assert (ad.expires_at - ad.published_at).days == 60
    assert "Votre annonce est publiée." in page_text(client.get(response["Location"]))
    assert Client().get(ad.get_absolute_url()).status_code == 200
    assert not mail.outbox


def test_the_lifetime_comes_from_the_settings(client, author, trusted_jargeau, settings):
    """ADS_LIFETIME_DAYS sets how long an ad stays published."""
    settings.ADS_LIFETIME_DAYS = 15

    post(client, author, trusted_jargeau)

    ad = Ad.objects.get()
    assert (ad.expires_at - ad.published_at).days == 15


def test_the_form_lists_only_the_users_organisations(client, author, jargeau, other_commune):
    """The organisation menu offers Jargeau, the author's only organisation, and not Darvoy."""
    client.force_login(author)

    response = client.get(CREATE_URL)

    choices = list(response.context["form"].fields["organisation"].queryset)
    assert choices == [jargeau]
    assert "Darvoy" not in page_text(response)


def test_posting_on_behalf_of_another_organisation_is_refused(client, author, jargeau, other_commune):
    """A forged organisation id is refused with a French message and saves nothing."""
    response = post(client, author, other_commune)

    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in page_text(response)
    assert not Ad.objects.exists()


def test_a_member_of_several_organisations_chooses_one(client, author, jargeau, other_commune):
    """Someone who belongs to Jargeau and Darvoy may post for Darvoy."""
    membership(other_commune, user=author)

    response = post(client, author, other_commune)

    assert response.status_code == 302
    assert Ad.objects.get().organisation == other_commune


def test_someone_without_an_organisation_is_told_to_ask_for_an_invitation(client):
    """A logged-in person who belongs to no organisation gets an explanation instead of the form."""
    client.force_login(UserFactory())

    response = client.get(CREATE_URL)

    assert response.status_code == 200
    assert "Il faut être membre d'une organisation pour déposer une annonce." in page_text(response)
    assert "form" not in response.context or not response.context["has_organisations"]


def test_anonymous_visitors_are_sent_to_the_login_form(client, jargeau):
    """Posting needs an account: anonymous visitors are redirected to the login form."""
    response = client.post(CREATE_URL, ad_form_data(jargeau))

    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
    assert not Ad.objects.exists()


@pytest.mark.parametrize(
    ("kind", "price", "error"),
    [
        ("vente", "", "Indiquez un prix pour une vente (0 est accepté)."),
        ("vente", "-5", "Assurez-vous que cette valeur est supérieure ou égale à 0."),
        ("vente", "douze", "Saisissez un nombre."),
        ("don", "10", "Seule une vente a un prix : effacez le prix ou choisissez « Vente »."),
        ("pret", "0", "Seule une vente a un prix : effacez le prix ou choisissez « Vente »."),
    ],
)
def test_price_rules(client, author, jargeau, kind, price, error):
    """Only a sale has a price, which is required and not negative; the error is in French and nothing is saved."""
    response = post(client, author, jargeau, kind=kind, price=price)

    assert response.status_code == 400
    assert error in page_text(response)
    assert not Ad.objects.exists()


@pytest.mark.parametrize(("typed", "stored"), [("12,50", "12.50"), ("12.5", "12.50"), ("0", "0.00")])
def test_a_sale_price_is_read_in_french_or_english_notation(client, author, jargeau, typed, stored):
    """“12,50” and “12.50” are both understood; a sale for 0 € is accepted."""
    post(client, author, jargeau, kind="vente", price=typed)

    assert str(Ad.objects.get().price) == stored


def test_the_price_shows_in_euros_on_the_public_page(client, author, trusted_jargeau):
    """A published sale shows its price in French notation."""
    post(client, author, trusted_jargeau, kind="vente", price="1200")

    assert "1 200,00 €" in page_text(Client().get(Ad.objects.get().get_absolute_url()))


def test_required_fields_are_explained(client, author, jargeau):
    """An empty title and description give French errors under the fields."""
    response = post(client, author, jargeau, title="", description="")

    assert response.status_code == 400
    assert page_text(response).count("Champ requis.") == 2
    assert not Ad.objects.exists()


def test_a_text_alternative_without_a_photo_is_refused(client, author, jargeau):
    """A description typed in a slot without a file asks for the file (files are lost when a form is shown again)."""
    response = post(client, author, jargeau, **{"photos-0-alt_text": "Nacelle"})

    assert response.status_code == 400
    assert "Choisissez la photo que ce texte décrit, ou effacez le texte." in page_text(response)
    assert not Ad.objects.exists()


def test_no_more_than_five_photos(client, author, jargeau):
    """A forged form with six photo slots is refused."""
    response = post(
        client,
        author,
        jargeau,
        photos=[valid_photo(f"Photo {number}") for number in range(6)],
        **{"photos-TOTAL_FORMS": "6"},
    )

    assert response.status_code == 400
    assert not Ad.objects.exists()


def test_the_form_offers_five_photo_slots_with_labels(client, author):
    """Five photo slots, each a labelled file input and text alternative, work without JavaScript."""
    client.force_login(author)

    content = client.get(CREATE_URL).content.decode()

    assert content.count('type="file"') == 5
    assert 'enctype="multipart/form-data"' in content
    assert '<label for="id_photos-4-alt_text">' in content


def test_posting_needs_the_csrf_token(author, jargeau):
    """A cross-site form submission is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)

    response = client.post(CREATE_URL, ad_form_data(jargeau))

    assert response.status_code == 403
    assert not Ad.objects.exists()


def test_a_moderator_without_a_commune_cannot_post_for_the_département_of_another(client, loiret):
    """An organisation created later is not offered to someone who is not its member."""
    outsider = membership(OrganisationFactory(kind="commune", slug="olivet", name="Olivet")).user

    response = post(client, outsider, loiret)

    assert response.status_code == 400
    assert not Ad.objects.exists()
