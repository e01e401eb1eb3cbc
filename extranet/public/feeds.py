"""Atom feeds of the public area (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 50


class PublicAtomFeed(Feed):
    """An Atom feed of Wagtail pages: published first, updated on each publication."""

    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        organisation = getattr(item, "organisation", None)
        return organisation.name if organisation else None


class ListingPageFeed(PublicAtomFeed):
    """The feed of a listing page (an index or one organisation's section), linking back to it.

    Subclasses say which items it holds (`items(page)`) and how each is described.
    """

    def __init__(self, *, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        return page.feed_title

    def link(self, page):
        return page.get_url(request=self.request)

    def item_link(self, item):
        return item.get_url(request=self.request)
