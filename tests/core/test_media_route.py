"""The development media route serves public media but never the folders of permission-checked files."""

import importlib

import pytest
from django.urls import clear_url_caches, resolve
from django.urls.exceptions import Resolver404


@pytest.fixture
def debug_urls(settings):
    import config.urls

    settings.DEBUG = True
    clear_url_caches()
    yield importlib.reload(config.urls)
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def media_route(urls, path):
    match = resolve(path, urlconf=urls)
    return match.url_name == "media"


def test_public_media_are_served_in_debug(debug_urls):
    """Ad photos and Wagtail images resolve to the media route."""
    assert media_route(debug_urls, "/media/ads/2026/photo.jpg")


def test_forum_attachments_are_not(debug_urls):
    """A forum attachment's media path never reaches the media route (machina's view checks the reader)."""
    try:
        assert not media_route(debug_urls, "/media/forum-attachments/compte-rendu.pdf")
    except Resolver404:
        pass
