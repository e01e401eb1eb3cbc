from django.conf import settings
from django.core.management.base import BaseCommand

from documents.services import bin_purge


class Command(BaseCommand):
    help = "Delete for good the library documents and folders in the bin for more than DOCUMENTS_BIN_DAYS days."

    def handle(self, *args, **options):
        count = bin_purge()
        self.stdout.write(
            f"{count} document(s) supprimé(s) définitivement (corbeille > {settings.DOCUMENTS_BIN_DAYS} j)."
        )
