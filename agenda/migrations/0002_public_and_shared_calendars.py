"""The platform's public calendar and its first shared calendar; organisations' private ones come with
their provisioning (`manage.py sync_organisation_groups` for existing organisations)."""

import uuid

from django.db import migrations

CALENDARS = [
    ("public", "Agenda public", "Les événements ouverts à tous."),
    ("shared", "Réunions intercommunales", "Les réunions communes aux organisations du territoire."),
]


def create(apps, schema_editor):
    Calendar = apps.get_model("schedule", "Calendar")
    AgendaCalendar = apps.get_model("agenda", "AgendaCalendar")
    for kind, name, description in CALENDARS:
        if AgendaCalendar.objects.filter(kind=kind, calendar__name=name).exists():
            continue
        calendar = Calendar.objects.create(name=name, slug=f"{kind}-{uuid.uuid4().hex[:12]}")
        AgendaCalendar.objects.create(calendar=calendar, kind=kind, description=description)


class Migration(migrations.Migration):
    dependencies = [("agenda", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
