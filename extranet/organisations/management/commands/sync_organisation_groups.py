from django.core.management.base import BaseCommand

from extranet.organisations.models import Organisation
from extranet.organisations.services import organisation_sync_groups


class Command(BaseCommand):
    help = "Rebuild every organisation's Wagtail groups, page restriction and permissions from its memberships."

    def handle(self, *args, **options):
        total = 0
        for organisation in Organisation.objects.order_by("pk").iterator():
            changes = organisation_sync_groups(organisation=organisation)
            total += changes
            if changes:
                self.stdout.write(f"{organisation.slug}: {changes} group membership(s) corrected")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} correction(s)."))
