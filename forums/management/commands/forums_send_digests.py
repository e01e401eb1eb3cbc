from django.core.management.base import BaseCommand

from forums.notifications import digests_send


class Command(BaseCommand):
    help = "Send the daily digest of new forum posts to the members who chose it; run once a day from cron."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"Forums : {sent} résumé(s) envoyé(s).")
