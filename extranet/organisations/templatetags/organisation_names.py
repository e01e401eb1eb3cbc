"""Filters naming an organisation inside a sentence (see `extranet.organisations.wording`)."""

from django import template

from ..wording import organisation_phrase

register = template.Library()


@register.filter
def of_name(organisation) -> str:
    """After "de": « du Département du Loiret », « de Jargeau », « d'Olivet »; in English "of Jargeau"."""
    return organisation_phrase(organisation, "de")


@register.filter
def to_name(organisation) -> str:
    """After "à": « au Département du Loiret », « à Jargeau »; in English "to Jargeau"."""
    return organisation_phrase(organisation, "à")


@register.filter
def named(organisation) -> str:
    """With its article alone, after "par" or "avec", which do not contract: « le Département du Loiret »."""
    return organisation_phrase(organisation)
