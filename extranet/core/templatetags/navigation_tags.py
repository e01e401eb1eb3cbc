"""The site navigation's links: URLs without arguments, reversed once per process rather than on every page."""

import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.cache
def _reversed(name: str, urlconf, script_prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def nav_url(name: str) -> str:
    """What `{% url name %}` gives for a URL without arguments; the header has fourteen of them on every page.

    The URLconf and the script prefix (a site served under a sub-path) are part of the key: a request with another
    URLconf or prefix gets its own URLs.
    """
    return _reversed(name, get_urlconf(), get_script_prefix())
