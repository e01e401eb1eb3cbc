from datetime import timedelta

from django.core.management.base import BaseCommand

from documents.services import ORPHAN_GRACE, storage_orphans_sweep


class Command(BaseCommand):
    help = (
        "Delete the files of the library storage (documents, message attachments, directory photos) that no row "
        "names: left by a process killed between writing a file and committing its row."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=int(ORPHAN_GRACE.total_seconds() // 60),
            help="Only files older than this (default: %(default)s): younger ones may belong to an upload in progress.",
        )

    def handle(self, *args, older_than_minutes, **options):
        orphans = storage_orphans_sweep(older_than=timedelta(minutes=older_than_minutes))
        self.stdout.write(f"{len(orphans)} fichier(s) orphelin(s) supprimé(s).")
