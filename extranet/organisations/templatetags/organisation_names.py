"""Filters naming an organisation inside a sentence (see `extranet.organisations.wording`)."""

from django import template

from ..wording import organisation_phrase

register = template.Library()


def _phrase(organisation, preposition: str = "") -> str:
    # Like any filter, nothing rather than an error page when a template passes no organisation.
    return organisation_phrase(organisation, preposition) if hasattr(organisation, "article") else ""


@register.filter
def of_name(organisation) -> str:
    """After "de": « du Département du Loiret », « de Jargeau », « d'Olivet »; in English "of Jargeau"."""
    return _phrase(organisation, "de")


@register.filter
def to_name(organisation) -> str:
    """After "à": « au Département du Loiret », « à Jargeau »; in English "to Jargeau"."""
    return _phrase(organisation, "à")


@register.filter
def named(organisation) -> str:
    """With its article alone, after "par" or "avec", which do not contract: « le Département du Loiret »."""
    return _phrase(organisation)
