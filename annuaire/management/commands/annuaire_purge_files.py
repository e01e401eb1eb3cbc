from django.core.management.base import BaseCommand

from annuaire.services import directory_files_purge


class Command(BaseCommand):
    help = (
        "Expire the directory's CSV imports left unconfirmed for a day and delete the photos and import files "
        "that no card or import names any more."
    )

    def handle(self, *args, **options):
        imports, files = directory_files_purge()
        self.stdout.write(f"{imports} import(s) expiré(s), {files} fichier(s) orphelin(s) supprimé(s).")
