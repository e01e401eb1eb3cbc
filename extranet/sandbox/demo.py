"""The demonstration's trainer: a "Formateurs" group holding the right to open training sandboxes, with Luc Petit
in it, as the platform's administrators would set it up in the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

GROUP = "Formateurs"
TRAINERS = ["luc.petit@loiret.test"]


def seed(*, stdout) -> None:
    group, created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="sandbox", codename="add_sandbox"))
    group.user_set.add(*get_user_model().objects.filter(email__in=TRAINERS))
    stdout.write(f"Espaces de formation : groupe « {GROUP} » {'créé' if created else 'déjà présent'}.")
