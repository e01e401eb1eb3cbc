"""The forums' own pages around machina's: following, notification preferences, unsubscribing, shared forums."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from extranet.accounts.selectors import user_preferred_language
from extranet.core.middleware import recipient_language_activate

from . import selectors, services
from .forms import NotificationPreferenceForm, SharedForumForm


@login_required
@require_POST
def forum_follow(request, pk: int):
    """Follow or stop following a forum the user may read."""
    forum = selectors.forum_get_for_reader(user=request.user, pk=pk, handler=request.forum_permission_handler)
    subscribed = request.POST.get("follow") == "1"
    services.forum_subscription_set(user=request.user, forum=forum, subscribed=subscribed)
    if subscribed:
        messages.success(request, _("You will be told about new posts in this forum."))
    else:
        messages.success(request, _("You no longer follow this forum."))
    return redirect(selectors.forum_url(forum))


@login_required
def preferences(request):
    """How often the user hears about new posts, and what they follow."""
    if request.method == "POST":
        form = NotificationPreferenceForm(request.POST)
        if form.is_valid():
            services.notification_preference_set(user=request.user, frequency=form.cleaned_data["frequency"])
            messages.success(request, _("Your notification preferences have been saved."))
            return redirect("forums:preferences")
    else:
        form = NotificationPreferenceForm(initial={"frequency": selectors.notification_frequency_of(user=request.user)})
    return render(
        request,
        "forums/preferences.html",
        {
            "form": form,
            "followed_forums": selectors.forum_list_followed(
                user=request.user, handler=request.forum_permission_handler
            ),
        },
    )


@csrf_exempt
def unsubscribe(request, token: str):
    """Stop one subscription from the link of an e-mail, without logging in.

    Opening the link shows a one-button page (mail scanners open links); the button, or a mail client's
    one-click unsubscribe (RFC 8058, a POST to the same address), stops it. The signed token is the credential.
    """
    data = selectors.unsubscribe_token_read(token=token)
    recipient_language_activate(request, language=user_preferred_language(pk=data["u"]))
    target = selectors.unsubscribe_target(data=data)
    if request.method == "POST":
        services.subscription_remove_by_token(user_id=data["u"], target=target)
        return render(request, "forums/unsubscribed.html", {"target": target, "kind": data["k"]})
    return render(request, "forums/unsubscribe.html", {"target": target, "kind": data["k"]})


def post_history(request, pk: int):
    """The earlier versions of a post, for its author and those who may edit it."""
    post = selectors.post_get_for_history(user=request.user, pk=pk, handler=request.forum_permission_handler)
    return render(
        request,
        "forums/post_history.html",
        {
            "post": post,
            "topic": post.topic,
            "forum": post.topic.forum,
            "revisions": post.revisions.select_related("edited_by"),
        },
    )


def post_redirect(request, pk: int):
    """A short, stable address of a post: the page of its topic that shows it, for those who may read it."""
    post = selectors.post_get_for_reader(user=request.user, pk=pk, handler=request.forum_permission_handler)
    return redirect(selectors.post_url(post))


def _shared_forum_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "description": data["description"],
        "open_to_all_organisations": data["open_to_all_organisations"],
        "organisations": data["organisations"],
        "organisation_kinds": data["organisation_kinds"],
        "is_public": data["is_public"],
        "premoderated": data["premoderated"],
    }


@login_required
def shared_forum_list(request):
    """The shared forums and who may use each, for the départements' editors and admins."""
    if not selectors.user_can_manage_shared_forums(user=request.user):
        raise Http404
    return render(request, "forums/shared_forum_list.html", {"audiences": selectors.shared_forum_audience_list()})


@login_required
def shared_forum_create(request):
    if not selectors.user_can_manage_shared_forums(user=request.user):
        raise Http404
    form = SharedForumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_shared_create(**_shared_forum_fields(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The shared forum “%(name)s” is open.") % {"name": form.cleaned_data["name"]})
            return redirect("forums:shared_list")
    return render(request, "forums/shared_forum_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def shared_forum_update(request, pk: int):
    audience = selectors.shared_forum_audience_get(user=request.user, pk=pk)
    initial = {
        "name": audience.forum.name,
        "description": audience.forum.description.raw if audience.forum.description else "",
        "open_to_all_organisations": audience.open_to_all_organisations,
        "organisations": list(audience.organisations.all()),
        "organisation_kinds": audience.organisation_kinds,
        "is_public": audience.is_public,
        "premoderated": audience.premoderated,
    }
    form = SharedForumForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_audience_update(audience=audience, **_shared_forum_fields(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The forum “%(name)s” has been updated.") % {"name": form.cleaned_data["name"]})
            return redirect("forums:shared_list")
    context = {"form": form, "audience": audience}
    return render(request, "forums/shared_forum_form.html", context, status=400 if form.errors else 200)
