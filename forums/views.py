"""The forums' own pages around machina's: following a forum, notification preferences, unsubscribing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import NotificationPreferenceForm


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
        {"form": form, "followed_forums": selectors.forum_list_followed(user=request.user)},
    )


@csrf_exempt
def unsubscribe(request, token: str):
    """Stop one subscription from the link of an e-mail, without logging in.

    Opening the link shows a one-button page (mail scanners open links); the button, or a mail client's
    one-click unsubscribe (RFC 8058, a POST to the same address), stops it. The signed token is the credential.
    """
    data = selectors.unsubscribe_token_read(token=token)
    target = selectors.unsubscribe_target(data=data)
    if request.method == "POST":
        services.subscription_remove_by_token(user_id=data["u"], target=target)
        return render(request, "forums/unsubscribed.html", {"target": target, "kind": data["k"]})
    return render(request, "forums/unsubscribe.html", {"target": target, "kind": data["k"]})


def post_history(request, pk: int):
    """The earlier versions of a post, for those who may read it."""
    post = selectors.post_get_for_reader(user=request.user, pk=pk, handler=request.forum_permission_handler)
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
