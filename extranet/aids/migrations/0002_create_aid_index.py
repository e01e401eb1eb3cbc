from django.db import migrations

from extranet.public.migration_helpers import create_index_page, delete_index_page

# The codes of the fixed lists as they were when this migration was written (see extranet/aids/choices.py).
AUDIENCES = ["commune", "epci", "department", "region", "public_org", "association", "private_sector", "private_person"]
AID_TYPES = ["grant", "technical_engineering", "loan", "recoverable_advance", "call_for_projects", "other"]
THEMES = [
    "amenagement",
    "culture",
    "eau-assainissement",
    "education",
    "energie",
    "environnement",
    "mobilite",
    "numerique",
    "sport",
    "tourisme",
    "urbanisme",
    "sante",
    "social",
    "economie",
]


def create_index_and_lists(apps, schema_editor):
    """Create /aides/ and the rows of the fixed lists."""
    for model, codes in (("aids.Audience", AUDIENCES), ("aids.AidType", AID_TYPES), ("aids.Theme", THEMES)):
        rows = apps.get_model(model)
        rows.objects.bulk_create([rows(code=code) for code in codes], ignore_conflicts=True)
    create_index_page(
        apps,
        model="aids.AidIndexPage",
        title="Répertoire des aides",
        slug="aides",
        intro="<p>Les aides que le Département et ses partenaires proposent aux communes et aux "
        "intercommunalités : subventions, ingénierie, appels à projets.</p>",
    )


def remove_index(apps, schema_editor):
    delete_index_page(apps, model="aids.AidIndexPage")


class Migration(migrations.Migration):
    dependencies = [
        ("aids", "0001_initial"),
        ("public", "0002_create_homepage"),
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [migrations.RunPython(create_index_and_lists, remove_index)]
