from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# The project's catalogue (templates/ and the foundation apps) and each app's own.
CATALOGUES = sorted(
    [BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"]
    + [
        path
        for folder in ("extranet", "forums", "agenda", "annuaire", "documents")
        for path in (BASE_DIR / folder).glob("**/locale/fr/LC_MESSAGES/django.po")
    ]
)


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_french_catalogue_is_complete(catalogue):
    """Every interface string has a French translation that is neither missing nor fuzzy."""
    entries = polib.pofile(catalogue)
    untranslated = [entry.msgid for entry in entries.untranslated_entries()]
    fuzzy = [entry.msgid for entry in entries.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_compiled_catalogue_matches_the_sources(catalogue):
    """The committed .mo file holds the same translations as the .po file (run `make messages`)."""
    source = {entry.msgid: entry.msgstr for entry in polib.pofile(catalogue) if not entry.msgid_plural}
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(catalogue.with_suffix(".mo"))}
    assert {key: compiled.get(key) for key in source} == source


def test_apps_translate_a_shared_string_alike():
    """Django merges the catalogues, so one string (in one context) translated two ways shows the wrong one somewhere.

    A word meaning different things in two apps takes a context (`pgettext`, `{% translate "…" context "…" %}`).
    """
    translations = {}
    for catalogue in CATALOGUES:
        for entry in polib.pofile(catalogue).translated_entries():
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            french = entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
            translations.setdefault(key, {})[french] = catalogue.relative_to(BASE_DIR)
    clashes = {key: found for key, found in translations.items() if len(found) > 1}
    assert clashes == {}


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


@pytest.mark.django_db
def test_a_browser_set_to_english_still_gets_french(client):
    """The interface stays French for a browser asking for English until the visitor chooses English."""
    page = client.get("/connexion/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in page


@pytest.mark.parametrize(
    ("format_name", "expected"),
    [
        ("DATE_FORMAT", "5 December 2026"),
        ("SHORT_DATE_FORMAT", "05/12/2026"),
        ("SHORT_DATETIME_FORMAT", "05/12/2026 10:27"),
        ("DATETIME_FORMAT", "5 December 2026, 10:27"),
    ],
)
def test_english_dates_put_the_day_first_like_the_french_pages(format_name, expected):
    """5 December is never written 12/05 (American), which French users would read as 12 May."""
    from datetime import datetime

    from django.utils import formats, translation

    with translation.override("en"):
        assert formats.date_format(datetime(2026, 12, 5, 10, 27), format_name) == expected


def test_english_forms_read_a_british_date():
    """A date typed day first in the English interface is read as such."""
    from datetime import date

    from django import forms
    from django.utils import translation

    with translation.override("en"):
        assert forms.DateField().clean("05/12/2026") == date(2026, 12, 5)
