from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.timezone import get_default_timezone

from agenda.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail tomorrow's events and training sessions to those who come; run once a day from cron."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="The day of the occurrences to remind (YYYY-MM-DD); tomorrow by default.")

    def handle(self, *args, day=None, **options):
        if day:
            try:
                day = date.fromisoformat(day)
            except ValueError:
                raise CommandError("--day attend une date AAAA-MM-JJ.") from None
        else:
            day = timezone.now().astimezone(get_default_timezone()).date() + timedelta(days=1)
        sent = reminders_send(day=day)
        self.stdout.write(f"Agenda : {sent} rappel(s) envoyé(s) pour le {day:%d/%m/%Y}.")
