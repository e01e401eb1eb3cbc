from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from extranet.public.scheduled import scheduled_revisions_publish


class Command(WagtailCommand):
    help = (
        "Wagtail's scheduled publishing and unpublishing, where a version that no longer validates is taken off the "
        "schedule (its author told) instead of stopping every later one."
    )

    def handle(self, *args, **options):
        if not options["dryrun"]:
            for revision in scheduled_revisions_publish():
                self.stderr.write(
                    f"Not published, taken off the schedule: {revision.object_str} (version {revision.pk})."
                )
        super().handle(*args, **options)
