"""File responses: only through the checking views, with safe headers, and never under MEDIA_URL."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.documents.factories import document, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
)


def test_downloads_name_the_file_with_accents_and_forbid_sniffing(client, commune, member):
    """Content-Disposition follows RFC 6266 (filename*) and nosniff is set."""
    item = document(commune, user=member, name="délibération n°3.pdf")
    client.force_login(member)
    response = client.get(f"/bibliotheque/document/{item.pk}/telecharger/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''d%C3%A9lib%C3%A9ration%20n%C2%B03.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_an_svg_with_a_script_is_always_an_attachment(client, commune, member):
    """SVG is accepted but never rendered by the browser: attachment, sandboxed, no preview."""
    item = document(commune, user=member, name="logo.svg", content=SVG_WITH_SCRIPT)
    client.force_login(member)
    response = client.get(f"/bibliotheque/document/{item.pk}/telecharger/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get(f"/bibliotheque/document/{item.pk}/apercu/").status_code == 404


def test_pdfs_and_images_are_previewed_inline_in_the_page_only(client, commune, member):
    """The preview is inline for PDFs and images, framable by the site's own pages only."""
    pdf = document(commune, user=member, content=pdf_bytes("Aperçu"))
    image = document(commune, user=member, name="plan.png", content=png_bytes())
    client.force_login(member)
    response = client.get(f"/bibliotheque/document/{pdf.pk}/apercu/")
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    image_response = client.get(f"/bibliotheque/document/{image.pk}/apercu/")
    assert image_response["Content-Type"] == "image/png"
    assert "sandbox" in image_response["Content-Security-Policy"]


def test_private_files_are_stored_outside_the_media_root(commune, member):
    """The storage lives outside MEDIA_ROOT, so no media URL can reach a library file."""
    version = document(commune, user=member).current_version
    path = Path(version.file.path).resolve()
    assert path.exists()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        version.file.url  # noqa: B018 — the storage has no public URL


def test_media_route_serves_nothing_of_the_library(client, commune, member):
    """Guessing a media URL from the storage name finds nothing."""
    version = document(commune, user=member).current_version
    assert client.get(f"{settings.MEDIA_URL}{version.file.name}").status_code == 404


def test_x_accel_redirect_hands_the_file_to_the_web_server(client, commune, member, settings):
    """With the setting, the response carries no body but an internal redirect to the stored file."""
    settings.DOCUMENTS_X_ACCEL_REDIRECT = "/_documents/"
    version = document(commune, user=member).current_version
    client.force_login(member)
    response = client.get(f"/bibliotheque/document/{version.document_id}/telecharger/")
    assert response["X-Accel-Redirect"] == f"/_documents/{version.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")
