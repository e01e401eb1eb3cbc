from django.db import migrations, models


def refuse_shared_sirets(apps, schema_editor):
    """Name the organisations sharing a SIRET, which the constraint would refuse with a bare integrity error."""
    Organisation = apps.get_model("organisations", "Organisation")
    shared = (
        Organisation.objects.exclude(siret="")
        .values("siret")
        .annotate(count=models.Count("pk"))
        .filter(count__gt=1)
        .values_list("siret", flat=True)
    )
    if shared:
        holders = "; ".join(
            f"{siret}: " + ", ".join(Organisation.objects.filter(siret=siret).values_list("slug", flat=True))
            for siret in shared
        )
        raise RuntimeError(f"Organisations share a SIRET; correct them in the admin, then migrate again ({holders}).")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_create_spaces_index"),
    ]

    operations = [
        migrations.RunPython(refuse_shared_sirets, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("siret", ""), _negated=True),
                fields=("siret",),
                name="organisations_unique_siret",
                violation_error_message="Another organisation already has this SIRET.",
            ),
        ),
    ]
