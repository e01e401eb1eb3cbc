"""The Wagtail admin's screen for org charts: every organisation's services, for the platform's administrators.

Organisation admins edit their own chart on the site (`/annuaire/organisations/<slug>/services/`); this screen
needs the Django permissions on services, which no organisation role grants. Every write goes through the
services (tree operations, search refresh), never through the model form's save.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .models import Service


class ServiceCreateForm(WagtailAdminModelForm):
    parent = forms.ModelChoiceField(
        label=_("Inside"),
        queryset=Service.objects.select_related("organisation").order_by("organisation__name", "path"),
        required=False,
        help_text=_("A service of the same organisation; leave empty for a top-level direction."),
    )

    class Meta:
        model = Service
        fields = ["organisation", "name"]


class ServiceEditForm(WagtailAdminModelForm):
    class Meta:
        model = Service
        fields = ["name"]


class ServiceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Service.objects.select_related("organisation").order_by("organisation__name", "path")


class ServiceCreateView(generic.CreateView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_instance(self):
        data = self.form.cleaned_data
        return services.service_create(organisation=data["organisation"], name=data["name"], parent=data["parent"])


class ServiceEditView(generic.EditView):
    def save_instance(self):
        return services.service_rename(service=self.form.instance, name=self.form.cleaned_data["name"])


class ServiceDeleteView(generic.DeleteView):
    def delete_action(self):
        services.service_delete(service=self.object)


class ServiceViewSet(ModelViewSet):
    model = Service
    icon = "list-ul"
    menu_label = _("Org charts")
    menu_order = 205
    add_to_admin_menu = True
    index_view_class = ServiceIndexView
    add_view_class = ServiceCreateView
    edit_view_class = ServiceEditView
    delete_view_class = ServiceDeleteView
    copy_view_enabled = False
    list_display = ["name", "organisation", Column("depth", label=_("Level"))]
    list_filter = ["organisation"]
    search_fields = ["name", "organisation__name"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return ServiceEditForm if for_update else ServiceCreateForm
