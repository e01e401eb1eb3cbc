from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The public home page of the platform."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = [
        "organisations.SpacesIndexPage",
        "acts.ActIndexPage",
        "notices.NoticeIndexPage",
        "aids.AidIndexPage",
        "jobs.JobIndexPage",
        "procurement.ProcurementIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from extranet.organisations.selectors import organisation_public_list

        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = organisation_public_list()
        return context
