"""Wagtail's chooser of library documents, for public pages: the editor picks among the public documents of
the organisations they belong to (`selectors.document_list_for_pages`), nothing else, in every step.

It gives a widget (registered for every ForeignKey to `documents.Document` in the admin's forms) and a
StreamField block, `LibraryDocumentChooserBlock`.
"""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from . import selectors


class LibraryDocumentFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Title")})
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(title__icontains=query)
        return objects


class _UsableDocumentsMixin:
    def get_object_list(self):
        return selectors.document_list_for_pages(user=self.request.user)


class ChooseColumnsMixin(_UsableDocumentsMixin):
    filter_form_class = LibraryDocumentFilterForm

    @property
    def columns(self):
        return [
            *super().columns,
            Column("organisation", label=_("Organisation"), accessor="organisation"),
            Column("format", label=_("Format"), accessor=lambda item: item.current_version.file_format.upper()),
        ]


class ChooseView(ChooseColumnsMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(ChooseColumnsMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(_UsableDocumentsMixin, chooser_views.ChosenView):
    def get_object(self, pk):
        # isdecimal, not isdigit: "²" is a digit that the database lookup refuses.
        if not str(pk).isdecimal():
            raise Http404
        return self.get_object_list().get(pk=pk)


class ChosenMultipleView(_UsableDocumentsMixin, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=[pk for pk in pks if str(pk).isdecimal()])


class CreateView(chooser_views.CreateView):
    """Documents are added in the library, never from the chooser."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class LibraryDocumentChooserWidget(BaseChooser):
    """Shows the chosen document only while it is public: a number typed in for a private document of any
    library (refused by the page's checks) is not echoed back with its title."""

    def get_instance(self, value):
        instance = super().get_instance(value)
        if instance is None or instance.pk not in selectors.document_list_public(pks=[instance.pk]):
            return None
        return instance


class LibraryDocumentChooserViewSet(ChooserViewSet):
    model = "documents.Document"
    base_widget_class = LibraryDocumentChooserWidget
    icon = "doc-full"
    choose_one_text = _("Choose a library document")
    choose_another_text = _("Choose another document")
    edit_item_text = _("Open in the library")
    per_page = 20
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


library_document_chooser_viewset = LibraryDocumentChooserViewSet("library_document_chooser")
LibraryDocumentChooserBlock = library_document_chooser_viewset.get_block_class(
    name="LibraryDocumentChooserBlock", module_path="documents.chooser"
)
