"""The fixed lists of the job board."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The three hierarchical categories of the French civil service."""

    A = "A", _("Category A")
    B = "B", _("Category B")
    C = "C", _("Category C")


class JobFamily(models.TextChoices):
    """Job families, after the CNFPT's "répertoire des métiers territoriaux"."""

    ADMINISTRATION = "administration", _("General administration")
    FINANCE = "finances", _("Finance")
    HUMAN_RESOURCES = "ressources-humaines", _("Human resources")
    PLANNING = "urbanisme-amenagement", _("Urban planning and development")
    TECHNICAL = "services-techniques", _("Technical services")
    ENVIRONMENT = "environnement", _("Environment and waste")
    CULTURE = "culture", _("Culture")
    SPORT = "sport", _("Sport")
    SOCIAL = "social", _("Social action")
    CHILDHOOD = "enfance-jeunesse", _("Childhood and youth")
    SECURITY = "securite", _("Public safety")
    DIGITAL = "numerique", _("Digital and information systems")
    COMMUNICATION = "communication", _("Communication")


class ContractType(models.TextChoices):
    CIVIL_SERVANT = "titulaire", _("Civil servant")
    CONTRACT_AGENT = "contractuel", _("Contract agent")
    FIXED_TERM = "cdd", _("Fixed-term contract")
    APPRENTICESHIP = "apprentissage", _("Apprenticeship")
    INTERNSHIP = "stage", _("Internship")


class WorkingTime(models.TextChoices):
    FULL_TIME = "complet", _("Full time")
    PART_TIME = "non-complet", _("Part time")
