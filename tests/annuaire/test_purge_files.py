"""The daily purge deletes photos and import files nobody will read, and expires unconfirmed imports."""

import io
import os
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from annuaire.models import ImportStatus, PeopleImport
from annuaire.services import directory_files_purge, people_import_start
from annuaire.storage import import_storage, photo_storage
from tests.annuaire.test_photos import with_photo

pytestmark = pytest.mark.django_db

GOOD = "E-mail;Nom;Prénom\nzoe@jargeau.test;Lefèvre;Zoé\n"


def age(storage, name, *, hours):
    """Make a stored file look as old as this."""
    past = time.time() - hours * 3600
    os.utime(storage.path(name), (past, past))


def test_the_photo_of_a_deleted_card_is_deleted_but_not_a_fresh_or_used_one(card, commune):
    """An old orphan goes; a photo still on a card and a file saved minutes ago (maybe not committed yet) stay."""
    from tests.annuaire.factories import person_card

    kept = with_photo(person_card(commune)).photo.name
    orphan = with_photo(card).photo.name
    card.delete()
    age(photo_storage(), orphan, hours=2)
    age(photo_storage(), kept, hours=2)
    fresh = photo_storage().save("annuaire/photos/fresh.jpg", SimpleUploadedFile("x.jpg", b"x"))

    assert directory_files_purge() == (0, 1)
    assert not photo_storage().exists(orphan)
    assert photo_storage().exists(kept) and photo_storage().exists(fresh)


def test_an_import_left_unconfirmed_for_a_day_expires(commune, admin):
    """Its file is deleted and it can no longer be confirmed; a recent one waits."""
    old = people_import_start(organisation=commune, user=admin, upload=SimpleUploadedFile("a.csv", GOOD.encode()))
    PeopleImport.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(hours=25))
    name = old.file.name

    call_command("annuaire_purge_files", stdout=io.StringIO())

    old.refresh_from_db()
    assert old.status == ImportStatus.EXPIRED and not old.file
    age(import_storage(), name, hours=2)  # the file deletion waits for the commit: the orphan purge catches it
    directory_files_purge()
    assert not import_storage().exists(name)
