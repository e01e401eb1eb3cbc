"""The site navigation's links: URLs without arguments reversed once per process, pages' URLs without a lookup each."""

import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from wagtail.models import Page, Site

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


# No site in particular: a page is linked by its path while one site is served, by its full URL when there are
# several (as `page.url` links it; `{% pageurl %}` would also give a path on the request's own site).
_ANY_SITE = Site()


@register.simple_tag(takes_context=True)
def page_url(context, page) -> str:
    """`page.url` for lists of pages outside Wagtail's own views (the dashboard's spaces).

    `{{ page.url }}` reads Wagtail's site root paths from the cache once per page, a Redis round trip each;
    `{% pageurl %}` reads them once per request but first looks the request's site up, a query that costs more
    than a dozen such links. Wagtail keeps the root paths on the request given here, and the site given here
    spares the lookup. A missing page (an organisation without its space) gives no URL rather than an error.
    """
    if not isinstance(page, Page):
        return ""
    return page.relative_url(_ANY_SITE, request=context.get("request")) or ""
