"""Fill a development database with demonstration data; safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

# Each feature appends the dotted path of its own `seed(*, stdout)` function; they run in this order.
SEEDERS = (
    "extranet.organisations.demo.seed",
    "extranet.ads.demo.seed",
    "extranet.notices.demo.seed",
    "extranet.acts.demo.seed",
    "extranet.aids.demo.seed",
    "extranet.jobs.demo.seed",
    "extranet.procurement.demo.seed",
    "forums.demo.seed",
    "documents.demo.seed",
    "annuaire.demo.seed",
    "agenda.demo.seed",
    "agenda.training.demo.seed",
    "extranet.subsidies.demo.seed",
    "extranet.notifications.demo.seed",
    "extranet.broadcast.demo.seed",
    "extranet.messaging.demo.seed",
    "extranet.sandbox.demo.seed",
)


class Command(BaseCommand):
    help = "Create the demonstration organisations and accounts (Loiret); creates nothing twice."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refus : DEBUG est désactivé, cette base ressemble à une base de production. "
                "Relancez avec --force pour y créer quand même les données de démonstration."
            )
        with transaction.atomic():
            for path in SEEDERS:
                import_string(path)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
