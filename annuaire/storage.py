"""Where people's photos and imported CSV files are stored: the libraries' private storage, never a public URL.

The `documents` entry of STORAGES is local disk outside MEDIA_ROOT (or a private S3 bucket); a photo is only
ever read back by `views.directory.person_photo`, after the visibility check, and an import file by its task.
"""

from django.core.files.storage import Storage

from documents.storage import document_storage


def photo_storage() -> Storage:
    return document_storage()


def import_storage() -> Storage:
    return document_storage()
