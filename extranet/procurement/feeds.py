from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from extranet.public.feeds import ListingPageFeed


class ProcurementNoticeFeed(ListingPageFeed):
    """The open notices of a listing page (every organisation's or one section's), newest first."""

    def subtitle(self, page):
        return _("Open procurement notices of the local authorities, newest first.")

    def items(self, page):
        from .selectors import procurement_notice_feed_items

        return procurement_notice_feed_items(notices=page.listed_items())

    def item_description(self, item):
        return _("%(nature)s · %(procedure)s · CPV %(cpv)s · offers by %(deadline)s") % {
            "nature": item.get_nature_display(),
            "procedure": item.get_procedure_display(),
            "cpv": item.cpv_code,
            "deadline": date_format(timezone.localtime(item.offers_deadline), "DATETIME_FORMAT"),
        }
