"""Every multiple choice of rows refuses an id beyond the database's integers as an unknown choice, not an error 500."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps

from extranet.core.forms import IdsChoiceField
from extranet.organisations.models import Organisation

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
PROJECT_PACKAGES = {"extranet", "agenda", "annuaire", "documents", "forums"}


def project_form_classes():
    """The form classes defined in the project's apps (their `forms` modules and packages)."""
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in PROJECT_PACKAGES:
            continue
        for name in ("forms", "page_forms"):
            try:
                module = importlib.import_module(f"{config.name}.{name}")
            except ModuleNotFoundError:
                continue
            modules = [module]
            if hasattr(module, "__path__"):
                modules += [
                    importlib.import_module(info.name)
                    for info in pkgutil.iter_modules(module.__path__, f"{module.__name__}.")
                ]
            for item in modules:
                for _name, value in inspect.getmembers(item, inspect.isclass):
                    if issubclass(value, forms.BaseForm) and value.__module__ == item.__name__:
                        yield value


def test_every_multiple_choice_of_rows_is_an_ids_choice_field():
    """A new form's multiple choice must use IdsChoiceField, or a huge id in the POST answers 500 on SQLite."""
    offenders = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in project_form_classes()
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field, forms.ModelMultipleChoiceField) and not isinstance(field, IdsChoiceField)
    ]

    assert offenders == []


def test_a_huge_id_is_an_unknown_choice(commune):
    """The field answers Django's French "not one of the choices" message."""
    field = IdsChoiceField(queryset=Organisation.objects.all())

    with pytest.raises(forms.ValidationError, match="n’en fait pas partie|ne fait pas partie"):
        field.clean([str(commune.pk), HUGE])
