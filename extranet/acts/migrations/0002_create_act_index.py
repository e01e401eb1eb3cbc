from django.db import migrations

from extranet.public.migration_helpers import create_index_page, delete_index_page


def create_act_index(apps, schema_editor):
    """Create /actes/, the index of every organisation's official acts."""
    create_index_page(
        apps,
        model="acts.ActIndexPage",
        title="Actes et délibérations",
        slug="actes",
        intro="<p>Les délibérations, arrêtés et décisions des collectivités du territoire, publiés sous forme "
        "électronique avec leur document signé : cette publication les rend exécutoires (article L. 2131-1 du "
        "code général des collectivités territoriales).</p>",
    )


def delete_act_index(apps, schema_editor):
    delete_index_page(apps, model="acts.ActIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("acts", "0001_initial"),
        ("public", "0002_create_homepage"),
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [migrations.RunPython(create_act_index, delete_act_index)]
