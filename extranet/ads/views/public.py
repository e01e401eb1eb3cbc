"""The public part of small ads: the list with its filters, an ad's page and its contact form."""

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from extranet.core.forms import form_add_service_error
from extranet.core.ratelimit import RateLimited
from extranet.public.listing import paginate, query_string_without_page
from extranet.public.pages import ANONYMOUS_CACHE_SECONDS

from .. import selectors, services
from ..forms import AdFilter, ContactForm


def _cacheable_for_anonymous(request, response):
    """Like the public Wagtail pages: cached by browsers and proxies for anonymous visitors only."""
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=ANONYMOUS_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    return response


def ad_list(request):
    ad_filter = AdFilter(request.GET or None, queryset=selectors.ad_list_public(), request=request)
    context = {
        "filter": ad_filter,
        "page_obj": paginate(request, ad_filter.qs),
        "filters": query_string_without_page(request),
        "can_moderate": selectors.ad_user_can_moderate(user=request.user),
    }
    return _cacheable_for_anonymous(request, render(request, "ads/ad_list.html", context))


def ad_detail(request, pk):
    """An ad's page; its form e-mails the author, whose address the visitor never sees."""
    ad = selectors.ad_get_public(pk=pk)
    if request.method != "POST":
        return _cacheable_for_anonymous(request, _render_detail(request, ad, ContactForm()))
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, ad, form, status=400)
    try:
        services.ad_contact_author(
            ad=ad,
            sender_name=form.cleaned_data["name"],
            sender_email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            client_address=get_client_ip_address(request) or "unknown",
        )
    except ValidationError as error:
        form_add_service_error(form, error)
        return _render_detail(request, ad, form, status=400)
    except RateLimited as error:
        form.add_error(None, _("You have sent too many messages in a short time. Please try again in an hour."))
        response = _render_detail(request, ad, form, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    messages.success(request, _("Your message has been sent to %(name)s.") % {"name": _author_name(ad)})
    return redirect(ad)


def _author_name(ad):
    return ad.author.first_name or _("the author")


def _render_detail(request, ad, form, status=200):
    response = render(
        request,
        "ads/ad_detail.html",
        {"ad": ad, "author_name": _author_name(ad), "contact_form": form},
        status=status,
    )
    if status != 200:
        patch_cache_control(response, private=True, no_cache=True)
    return response
