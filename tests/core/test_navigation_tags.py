"""The navigation's links: URLs reversed once, as Django writes them; pages' URLs, as Wagtail writes them."""

import pytest
from django.template import Context, Template
from django.urls import reverse, set_script_prefix
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import pageurl

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


PAGE_URL = Template("{% load navigation_tags %}{% page_url page %}")


@pytest.mark.django_db
def test_page_url_is_the_pages_path_on_a_single_site(rf, commune, django_assert_num_queries):
    """A space is linked by its path, as `{% pageurl %}` links it, without looking the request's site up."""
    request = rf.get("/")
    page = commune.space_page
    Site.get_site_root_paths()  # Wagtail's cache, warm as on every request but the first.

    with django_assert_num_queries(0):
        url = PAGE_URL.render(Context({"page": page, "request": request}))

    assert url == "/espaces/jargeau/" == pageurl(Context({"request": request}), page)


@pytest.mark.django_db
def test_page_url_is_the_full_url_when_several_sites_are_served(rf, commune):
    """With a second site of its own, a link names the space's host, as `page.url` does."""
    home = Page.objects.get(depth=1).get_children().first()
    partners = home.add_sibling(instance=Page(title="Partenaires", slug="partenaires"))
    Site.objects.create(hostname="partenaires.example.fr", root_page=partners)
    site = Site.objects.get(is_default_site=True)

    url = PAGE_URL.render(Context({"page": commune.space_page, "request": rf.get("/")}))

    assert url == f"{site.root_url}/espaces/jargeau/" == commune.space_page.url


def test_page_url_of_a_missing_page_is_empty():
    """An organisation without its space page gives an empty link, not an error page."""
    assert PAGE_URL.render(Context({"page": ""})) == ""
