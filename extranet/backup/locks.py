"""The lock that makes a backup's file copy match its database snapshot.

Files are written before the row that names them is committed, and deleted only after the row's deletion is
committed. A backup takes the lock exclusively while it fixes its database snapshot and hard-links the files
aside (a second or two); every file deletion takes it shared. So no file named by a row of the snapshot can
vanish before the backup holds its own link to it. An `flock` lock: the kernel releases it when its holder
dies, even by SIGKILL, so a crashed backup never blocks deletions.
"""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


def files_lock_path() -> Path:
    return Path(settings.FILES_LOCK_PATH)


@contextmanager
def files_lock(*, exclusive: bool):
    """Hold the file lock: exclusive for the backup's snapshot, shared for deletions (which wait for it)."""
    path = files_lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o660)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
