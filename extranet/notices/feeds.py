from extranet.public.feeds import PublicAtomFeed


class NoticeFeed(PublicAtomFeed):
    """The Atom feed of a notices listing: each entry carries its summary and its type."""

    def __init__(self, *, page, title: str, notices: list):
        super().__init__()
        self.page = page
        self.feed_title = title
        self.notices = notices

    def title(self):
        return self.feed_title

    def link(self):
        return self.page.url

    def items(self):
        return self.notices

    def item_pubdate(self, item):
        return item.publication_datetime

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [item.get_kind_display()]
