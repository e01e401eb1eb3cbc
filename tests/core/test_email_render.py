"""E-mails are plain text: what people typed reaches the inbox as typed, never HTML-escaped."""

from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from extranet.core.services import email_enqueue, email_render
from extranet.organisations.models import Organisation

TYPED = {
    "title": "Création d'un city-stade <plein air> & vestiaires",
    "applicant": Organisation(name="Saint-Jean-de-la-Ruelle", article=""),
    "aid_title": "Aide à l'investissement des communes rurales",
    "provider": Organisation(name="Département du Loiret", article="le"),
    "status": "En cours d'instruction",
    "comment": 'Merci d\'ajouter le devis "révisé".',
    "url": "https://territoires.example.fr/subventions/demande/9/",
}


def test_subject_and_body_keep_apostrophes_quotes_and_brackets():
    """A subsidy's status e-mail says "d'un city-stade <plein air>", not "d&#x27;un city-stade &lt;plein air&gt;"."""
    with translation.override("fr"):
        subject, body = email_render(
            subject_template="subsidies/email/status_changed_subject.txt",
            body_template="subsidies/email/status_changed_body.txt",
            context=TYPED,
        )

    assert subject == "Votre demande « Création d'un city-stade <plein air> & vestiaires » : En cours d'instruction"
    assert "La demande de Saint-Jean-de-la-Ruelle pour « Aide à l'investissement des communes rurales »" in body
    assert 'Merci d\'ajouter le devis "révisé".' in body
    assert "&#x27;" not in subject + body and "&amp;" not in subject + body and "&quot;" not in body


def test_queued_emails_are_plain_text_too():
    """The queue sends what `email_render` wrote (the tests run tasks at once)."""
    email_enqueue(to="mairie@example.fr", template="subsidies/email/status_changed", context=TYPED, language="fr")

    (sent,) = mail.outbox
    assert "city-stade <plein air> & vestiaires" in sent.subject and "l'investissement" in sent.body


def test_web_pages_still_escape_what_people_typed():
    """Only e-mails are plain text: the default engine, used by every page, keeps escaping."""
    assert "&lt;plein air&gt;" in render_to_string("subsidies/email/status_changed_subject.txt", TYPED)


def test_sentences_name_organisations_with_their_article():
    """The receipt says "Le Département du Loiret a bien reçu la demande d'Olivet", and English the names alone."""
    context = {**TYPED, "applicant": Organisation(name="Olivet", article=""), "receipt_number": "SUB-2026-0001"}
    templates = {
        "subject_template": "subsidies/email/acknowledgement_subject.txt",
        "body_template": "subsidies/email/acknowledgement_body.txt",
    }
    with translation.override("fr"):
        _subject, french = email_render(**templates, context=context)
    with translation.override("en"):
        _subject, english = email_render(**templates, context=context)

    assert french.startswith("Le Département du Loiret a bien reçu la demande d'Olivet pour « Aide")
    assert english.startswith("Département du Loiret has received the application of Olivet to “Aide")
