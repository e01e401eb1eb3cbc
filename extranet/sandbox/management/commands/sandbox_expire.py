from django.core.management.base import BaseCommand

from extranet.sandbox.services import sandbox_expire


class Command(BaseCommand):
    help = "Delete the training sandboxes past their expiry date (idempotent; run daily by cron)."

    def handle(self, *args, **options):
        count = sandbox_expire()
        self.stdout.write(f"{count} sandbox(es) deleted.")
