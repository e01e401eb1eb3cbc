from django.core.management.base import BaseCommand

from documents.services import locks_release_stale


class Command(BaseCommand):
    help = "Release the document locks older than DOCUMENTS_LOCK_TIMEOUT."

    def handle(self, *args, **options):
        self.stdout.write(f"{locks_release_stale()} verrou(s) libéré(s).")
