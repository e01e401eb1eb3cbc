"""The signed PDF is kept unchanged, downloadable, checkable by its SHA-256, and never replaced once published."""

import hashlib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.acts.models import ActPage
from tests.acts.factories import act, admin_add_url, admin_edit_url, admin_form, signed_pdf, upload

pytestmark = pytest.mark.django_db


def download(client, act_page):
    response = client.get(act_page.url + "acte.pdf")
    return response, b"".join(response.streaming_content)


def test_the_sha256_shown_on_the_page_is_the_downloaded_file_s(client, section):
    """Anyone can check integrity: the fingerprint shown is the SHA-256 of the bytes the site serves."""
    content = signed_pdf("Délibération relative aux tarifs de la cantine")
    deliberation = act(section, pdf=content)

    page = client.get(deliberation.url).content.decode()
    shown = re.search(r"<code[^>]*>([0-9a-f]{64})</code>", page).group(1)
    _response, served = download(client, deliberation)

    assert served == content
    assert shown == hashlib.sha256(content).hexdigest() == hashlib.sha256(served).hexdigest()


def test_the_pdf_is_offered_for_download_under_a_readable_name(client, section):
    """The download names the file after the organisation and the number, and forbids content sniffing."""
    deliberation = act(section, internal_id="2024/015")

    response, served = download(client, deliberation)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="jargeau-2024-015.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert served.startswith(b"%PDF-")


def test_the_act_page_links_to_its_pdf_and_says_when_it_went_online(client, section):
    """The page offers the PDF and shows "Mis en ligne le" with the date of first publication."""
    deliberation = act(section)

    page = client.get(deliberation.url).content.decode()

    assert f'href="{deliberation.url}acte.pdf"' in page
    assert "Mis en ligne le" in page
    assert f'datetime="{timezone.localtime(deliberation.first_published_at).isoformat()}"' in page


def test_the_storage_name_is_chosen_by_the_site_not_by_the_uploader(client, editor, section):
    """An uploaded name with a path or odd characters never reaches the storage: actes/<slug>/<uuid>.pdf."""
    client.force_login(editor)
    data = admin_form()
    data["signed_pdf"] = upload(signed_pdf(), name="../../../etc/passwd mairie.pdf")

    assert client.post(admin_add_url(section), data).status_code == 302

    stored = ActPage.objects.get().signed_pdf.name
    assert re.fullmatch(r"actes/jargeau/[0-9a-f-]{36}\.pdf", stored), stored


def test_a_draft_may_still_change_its_pdf(client, editor, section):
    """Before its first publication, an act's PDF can be replaced; the fingerprint follows."""
    client.force_login(editor)
    client.post(admin_add_url(section), admin_form(publish=False))
    draft = ActPage.objects.get()
    assert not draft.live and draft.first_published_at is None

    new_pdf = signed_pdf("Version corrigée")
    response = client.post(admin_edit_url(draft), admin_form(pdf=new_pdf, publish=False))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.signed_pdf_sha256 == hashlib.sha256(new_pdf).hexdigest()
    assert draft.signed_pdf.read() == new_pdf


def test_a_published_pdf_cannot_be_replaced(client, editor, section):
    """Once published, uploading another PDF is refused in French and the stored file is untouched."""
    published = act(section)
    original = (published.signed_pdf.name, published.signed_pdf_sha256)
    client.force_login(editor)

    response = client.post(
        admin_edit_url(published),
        admin_form(of=published, pdf=signed_pdf("Autre")),
    )

    assert response.status_code == 200
    assert "Cet acte a été publié : son PDF signé ne peut plus être remplacé." in response.content.decode()
    published.refresh_from_db()
    assert (published.signed_pdf.name, published.signed_pdf_sha256) == original
    assert not published.has_unpublished_changes


def test_a_published_act_can_be_corrected_without_touching_its_pdf(client, editor, section):
    """Other fields of a published act stay editable; the PDF and its fingerprint stay the same."""
    published = act(section)
    original = (published.signed_pdf.name, published.signed_pdf_sha256)
    client.force_login(editor)

    response = client.post(
        admin_edit_url(published),
        admin_form(
            of=published,
            prefecture_id="045-214501736-20240314-2024-015-DE",
        ),
    )

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.prefecture_id == "045-214501736-20240314-2024-015-DE"
    assert (published.signed_pdf.name, published.signed_pdf_sha256) == original


def test_the_online_date_is_set_on_first_publication_and_cannot_be_edited(client, editor, section):
    """first_published_at is set by Wagtail at first publication; a forged field in the form changes nothing."""
    before = timezone.now()
    published = act(section)
    went_online = published.first_published_at
    assert went_online >= before
    client.force_login(editor)

    client.post(
        admin_edit_url(published),
        admin_form(
            of=published,
            first_published_at="2020-01-01 10:00",
        ),
    )

    published.refresh_from_db()
    assert published.first_published_at == went_online
    assert published.last_published_at > went_online


def test_what_a_published_act_says_cannot_be_rewritten(client, editor, section):
    """Its number, date, kind, matter, vote and object are refused in French; the préfecture's number is not."""
    published = act(section)
    client.force_login(editor)
    rewrites = {
        "internal_id": "2025-999",
        "adoption_date": "2024-01-02",
        "kind": "arrete",
        "matter_code": "9.1",
        "votes_for": "21",
        "title": "Un autre objet",
    }

    responses = {
        name: client.post(admin_edit_url(published), admin_form(of=published, **{name: value}))
        for name, value in rewrites.items()
    }

    for response in responses.values():
        assert response.status_code == 200
        assert "Cet acte a été publié : ce qu’il dit reste tel que publié." in response.content.decode()
    published.refresh_from_db()
    assert (published.internal_id, str(published.adoption_date), published.kind) == (
        published.internal_id,
        "2024-03-14",
        "deliberation",
    )
    assert not published.has_unpublished_changes


def test_reverting_to_a_version_before_the_publication_keeps_the_published_pdf(client, editor, section):
    """A draft's first PDF, stored in an old revision, cannot come back by reverting to it once another is published."""
    client.force_login(editor)
    client.post(admin_add_url(section), admin_form(publish=False, pdf=signed_pdf("Projet")))
    draft = ActPage.objects.get()
    first_revision = draft.latest_revision
    client.post(admin_edit_url(draft), admin_form(of=draft, pdf=signed_pdf("Version signée"), publish=True))
    published = ActPage.objects.get()
    stored = (published.signed_pdf.name, published.signed_pdf_sha256)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[published.pk, first_revision.pk])

    response = client.post(revert_url, admin_form(of=first_revision.as_object(), publish=True))

    assert response.status_code == 200
    assert "son PDF signé ne peut plus être remplacé" in response.content.decode()
    published.refresh_from_db()
    assert (published.signed_pdf.name, published.signed_pdf_sha256) == stored
    assert download(client, published)[1] == published.signed_pdf.open().read()
