"""Where library files are stored: never under MEDIA_ROOT, whose URL the web server may serve to anyone.

The storage is the `documents` entry of STORAGES (local disk under DOCUMENTS_ROOT by default, an S3 bucket
with django-storages by settings); files are only read through the permission-checking views.
"""

from django.core.files.storage import Storage, storages

from extranet.backup.storage import SnapshotSafeFileSystemStorage


def document_storage() -> Storage:
    return storages["documents"]


class PrivateFileSystemStorage(SnapshotSafeFileSystemStorage):
    """Local disk without any URL: a library file is only ever read by the views."""

    def url(self, name):
        raise ValueError("Library files have no public URL; use the documents views.")
