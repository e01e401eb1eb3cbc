"""Local file storages whose deletions wait for a backup's snapshot (see `locks.py`)."""

from django.core.files.storage import FileSystemStorage

from .locks import files_lock


class SnapshotSafeFileSystemStorage(FileSystemStorage):
    """The local disk storage; a deletion waits while a backup fixes its snapshot (a second or two)."""

    def delete(self, name):
        with files_lock(exclusive=False):
            super().delete(name)
