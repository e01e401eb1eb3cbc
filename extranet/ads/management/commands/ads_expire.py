from django.core.management.base import BaseCommand

from extranet.ads.services import ad_expire_due


class Command(BaseCommand):
    help = "Mark the published small ads past their expiry date as expired (run it daily, e.g. from cron)."

    def handle(self, *args, **options):
        count = ad_expire_due()
        self.stdout.write(self.style.SUCCESS(f"{count} ad(s) marked as expired."))
