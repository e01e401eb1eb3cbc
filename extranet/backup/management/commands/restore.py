from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from extranet.backup.errors import BackupError
from extranet.backup.services import backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into an empty instance (migrated or not), after checking "
        "every checksum, then rebuild the search index. Stop the web server and the task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database holds accounts or the file directories hold files (overwrites).",
        )

    def handle(self, *args, path, force=False, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            backup_restore(path=path, force=force, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(f"{error} The instance was not changed.") from error
