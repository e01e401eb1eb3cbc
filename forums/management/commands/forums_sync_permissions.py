from django.core.management.base import BaseCommand

from extranet.organisations.models import Organisation
from forums.models import ForumAudience
from forums.services import forum_organisation_provision, forums_permissions_sync


class Command(BaseCommand):
    help = "Rebuild every forum's permissions from memberships, then give every organisation its forums."

    def handle(self, *args, **options):
        # Repair first, so that what was wrong is counted (provisioning repairs the shared forums too).
        changes = forums_permissions_sync()
        categories = ForumAudience.objects.filter(forum__parent__isnull=True)
        before = categories.count()
        for organisation in Organisation.objects.all():
            forum_organisation_provision(organisation=organisation)
        created = categories.count() - before
        self.stdout.write(
            f"Forums : {changes} permission(s) corrigée(s), {created} organisation(s) dotée(s) de ses forums."
        )
