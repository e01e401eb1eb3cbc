from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page by the platform's home page and make it the default site's root."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("public.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    homepage_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="public")
    homepage = HomePage.objects.create(
        title="Territoires",
        draft_title="Territoires",
        slug="accueil",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=Locale.objects.order_by("pk").first(),
        intro="<p>La plateforme commune du Département, des intercommunalités, des communes et de leurs "
        "partenaires : actes officiels, annonces, aides et espaces de travail partagés.</p>",
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True, site_name="Territoires")


def remove_homepage(apps, schema_editor):
    apps.get_model("public.HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
