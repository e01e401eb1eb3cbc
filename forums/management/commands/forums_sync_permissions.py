from django.core.management.base import BaseCommand

from extranet.organisations.models import Organisation
from forums.services import forum_organisation_provision, forums_permissions_sync


class Command(BaseCommand):
    help = "Give every organisation its forums and rebuild every forum's permissions from memberships."

    def handle(self, *args, **options):
        for organisation in Organisation.objects.all():
            forum_organisation_provision(organisation=organisation)
        changes = forums_permissions_sync()
        self.stdout.write(f"Forums : {changes} permission(s) corrigée(s).")
