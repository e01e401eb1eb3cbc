from django.db import migrations


def create_spaces_index(apps, schema_editor):
    """Create /espaces/, the parent page of every organisation's private space."""
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("public.HomePage")
    SpacesIndexPage = apps.get_model("organisations.SpacesIndexPage")

    home = HomePage.objects.get(depth=2)
    index_type, _created = ContentType.objects.get_or_create(model="spacesindexpage", app_label="organisations")
    SpacesIndexPage.objects.create(
        title="Espaces privés",
        draft_title="Espaces privés",
        slug="espaces",
        content_type=index_type,
        path=home.path + "0001",
        depth=home.depth + 1,
        numchild=0,
        url_path=home.url_path + "espaces/",
        locale_id=home.locale_id,
    )
    HomePage.objects.filter(pk=home.pk).update(numchild=1)


def remove_spaces_index(apps, schema_editor):
    apps.get_model("organisations.SpacesIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial"), ("public", "0002_create_homepage")]

    operations = [migrations.RunPython(create_spaces_index, remove_spaces_index)]
