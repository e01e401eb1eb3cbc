"""The fixed lists of the aid directory, coded like the Aides-territoires "dispositifs d'aide" schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AudienceCode(models.TextChoices):
    """Who may receive the aid (Aides-territoires `targeted_audiences`)."""

    COMMUNE = "commune", _("Communes")
    EPCI = "epci", _("Intercommunalities (EPCI)")
    DEPARTMENT = "department", _("Départements")
    REGION = "region", _("Regions")
    PUBLIC_ORG = "public_org", _("Public bodies")
    ASSOCIATION = "association", _("Associations")
    PRIVATE_SECTOR = "private_sector", _("Businesses")
    PRIVATE_PERSON = "private_person", _("Individuals")


class AidTypeCode(models.TextChoices):
    """The form the aid takes (Aides-territoires `aid_types`)."""

    GRANT = "grant", _("Grant")
    TECHNICAL_ENGINEERING = "technical_engineering", _("Engineering and support")
    LOAN = "loan", _("Loan")
    RECOVERABLE_ADVANCE = "recoverable_advance", _("Recoverable advance")
    CALL_FOR_PROJECTS = "call_for_projects", _("Call for projects")
    OTHER = "other", _("Other aid")


class ThemeCode(models.TextChoices):
    """The policy areas the aid serves (Aides-territoires `categories`)."""

    PLANNING = "amenagement", _("Regional planning")
    CULTURE = "culture", _("Culture and heritage")
    WATER = "eau-assainissement", _("Water and sanitation")
    EDUCATION = "education", _("Education")
    ENERGY = "energie", _("Energy")
    ENVIRONMENT = "environnement", _("Environment")
    MOBILITY = "mobilite", _("Mobility")
    DIGITAL = "numerique", _("Digital")
    SPORT = "sport", _("Sport")
    TOURISM = "tourisme", _("Tourism")
    URBANISM = "urbanisme", _("Urban planning")
    HEALTH = "sante", _("Health")
    SOCIAL = "social", _("Social action")
    ECONOMY = "economie", _("Economy and employment")


class Recurrence(models.TextChoices):
    """How often the aid can be applied for (Aides-territoires `recurrence`)."""

    ONE_OFF = "oneoff", _("One-off")
    ONGOING = "ongoing", _("Permanent")
    RECURRING = "recurring", _("Recurring")
