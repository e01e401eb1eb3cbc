from django.db import migrations

from extranet.public.migration_helpers import create_index_page, delete_index_page


def create_index(apps, schema_editor):
    create_index_page(
        apps,
        model="jobs.JobIndexPage",
        title="Offres d'emploi",
        slug="emplois",
        intro="<p>Les postes ouverts par le Département, les intercommunalités, les communes et leurs "
        "partenaires : titulaires, contractuels, apprentissage et stages.</p>",
    )


def remove_index(apps, schema_editor):
    delete_index_page(apps, model="jobs.JobIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("public", "0002_create_homepage"),
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
