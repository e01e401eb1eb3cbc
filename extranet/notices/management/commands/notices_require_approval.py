"""Make an organisation's notices go through the département's approval, or stop requiring it."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from extranet.notices.services import notice_section_provision, notice_section_set_approval
from extranet.organisations.models import Organisation


class Command(BaseCommand):
    help = "Require the département's approval before an organisation's notices are published (--off: stop)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The organisation's slug, e.g. jargeau.")
        parser.add_argument("--off", action="store_true", help="Let the organisation's editors publish directly.")

    def handle(self, *args, slug, off=False, **options):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"Aucune organisation n'a l'identifiant « {slug} ».")
        try:
            notice_section_set_approval(section=notice_section_provision(organisation=organisation), required=not off)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if off:
            self.stdout.write(
                f"Les éditeurs de l'organisation « {organisation.name} » publient désormais leurs avis directement."
            )
        else:
            self.stdout.write(
                f"Les avis de l'organisation « {organisation.name} » seront publiés après validation "
                "par les éditeurs du Département."
            )
