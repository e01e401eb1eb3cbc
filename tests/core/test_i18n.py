from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_french_catalogue_is_complete():
    """Every interface string has a French translation that is neither missing nor fuzzy."""
    catalogue = polib.pofile(CATALOGUE)
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])


def test_compiled_catalogue_matches_the_sources():
    """The committed .mo file holds the same translations as the .po file (run `make messages`)."""
    source = {entry.msgid: entry.msgstr for entry in polib.pofile(CATALOGUE) if not entry.msgid_plural}
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(CATALOGUE.with_suffix(".mo"))}
    assert {key: compiled.get(key) for key in source} == source


@pytest.mark.django_db
def test_pages_are_french_by_default(client):
    """A visitor without a language preference gets the French interface."""
    response = client.get("/connexion/")
    assert '<html lang="fr">' in response.content.decode()
    assert "Mot de passe oublié ?" in response.content.decode()


@pytest.mark.django_db
def test_language_switcher_turns_the_interface_to_english(client):
    """Choosing English in the footer switches the next pages to English."""
    response = client.post("/langue/", {"language": "en", "next": "/connexion/"})
    assert response.status_code == 302
    page = client.get("/connexion/").content.decode()
    assert '<html lang="en">' in page
    assert "Forgotten password?" in page


@pytest.mark.django_db
def test_language_switcher_remembers_the_choice_on_the_account(client, member):
    """A logged-in user's choice of language is stored as their preferred language."""
    client.force_login(member)
    client.post("/langue/", {"language": "en", "next": "/"})
    member.refresh_from_db()
    assert member.preferred_language == "en"
