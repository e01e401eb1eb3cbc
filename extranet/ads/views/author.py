"""What members do with their own ads: post, change while pending, mark done, withdraw, renew."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from extranet.core.ratelimit import RateLimited, rate_limit_request, retry_after_minutes

from .. import selectors, services
from ..forms import AdForm, RemovePhotosForm, photo_formset
from ..models import MAX_PHOTOS_PER_AD, AdStatus


def _ad_fields(form):
    return {name: form.cleaned_data[name] for name in AdForm.Meta.fields}


def _new_photos(photos):
    return [photo for photo in (slot.new_photo() for slot in photos) if photo is not None]


@login_required
def ad_create(request):
    """The ad form; only ads actually posted count toward the author's limit, and a refusal keeps the form."""
    organisations = selectors.ad_organisations_for_author(user=request.user)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = AdForm(data, organisations=organisations)
    photos = photo_formset(free_slots=MAX_PHOTOS_PER_AD, data=data, files=files)
    # Both validated (not short-circuited), so that every error shows at once.
    if request.method == "POST" and all([form.is_valid(), photos.is_valid()]):
        try:
            rate_limit_request(request, "ad")
            ad = services.ad_create(author=request.user, **_ad_fields(form), photos=_new_photos(photos))
        except RateLimited as error:
            return _ad_form_rate_limited(request, form, photos, organisations, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if ad.status == AdStatus.PUBLISHED:
                messages.success(request, _("Your ad is published."))
            else:
                messages.success(
                    request,
                    _("Your ad has been sent to the moderators. You will receive an e-mail once it is checked."),
                )
            return redirect("ads:mine")
    context = {"form": form, "photos": photos, "has_organisations": organisations.exists()}
    return render(
        request, "ads/ad_form.html", context, status=400 if form.errors or photos.total_error_count() else 200
    )


def _ad_form_rate_limited(request, form, photos, organisations, error):
    """The form again with what was typed, saying how long to wait (browsers cannot send chosen files back)."""
    minutes = retry_after_minutes(error)
    form.add_error(
        None,
        ngettext(
            "You have done this too many times in a short while. Please try again in %(minutes)d minute: your ad "
            "is kept below, choose its photos again then.",
            "You have done this too many times in a short while. Please try again in %(minutes)d minutes: your ad "
            "is kept below, choose its photos again then.",
            minutes,
        )
        % {"minutes": minutes},
    )
    context = {"form": form, "photos": photos, "has_organisations": organisations.exists()}
    response = render(request, "ads/ad_form.html", context, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


@login_required
def ad_update(request, pk):
    ad = selectors.ad_get_for_author(user=request.user, pk=pk)
    if ad.status != AdStatus.PENDING:
        messages.error(request, _("Only an ad awaiting moderation can be changed."))
        return redirect("ads:mine")
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = AdForm(data, instance=ad, organisations=selectors.ad_organisations_for_author(user=request.user))
    remove_form = RemovePhotosForm(data, ad=ad)
    photos = photo_formset(free_slots=MAX_PHOTOS_PER_AD - len(ad.photos.all()), data=data, files=files)
    if request.method == "POST" and all([form.is_valid(), remove_form.is_valid(), photos.is_valid()]):
        try:
            services.ad_update(
                ad=ad,
                **_ad_fields(form),
                new_photos=_new_photos(photos),
                removed_photos=list(remove_form.cleaned_data["remove"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your ad has been changed; it still awaits moderation."))
            return redirect("ads:mine")
    context = {"ad": ad, "form": form, "remove_form": remove_form, "photos": photos, "has_organisations": True}
    invalid = form.errors or remove_form.errors or photos.total_error_count()
    return render(request, "ads/ad_form.html", context, status=400 if invalid else 200)


@login_required
def ad_mine(request):
    return render(request, "ads/ad_mine.html", {"ads": selectors.ad_list_for_author(user=request.user)})


def _author_action(service, success_message):
    @login_required
    @require_POST
    def view(request, pk):
        ad = selectors.ad_get_for_author(user=request.user, pk=pk)
        try:
            service(ad=ad)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, success_message() % {"title": ad.title})
        return redirect("ads:mine")

    return view


ad_mark_done = _author_action(services.ad_mark_done, lambda: _("“%(title)s” is marked as done."))
ad_withdraw = _author_action(services.ad_withdraw, lambda: _("“%(title)s” has been withdrawn."))
ad_renew = _author_action(services.ad_renew, lambda: _("“%(title)s” is published again."))
