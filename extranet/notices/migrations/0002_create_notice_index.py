from django.db import migrations

from extranet.public.migration_helpers import create_index_page, delete_index_page


def create_notice_index(apps, schema_editor):
    """Create /communiques/, the parent of every organisation's notices section."""
    create_index_page(
        apps,
        model="notices.NoticeIndexPage",
        title="Communiqués et avis",
        slug="communiques",
        intro="<p>Les avis officiels, communiqués de presse et informations publiés par le Département, "
        "les intercommunalités, les communes et leurs partenaires.</p>",
    )


def remove_notice_index(apps, schema_editor):
    delete_index_page(apps, model="notices.NoticeIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0001_initial"),
        ("public", "0002_create_homepage"),
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [migrations.RunPython(create_notice_index, remove_notice_index)]
