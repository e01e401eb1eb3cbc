"""The fixed lists of procurement, with the French wording the DECP format expects for its exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Nature(models.TextChoices):
    """What the contract buys (the "type de marché")."""

    WORKS = "travaux", _("Works")
    SUPPLIES = "fournitures", _("Supplies")
    SERVICES = "services", _("Services")


class Procedure(models.TextChoices):
    """The award procedures of the French public procurement code."""

    ADAPTED = "adaptee", _("Adapted procedure")
    OPEN = "ouvert", _("Open call for tenders")
    RESTRICTED = "restreint", _("Restricted call for tenders")
    COMPETITIVE_NEGOTIATION = "negociee", _("Competitive procedure with negotiation")
    NEGOTIATED_WITHOUT_NOTICE = "sans-publicite", _("Negotiated without prior publication")
    COMPETITIVE_DIALOGUE = "dialogue", _("Competitive dialogue")


class ContractForm(models.TextChoices):
    """The DECP "nature" of an awarded contract; its French labels are the values of the format."""

    CONTRACT = "marche", _("Contract")
    PARTNERSHIP = "partenariat", _("Partnership contract")
    FRAMEWORK = "accord-cadre", _("Framework agreement")
    SUBSEQUENT = "subsequent", _("Subsequent contract")


class PlaceCodeType(models.TextChoices):
    """The kinds of code that locate the place of execution in the DECP format."""

    POSTAL = "postal", _("Postal code")
    COMMUNE = "commune", _("Commune code (INSEE)")
    DEPARTEMENT = "departement", _("Département code")
    REGION = "region", _("Region code")
    COUNTRY = "pays", _("Country code")


# The values written in the DECP exports: French whatever the visitor's language, as the format requires.
DECP_PROCEDURES = {
    Procedure.ADAPTED: "Procédure adaptée",
    Procedure.OPEN: "Appel d'offres ouvert",
    Procedure.RESTRICTED: "Appel d'offres restreint",
    Procedure.COMPETITIVE_NEGOTIATION: "Procédure concurrentielle avec négociation",
    Procedure.NEGOTIATED_WITHOUT_NOTICE: "Marché négocié sans publicité ni mise en concurrence préalable",
    Procedure.COMPETITIVE_DIALOGUE: "Dialogue compétitif",
}
DECP_NATURES = {
    ContractForm.CONTRACT: "Marché",
    ContractForm.PARTNERSHIP: "Marché de partenariat",
    ContractForm.FRAMEWORK: "Accord-cadre",
    ContractForm.SUBSEQUENT: "Marché subséquent",
}
DECP_PLACE_CODE_TYPES = {
    PlaceCodeType.POSTAL: "Code postal",
    PlaceCodeType.COMMUNE: "Code commune",
    PlaceCodeType.DEPARTEMENT: "Code département",
    PlaceCodeType.REGION: "Code région",
    PlaceCodeType.COUNTRY: "Code pays",
}
