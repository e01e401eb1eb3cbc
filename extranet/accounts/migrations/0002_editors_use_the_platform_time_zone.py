"""Editors type times in the platform's zone: a zone chosen earlier in Wagtail's account settings is forgotten.

WAGTAIL_USER_TIME_ZONES now offers the platform's zone alone, so the setting is hidden and could not be undone.
"""

from django.db import migrations


def forget_chosen_time_zones(apps, schema_editor):
    apps.get_model("wagtailusers", "UserProfile").objects.exclude(current_time_zone="").update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(forget_chosen_time_zones, migrations.RunPython.noop)]
