"""The month grid comes from the cache, and every change of an event, a language or a reader shows at once."""

import pytest
from django.conf import settings

from agenda import selectors, services
from tests.agenda.factories import event, paris, private_calendar, shared_calendar

pytestmark = pytest.mark.django_db

MONTH = "/agenda/mois/2027/1/"


def month_page(client, url=MONTH) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def grid(page: str) -> str:
    return page[page.index("<tbody>") : page.index("</tbody>")]


def test_the_grid_is_built_once_until_an_event_changes(client, meeting, member, monkeypatch):
    """A second visit reads the cached grid; a change of the meeting builds it again."""
    client.force_login(member)
    first = month_page(client)
    built = []
    original = selectors.month_of
    monkeypatch.setattr(selectors, "month_of", lambda **kwargs: built.append(1) or original(**kwargs))

    assert grid(month_page(client)) == grid(first) and built == []

    services.occurrence_cancel(event=meeting, original_start=paris(2027, 1, 12, 18), user=None)
    assert month_page(client).count("Réunion du bureau") == 3 and built == [1]


def test_each_kind_of_change_shows_on_the_next_visit(client, meeting, calendar, editor, member):
    """Retitled, one occurrence moved, an event added, then removed: each visit shows the calendar as it is."""
    client.force_login(member)
    assert month_page(client).count("Réunion du bureau") == 4

    services.event_update(
        event=meeting,
        user=editor,
        title="Bureau municipal",
        start=meeting.start,
        end=meeting.end,
        recurrence=services.Recurrence.of(meeting),
    )
    page = month_page(client)
    assert page.count("Bureau municipal") == 4 and "Réunion du bureau" not in page

    services.occurrence_update(
        event=meeting,
        original_start=paris(2027, 1, 19, 18),
        user=editor,
        title="Bureau déplacé",
        start=paris(2027, 1, 21, 20),
        end=paris(2027, 1, 21, 21),
    )
    assert "Bureau déplacé" in month_page(client)

    wishes = event(calendar, user=editor, title="Vœux du maire", start=paris(2027, 1, 8, 19))
    assert "Vœux du maire" in month_page(client)

    services.event_delete(event=wishes, user=editor)
    assert "Vœux du maire" not in month_page(client)


def test_a_reader_of_other_calendars_never_gets_anothers_grid(client, commune, other_commune, editor, member, outsider):
    """Jargeau's and Darvoy's members read event sets alike in size, ids and changes: each sees only their own."""
    event(private_calendar(commune), user=editor, title="Conseil de Jargeau", start=paris(2027, 1, 5, 18))
    event(private_calendar(other_commune), title="Conseil de Darvoy", start=paris(2027, 1, 6, 18))
    event(shared_calendar(), organisation=commune, user=editor, title="Réunion des maires", start=paris(2027, 1, 7, 9))
    client.force_login(member)
    page = month_page(client)
    assert "Conseil de Jargeau" in page and "Réunion des maires" in page

    client.force_login(outsider)
    page = month_page(client)
    assert "Conseil de Darvoy" in page and "Réunion des maires" in page and "Conseil de Jargeau" not in page


def test_the_grid_follows_the_language(client, meeting, member):
    """The French grid is not served to a reader who chose English."""
    client.force_login(member)
    assert "mardi 12 janvier" in month_page(client)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = month_page(client)
    assert "Tuesday 12 January" in page and "mardi 12 janvier" not in page
