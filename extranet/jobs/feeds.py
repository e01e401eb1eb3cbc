from django.utils.formats import date_format
from django.utils.translation import gettext as _

from extranet.public.feeds import ListingPageFeed


class JobOfferFeed(ListingPageFeed):
    """The open offers of a listing page (the whole job board or one organisation's section), newest first."""

    def subtitle(self, page):
        return _("Open job offers of the local authorities, newest first.")

    def items(self, page):
        from .selectors import job_offer_feed_items

        return job_offer_feed_items(offers=page.listed_items())

    def item_description(self, item):
        return _("%(place)s · %(category)s · %(contract)s · apply by %(deadline)s") % {
            "place": item.place,
            "category": item.get_category_display(),
            "contract": item.get_contract_type_display(),
            "deadline": date_format(item.application_deadline, "DATE_FORMAT"),
        }
