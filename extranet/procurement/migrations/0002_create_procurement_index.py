from django.db import migrations

from extranet.public.migration_helpers import create_index_page, delete_index_page


def create_index(apps, schema_editor):
    create_index_page(
        apps,
        model="procurement.ProcurementIndexPage",
        title="Marchés publics",
        slug="marches-publics",
        intro="<p>Les consultations du Département, des intercommunalités, des communes et de leurs "
        "partenaires : travaux, fournitures et services, avec leurs questions-réponses et les marchés "
        "attribués.</p>",
    )


def remove_index(apps, schema_editor):
    delete_index_page(apps, model="procurement.ProcurementIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("procurement", "0001_initial"),
        ("public", "0002_create_homepage"),
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
