from django import template
from django.utils.timezone import get_default_timezone

from extranet.core.timezones import time_zone_name

register = template.Library()


@register.filter
def stamp(occurrence) -> int:
    """The occurrence's original start as a Unix time: its address in the URLs."""
    return int(occurrence.original_start.timestamp())


@register.filter
def local(value):
    """A datetime in the platform's time zone, whatever the active one."""
    return value.astimezone(get_default_timezone()) if value else value


@register.simple_tag
def time_zone():
    """The platform's time zone as its users name it ("Paris time"), for the help of forms taking times."""
    return time_zone_name()
