"""Atom feeds of the acts: everyone's at /actes/flux/, one organisation's at /actes/<slug>/flux/."""

from django.utils import formats
from django.utils.translation import gettext as _

from extranet.public.feeds import FEED_SIZE, PublicAtomFeed


class ActFeed(PublicAtomFeed):
    """The latest live acts below `page` (the index or a section), with their signed PDF as enclosure."""

    def get_object(self, request, *, page, acts):
        self.request = request
        self.acts = acts
        return page

    def title(self, page):
        return _("Official acts — %(title)s") % {"title": page.title}

    def subtitle(self, page):
        return _("Deliberations, orders and decisions published on %(title)s.") % {"title": page.title}

    def link(self, page):
        return page.get_url(self.request)

    def items(self, page):
        return self.acts[:FEED_SIZE]

    def item_link(self, act):
        return act.get_url(self.request)

    def item_description(self, act):
        return _("%(kind)s no. %(number)s of %(date)s, %(organisation)s. Matter: %(matter)s.") % {
            "kind": act.get_kind_display(),
            "number": act.internal_id,
            "date": formats.date_format(act.adoption_date, "DATE_FORMAT"),
            "organisation": act.organisation.name,
            "matter": act.matter.label if act.matter else act.matter_code,
        }

    def item_categories(self, act):
        return [act.matter_code]

    def item_enclosure_url(self, act):
        return self.request.build_absolute_uri(act.signed_pdf_url(self.request))

    def item_enclosure_length(self, act):
        return act.signed_pdf_size or 0

    item_enclosure_mime_type = "application/pdf"
