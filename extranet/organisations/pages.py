"""Wagtail pages of the private spaces: one restricted page per organisation, under /espaces/."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from extranet.core.page_forms import ChosenDocumentsFormMixin


class SpacesIndexPage(Page):
    """The parent of every private space; it lists nothing itself and sends visitors to their dashboard."""

    parent_page_types = ["public.HomePage"]
    subpage_types = ["organisations.OrganisationSpacePage"]
    max_count = 1

    class Meta:
        verbose_name = _("private spaces index")

    def serve(self, request, *args, **kwargs):
        return redirect("core:dashboard")


class OrganisationSpacePage(Page):
    """An organisation's private space home, visible to its members only (Wagtail group restriction)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="space_page", editable=False
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["organisations.SpacesIndexPage"]
    subpage_types = ["organisations.SpaceArticlePage"]

    class Meta:
        verbose_name = _("organisation space")

    def get_context(self, request, *args, **kwargs):
        from .selectors import organisation_get_abilities, space_article_list

        context = super().get_context(request, *args, **kwargs)
        context["organisation"] = self.organisation
        context["abilities"] = organisation_get_abilities(user=request.user, organisation=self.organisation)
        context["articles"] = space_article_list(space=self)
        return context

    def serve(self, request, *args, **kwargs):
        from .selectors import organisation_get_for_member

        organisation_get_for_member(user=request.user, slug=self.organisation.slug)
        return super().serve(request, *args, **kwargs)


class SpaceArticlePageForm(ChosenDocumentsFormMixin, WagtailAdminPageForm):
    """The documents an article links to are ones its editor may choose."""


class SpaceArticlePage(Page):
    """A news item or information page published inside an organisation's private space."""

    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"])
    base_form_class = SpaceArticlePageForm

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["organisations.OrganisationSpacePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("space article")

    def serve(self, request, *args, **kwargs):
        space = self.get_parent().specific
        if not isinstance(space, OrganisationSpacePage):
            raise Http404
        from .selectors import organisation_get_for_member

        organisation_get_for_member(user=request.user, slug=space.organisation.slug)
        return super().serve(request, *args, **kwargs)
