"""The provider's pages: its aids' dashboards, the CSV of an aid's applications, the instruction actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.core.forms import form_add_service_error

from .. import selectors
from ..exports import dashboard_csv_response
from ..forms import DashboardFilterForm
from .actions import ACTIONS
from .applicant import application_detail


@login_required
@require_POST
def application_instruct(request, pk, action):
    spec = ACTIONS[action]
    application = selectors.application_get_for_viewer(user=request.user, pk=pk, action="instruct")
    form = spec.form_class(request.POST, prefix=action)
    if form.is_valid():
        fields = dict(form.cleaned_data)
        expected_version = fields.pop("version")
        try:
            spec.service(application=application, actor=request.user, expected_version=expected_version, **fields)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, spec.success)
            return redirect("subsidies:detail", pk)
    return application_detail(request, pk, forms={action: form}, status=400)


@login_required
def provider_dashboard(request, slug):
    organisation = selectors.provider_get_for_member(user=request.user, slug=slug)
    aids = selectors.provider_aid_summaries(organisation=organisation)
    return render(request, "subsidies/provider_dashboard.html", {"organisation": organisation, "aids": aids})


@login_required
def aid_dashboard(request, aid_pk):
    aid = selectors.aid_get_for_provider(user=request.user, pk=aid_pk)
    filters = selectors.DashboardFilters.from_query(request.GET)
    applications = selectors.provider_applications(aid=aid, filters=filters)
    context = {
        "aid": aid,
        "applications": applications,
        "totals": selectors.application_totals(applications=applications),
        "filter_form": DashboardFilterForm(request.GET or None),
        "query": request.GET.urlencode(),
    }
    return render(request, "subsidies/aid_dashboard.html", context)


@login_required
def aid_export(request, aid_pk):
    aid = selectors.aid_get_for_provider(user=request.user, pk=aid_pk)
    applications = selectors.provider_applications(aid=aid, filters=selectors.DashboardFilters.from_query(request.GET))
    return dashboard_csv_response(applications=applications, filename=f"demandes-{aid.slug}")
