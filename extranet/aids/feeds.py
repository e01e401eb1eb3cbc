from django.utils.formats import date_format
from django.utils.translation import gettext as _

from extranet.public.feeds import ListingPageFeed


class AidFeed(ListingPageFeed):
    """The latest open aids of a listing page (the whole directory or one provider's section)."""

    def subtitle(self, page):
        return _("Aids offered to local authorities, newest first.")

    def items(self, page):
        from .selectors import aid_feed_items

        return aid_feed_items(aids=page.listed_aids())

    def item_description(self, item):
        themes = ", ".join(str(theme) for theme in item.themes.all())
        if item.submission_deadline:
            deadline = _("closes on %(date)s") % {"date": date_format(item.submission_deadline, "DATE_FORMAT")}
        else:
            deadline = _("no closing date")
        return f"{item.organisation.name} · {themes} · {deadline}"
