"""Where people's photos are stored: the private storage of the libraries, never a public media URL.

The `documents` entry of STORAGES is local disk outside MEDIA_ROOT (or a private S3 bucket); a photo is only
ever read back by `views.directory.person_photo`, after the visibility check.
"""

from django.core.files.storage import Storage

from documents.storage import document_storage


def photo_storage() -> Storage:
    return document_storage()
