from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from extranet.backup.errors import BackupError
from extranet.backup.services import backup_create


class Command(BaseCommand):
    help = (
        "Write one archive (database dump, media and library files, manifest of checksums) while the site runs. "
        "It never overwrites an existing file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to create (default: territoires-backup-<UTC date and time>.tar.gz in the current directory).",
        )

    def handle(self, *args, output=None, **options):
        output = output or Path(f"territoires-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        try:
            backup_create(output=output, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
