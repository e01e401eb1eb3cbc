class BackupError(Exception):
    """A backup or a restoration that cannot go on; the message says why, and nothing was changed."""
