"""The diffusion lists' pages, for the administrators of the département and the EPCIs (404 for anyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from extranet.accounts.selectors import user_preferred_language
from extranet.core.middleware import recipient_language_activate

from . import selectors, services
from .forms import BroadcastForm
from .models import BroadcastStatus, Channel


def _senders_or_404(user):
    senders = selectors.broadcast_sender_organisations(user=user)
    if not senders.exists():
        raise Http404
    return senders


@login_required
def broadcast_list(request):
    _senders_or_404(request.user)
    broadcasts = selectors.broadcast_list_for_sender(user=request.user)
    return render(request, "broadcast/broadcast_list.html", {"broadcasts": broadcasts})


@login_required
def broadcast_create(request):
    senders = _senders_or_404(request.user)
    form = BroadcastForm(request.POST or None, request.FILES or None, senders=senders)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            broadcast = services.broadcast_create(
                sender=data["sender"],
                user=request.user,
                subject=data["subject"],
                body=data["body"],
                by_email=data["by_email"],
                by_sms=data["by_sms"],
                organisations=list(data["organisations"]),
                organisation_kinds=data["organisation_kinds"],
                role=data["role"],
                contacts=data["contacts_file"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("broadcast:detail", pk=broadcast.pk)
    return render(request, "broadcast/broadcast_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def broadcast_detail(request, pk):
    """Before sending: the preview (recipients, SMS length and cost); after: the delivery log."""
    broadcast = selectors.broadcast_get_for_sender(user=request.user, pk=pk)
    context = {"broadcast": broadcast}
    if broadcast.status == BroadcastStatus.DRAFT:
        context["preview"] = selectors.broadcast_preview(broadcast=broadcast)
    else:
        context["counts"] = selectors.delivery_counts(broadcast=broadcast)
        context["page_obj"] = Paginator(selectors.delivery_list(broadcast=broadcast), 50).get_page(
            request.GET.get("page")
        )
    return render(request, "broadcast/broadcast_detail.html", context)


@login_required
@require_POST
def broadcast_test(request, pk):
    broadcast = selectors.broadcast_get_for_sender(user=request.user, pk=pk)
    try:
        used = services.broadcast_test_send(broadcast=broadcast, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if broadcast.by_sms and Channel.SMS not in used:
            messages.warning(
                request,
                _(
                    "The test e-mail was sent to you alone. Add your French mobile number to your profile to "
                    "receive the test SMS too."
                ),
            )
        else:
            messages.success(request, _("The test was sent to you alone."))
    return redirect("broadcast:detail", pk=broadcast.pk)


@login_required
@require_POST
def broadcast_send(request, pk):
    broadcast = selectors.broadcast_get_for_sender(user=request.user, pk=pk)
    try:
        count = services.broadcast_send(broadcast=broadcast)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)d message(s) queued for sending.") % {"count": count})
    return redirect("broadcast:detail", pk=broadcast.pk)


# Mail clients' one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed token is the proof.
@csrf_exempt
def unsubscribe(request, token):
    """No login: the signed link names the address; a POST stops future broadcasts to it."""
    try:
        email = services.unsubscribe_token_read(token=token)
    except ValidationError:
        raise Http404 from None
    recipient_language_activate(request, language=user_preferred_language(email=email))
    if request.method == "POST":
        services.unsubscribe_record(email=email)
        return render(request, "broadcast/unsubscribed.html", {"email": email})
    return render(request, "broadcast/unsubscribe.html", {"email": email})
