from django.core.management.base import BaseCommand

from extranet.notifications.digests import notification_digests_send


class Command(BaseCommand):
    help = "Send each member the daily e-mail digest of their notifications; safe to run again."

    def handle(self, *args, **options):
        count = notification_digests_send()
        self.stdout.write(f"{count} digest(s) queued.")
