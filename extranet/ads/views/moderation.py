"""The moderation queue of the département's editors and admins; everyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import RejectForm


@login_required
def moderation_queue(request):
    return render(request, "ads/ad_moderation_queue.html", {"ads": selectors.ad_moderation_queue(user=request.user)})


@login_required
def ad_moderate(request, pk):
    ad = selectors.ad_get_for_moderation(user=request.user, pk=pk)
    return render(request, "ads/ad_moderate.html", {"ad": ad, "reject_form": RejectForm()})


@login_required
@require_POST
def ad_approve(request, pk):
    ad = selectors.ad_get_for_moderation(user=request.user, pk=pk)
    try:
        services.ad_approve(ad=ad, moderator=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("“%(title)s” is published; its author has been told.") % {"title": ad.title})
    return redirect("ads:moderation_queue")


@login_required
@require_POST
def ad_reject(request, pk):
    ad = selectors.ad_get_for_moderation(user=request.user, pk=pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.ad_reject(ad=ad, moderator=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("“%(title)s” has been refused; its author has been told.") % {"title": ad.title}
            )
        return redirect("ads:moderation_queue")
    return render(request, "ads/ad_moderate.html", {"ad": ad, "reject_form": form}, status=400)
