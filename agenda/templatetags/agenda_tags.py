from django import template

from ..models import PARIS

register = template.Library()


@register.filter
def stamp(occurrence) -> int:
    """The occurrence's original start as a Unix time: its address in the URLs."""
    return int(occurrence.original_start.timestamp())


@register.filter
def paris(value):
    """A datetime in Europe/Paris, whatever the active time zone."""
    return value.astimezone(PARIS) if value else value
