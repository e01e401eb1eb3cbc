"""Sessions created before were filed under the events' default category, "other": file them as training."""

from django.db import migrations


def file_sessions_as_training(apps, schema_editor):
    sessions = apps.get_model("training", "TrainingSession").objects.values("event_id")
    apps.get_model("agenda", "EventDetails").objects.filter(event_id__in=sessions).update(category="training")


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_feedback_requested_at"),
        ("agenda", "0004_event_category_attachments_reminders"),
    ]

    operations = [migrations.RunPython(file_sessions_as_training, migrations.RunPython.noop)]
