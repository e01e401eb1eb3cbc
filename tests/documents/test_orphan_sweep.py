"""The orphan sweep deletes the library storage's files that no row names, and only those, once old enough."""

import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.services import storage_orphans_sweep
from documents.storage import document_storage
from tests.annuaire.factories import person_card
from tests.documents.factories import document

pytestmark = pytest.mark.django_db


def _age(name: str, *, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(document_storage().path(name), (then, then))


def test_only_old_files_without_a_row_are_swept(commune, editor):
    """A killed upload's file goes after the grace period; a document's file, a young file and a photo stay."""
    storage = document_storage()
    kept = document(commune, user=editor, name="budget.pdf").current_version.file.name
    card = person_card(commune)
    photo = storage.save(f"annuaire/{commune.pk}/photo.png", ContentFile(b"\x89PNG"))
    card.photo = photo
    card.save(update_fields=["photo"])
    orphan = storage.save(f"{commune.pk}/999999/orphelin.pdf", ContentFile(b"%PDF-1.7 interrompu"))
    young = storage.save(f"{commune.pk}/999999/en-cours.pdf", ContentFile(b"%PDF-1.7 en cours"))
    for name in (kept, photo, orphan):
        _age(name, hours=3)
    swept = storage_orphans_sweep(older_than=timedelta(hours=1))
    assert swept == [orphan]
    assert not storage.exists(orphan)
    assert all(storage.exists(name) for name in (kept, photo, young))


def test_the_command_sweeps_without_grace_when_asked(commune, editor, capsys):
    """`documents_sweep_orphans --older-than-minutes 0` removes even a file written a moment ago."""
    orphan = document_storage().save(f"{commune.pk}/999998/orphelin.txt", ContentFile(b"interrompu"))
    call_command("documents_sweep_orphans", "--older-than-minutes", "0")
    assert not document_storage().exists(orphan)
    assert "orphelin" in capsys.readouterr().out
