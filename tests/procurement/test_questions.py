"""Questions on a notice: answers published to all without who asked, the rest kept to the asker and the buyer."""

import pytest
from django.core import mail
from django.urls import reverse

from extranet.procurement.models import NoticeQuestion
from extranet.procurement.services import question_answer, question_ask
from tests.accounts.factories import UserFactory
from tests.organisations.factories import membership
from tests.procurement.factories import closed_notice, notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(departement):
    """A member of the département (a candidate company's contact would be a member too)."""
    return membership(departement, role="member", user=UserFactory(first_name="Camille", last_name="Zébulon")).user


@pytest.fixture
def cantine(montargis):
    return notice(montargis, title="Denrées pour la cantine")


def test_a_member_asks_through_the_form(client, candidate, cantine):
    """The logged-in member's question is recorded; an empty one gets a French error."""
    client.force_login(candidate)
    url = reverse("procurement:ask", args=[cantine.pk])

    empty = client.post(url, {"text": "  "})
    sent = client.post(url, {"text": "Les produits bio sont-ils exigés ?"})

    assert "Champ requis." in empty.content.decode()
    assert sent.status_code == 302
    assert NoticeQuestion.objects.get().asked_by == candidate


def test_an_unanswered_question_is_seen_by_its_asker_and_the_buyer_only(
    client, candidate, cantine, montargis_editor, outsider
):
    """The asker and Montargis's editor see it; another member and an anonymous visitor do not."""
    question_ask(notice=cantine, user=candidate, text="Les produits bio sont-ils exigés ?")

    def sees(user):
        client.logout()
        if user:
            client.force_login(user)
        return "Les produits bio sont-ils exigés ?" in client.get(cantine.url).content.decode()

    assert sees(candidate)
    assert sees(montargis_editor)
    assert not sees(outsider)
    assert not sees(None)


def test_an_answered_question_is_published_anonymised_and_the_asker_is_told(
    client, candidate, cantine, montargis_editor
):
    """Once answered, everyone reads the question and its answer, never the asker's name or organisation."""
    question = question_ask(notice=cantine, user=candidate, text="Les produits bio sont-ils exigés ?")

    question_answer(user=montargis_editor, pk=question.pk, answer="Oui, à hauteur de 20 %.")

    page = client.get(cantine.url).content.decode()
    assert "Les produits bio sont-ils exigés ?" in page
    assert "Oui, à hauteur de 20 %." in page
    assert "Zébulon" not in page
    assert "Camille" not in page
    assert "Département du Loiret" not in page
    [email] = mail.outbox
    assert email.to == [candidate.email]
    assert "Oui, à hauteur de 20 %." in email.body
    assert cantine.url in email.body


def test_another_organisation_editor_cannot_answer(client, candidate, cantine, departement_editor):
    """The département's editor gets a 404 on Montargis's question, and a forged POST answers nothing."""
    question = question_ask(notice=cantine, user=candidate, text="Les produits bio sont-ils exigés ?")
    client.force_login(departement_editor)
    url = reverse("procurement:answer", args=[question.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "Non."}).status_code == 404
    question.refresh_from_db()
    assert not question.is_answered
    assert not mail.outbox


def test_the_buyer_answers_through_its_list(client, candidate, cantine, montargis_editor):
    """Montargis's editor finds the question in the list and on the notice, and publishes the answer."""
    question = question_ask(notice=cantine, user=candidate, text="Les produits bio sont-ils exigés ?")
    client.force_login(montargis_editor)

    listing = client.get(reverse("procurement:questions")).content.decode()
    notice_page = client.get(cantine.url).content.decode()
    response = client.post(reverse("procurement:answer", args=[question.pk]), {"answer": "Oui."})

    assert "Les produits bio sont-ils exigés ?" in listing
    assert f'href="{reverse("procurement:answer", args=[question.pk])}"' in notice_page
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "Oui."


def test_no_question_on_a_closed_notice(client, candidate, montargis):
    """Past the deadline the form refuses the question with a French message."""
    closed = closed_notice(montargis)
    client.force_login(candidate)

    response = client.post(reverse("procurement:ask", args=[closed.pk]), {"text": "Encore une question ?"})

    assert "Cette consultation est clôturée\u00a0: les questions ne sont plus possibles." in response.content.decode()
    assert not NoticeQuestion.objects.exists()
