"""The poll part of machina's topic form reads in French, where machina's own catalogue falls short."""

from tests.forums.factories import topic_create_url


def test_the_poll_fields_are_in_french(client, member, private_forum):
    """No English help ("If enabled…"), no broken sentence ("Il s'agit nombre…"), no missing space before "?"."""
    client.force_login(member)

    page = client.get(topic_create_url(private_forum)).content.decode()

    assert "Masquer les résultats ?" in page and "seul l&#x27;auteur du sujet voit les résultats" in page
    assert "Autoriser la modification des votes ?" in page
    assert "Le nombre de choix que chacun peut cocher en votant." in page
    assert "If enabled" not in page and "Il s&#x27;agit nombre" not in page and "votes?" not in page
