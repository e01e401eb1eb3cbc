"""The demo libraries: real files with French text, versions and shares, created once."""

from io import StringIO

import pytest
from django.core.management import call_command

from documents.models import Document, Share

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_libraries_once(settings):
    """seed_demo creates documents with several versions, extracted text and shares; a second run adds nothing."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    documents = Document.objects.select_related("current_version")
    assert documents.count() == 5
    request = documents.get(title="demande-subvention-pont.docx")
    assert request.versions.count() == 3
    assert "actualisé" in request.current_version.text
    assert Share.objects.filter(document=request, organisation__slug="loiret", can_write=True).exists()
    assert documents.filter(is_public=True).count() == 1
    call_command("seed_demo", stdout=StringIO())
    assert Document.objects.count() == 5
