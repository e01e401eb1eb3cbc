"""The navigation's URLs reversed once: the same as Django's, under the site's prefix and URLconf of the request."""

from django.template import Context, Template
from django.urls import reverse, set_script_prefix

NAV = Template("{% load navigation_tags %}{% nav_url 'core:dashboard' %} {% nav_url 'notifications:list' %}")


def test_nav_url_is_what_url_gives():
    """Each link is the URL `{% url %}` would write."""
    assert NAV.render(Context()) == f"{reverse('core:dashboard')} {reverse('notifications:list')}"


def test_a_site_served_under_a_sub_path_gets_its_own_links():
    """A script prefix changes the links, and the first prefix's links are not served to the second."""
    try:
        set_script_prefix("/territoires/")
        prefixed = NAV.render(Context())
    finally:
        set_script_prefix("/")

    assert prefixed == "/territoires/tableau-de-bord/ /territoires/notifications/"
    assert NAV.render(Context()) == "/tableau-de-bord/ /notifications/"
