"""Forums named without a letter or a digit ("🎉🎉🎉") got an empty slug, which broke every page linking to them:
they get the slug `services._forum_save` now gives such a forum."""

from django.db import migrations


def forum_empty_slugs_fill(apps, schema_editor):
    apps.get_model("forum", "Forum").objects.filter(slug="").update(slug="forum")


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("forum", "0011_auto_20190627_2132"),
    ]

    operations = [migrations.RunPython(forum_empty_slugs_fill, migrations.RunPython.noop)]
