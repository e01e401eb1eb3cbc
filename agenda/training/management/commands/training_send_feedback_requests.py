from django.core.management.base import BaseCommand

from agenda.training.attendance import feedback_requests_send


class Command(BaseCommand):
    help = "E-mail the feedback form to the participants of sessions that ended; run daily from cron."

    def handle(self, *args, **options):
        sent = feedback_requests_send()
        self.stdout.write(f"Formations : {sent} demande(s) d’avis envoyée(s).")
