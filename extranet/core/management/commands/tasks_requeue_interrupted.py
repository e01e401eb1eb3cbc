from django.core.management.base import BaseCommand

from extranet.core.services import tasks_requeue_interrupted


class Command(BaseCommand):
    help = (
        "Requeue the tasks that the worker with this id was running when it died (run it before starting that "
        "worker: systemd's ExecStartPre)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", required=True, help="The id given to db_worker --worker-id.")

    def handle(self, *args, worker_id, **options):
        count = tasks_requeue_interrupted(worker_id=worker_id)
        self.stdout.write(f"{count} tâche(s) interrompue(s) remise(s) en file.")
