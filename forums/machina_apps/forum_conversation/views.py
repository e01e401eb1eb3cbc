"""machina's posting views, with quoting and an edit history (machina keeps only the last edit's reason)."""

import functools

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from django.urls import get_script_prefix
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from machina.apps.forum_conversation import views as machina_views

from extranet.core.ratelimit import RateLimited, rate_limit_request, retry_after_minutes
from forums.selectors import (
    forum_url,
    post_ids_deletable,
    post_ids_editable,
    post_ids_with_history,
    posts_with_attachments,
    topic_get_for_page,
    topic_posts_version,
    topic_url,
)
from forums.services import post_quote_text, post_revision_record

# A topic page's posts are rendered once per fingerprint of what they show (`selectors.topic_posts_version`);
# the lifetime only bounds the memory that pages nobody reads again hold.
POSTS_CACHE_SECONDS = 10 * 60


class AtomicPostingMixin:
    """A posting request writes all or nothing: machina saves the topic, then its first post, then the
    attachments and the poll, each on its own; a process killed or an error in between would leave a topic
    without its post."""

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().post(request, *args, **kwargs)


class OncePostingMixin:
    """A form sent again with the same submission key is not posted twice: the repeated request goes to what the
    first one posted (or, while the first is still being written, to where it will appear)."""

    SUBMISSION_SECONDS = 10 * 60

    def post(self, request, *args, **kwargs):
        key = request.POST.get("submission_key", "")
        if not key or len(key) > 64 or "preview" in request.POST or not request.user.is_authenticated:
            return super().post(request, *args, **kwargs)
        cache_key = f"forums:submission:{request.user.pk}:{key}"
        if not cache.add(cache_key, "", timeout=self.SUBMISSION_SECONDS):
            messages.info(request, _("This message had already been sent: it is posted once."))
            return redirect(cache.get(cache_key) or self.posted_elsewhere_url())
        response = super().post(request, *args, **kwargs)
        if response.status_code in (301, 302, 303):
            cache.set(cache_key, response["Location"], timeout=self.SUBMISSION_SECONDS)
        else:
            cache.delete(cache_key)  # refused: the corrected form is sent again with the same key
        return response


class QuotingMixin:
    """`?quote=<post id>` starts a reply with that post of the same topic quoted."""

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        quoted = self.request.GET.get("quote", "")
        if self.request.method == "GET" and quoted.isdigit():
            text = post_quote_text(topic=self.get_topic(), post_id=int(quoted))
            if text:
                kwargs["initial"] = {"content": text}
        return kwargs


class RevisionMixin:
    """The content a post had before each edit is kept, so that readers can see what changed."""

    def form_valid(self, post_form, *args, **kwargs):
        if not self.preview:
            post_revision_record(post=self.get_post(), editor=self.request.user)
        return super().form_valid(post_form, *args, **kwargs)


class RefusedAttachmentMixin:
    """A file the checks refused is forgotten at once.

    machina keeps every uploaded file for the next submission of the form (so that a preview keeps it): a refused
    one came back with each try and blocked the post, the only way out being to reload the page and lose the text.
    """

    def form_invalid(self, post_form, attachment_formset, *args, **kwargs):
        forms = attachment_formset.forms if attachment_formset is not None else []
        refused = [form.add_prefix("file") for form in forms if "file" in form.errors]
        if refused:
            for name in refused:
                self.request.FILES.pop(name, None)
            key = self.get_attachments_cache_key(self.request)
            if self.request.FILES:
                machina_views.attachments_cache.set(key, self.request.FILES)
            else:
                machina_views.attachments_cache.delete(key)
        return super().form_invalid(post_form, attachment_formset, *args, **kwargs)


class PollMaxOptionsMixin:
    """Voters may not be allowed to tick more options than the poll has (machina took 5 out of 2): the form comes
    back with the error, as typed."""

    def form_valid(self, post_form, attachment_formset, poll_option_formset, **kwargs):
        max_options = post_form.cleaned_data.get("poll_max_options")
        if kwargs.get("poll_options_validated") and max_options:
            count = len(poll_option_formset.option_texts())
            if max_options > count:
                message = _("Voters cannot tick more options than the poll offers (%(count)s).")
                post_form.add_error(
                    "poll_max_options", forms.ValidationError(message, code="max_options", params={"count": count})
                )
                return self.form_invalid(post_form, attachment_formset, poll_option_formset, **kwargs)
        return super().form_valid(post_form, attachment_formset, poll_option_formset, **kwargs)


class AwaitingApprovalMessageMixin:
    """A post that waits for a moderator is announced by machina's approval notice alone, not also as published
    (Django's messages drop an empty one)."""

    @property
    def success_message(self):
        post = getattr(self, "forum_post", None)
        return super().success_message if post is None or post.approved else ""


class PostingRateLimitMixin:
    """New topics and replies actually posted count against the poster's FORUM_POST rate limit; past it the form
    comes back with its text and the wait, answered 429 (a refused form, a preview or a repeated one counts not)."""

    def form_valid(self, post_form, *args, **kwargs):
        if self.preview:
            return super().form_valid(post_form, *args, **kwargs)
        try:
            rate_limit_request(self.request, "forum_post")
        except RateLimited as error:
            minutes = retry_after_minutes(error)
            post_form.add_error(
                None,
                ngettext(
                    "You have done this too many times in a short while. Please try again in %(minutes)d minute: "
                    "your message is kept below.",
                    "You have done this too many times in a short while. Please try again in %(minutes)d minutes: "
                    "your message is kept below.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            response = self.form_invalid(post_form, *args, **kwargs)
            response.status_code = 429
            response["Retry-After"] = str(error.retry_after)
            return response
        return super().form_valid(post_form, *args, **kwargs)


class TopicView(machina_views.TopicView):
    """machina's topic page, asking once per page what its template asked once per post (edit, delete, reply and
    download rights), loading the topic with what the page needs of it and its posts' rendering from the cache."""

    def get_topic(self):
        if not hasattr(self, "topic"):
            self.topic = topic_get_for_page(pk=self.kwargs["pk"], user=self.request.user)
        return self.topic

    def get_queryset(self):
        # machina also joins each post's last editor and prefetches the posters' forum profiles: the page shows neither.
        # The attachments are loaded only when the posts are rendered afresh (`posts_with_attachments`).
        return self.get_topic().posts.exclude(approved=False).select_related("poster")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, posts, handler = self.request.user, context["posts"], self.request.forum_permission_handler
        topic = self.get_topic()
        editable_post_ids = post_ids_editable(user=user, posts=posts, handler=handler)
        rights = {
            "editable_post_ids": editable_post_ids,
            "history_post_ids": post_ids_with_history(user=user, posts=posts, editable_post_ids=editable_post_ids),
            "deletable_post_ids": post_ids_deletable(user=user, posts=posts, handler=handler),
            "user_can_add_post": handler.can_add_post(topic, user),
            "user_can_download_files": handler.can_download_files(topic.forum, user),
        }
        context.update(rights)
        context["posts_version"] = topic_posts_version(topic=topic, posts=posts, rights=rights)
        context["posts_to_render"] = functools.partial(posts_with_attachments, posts=posts)
        context["posts_cache_seconds"] = POSTS_CACHE_SECONDS
        context["script_prefix"] = get_script_prefix()
        return context


class TopicCreateView(
    PostingRateLimitMixin,
    OncePostingMixin,
    AtomicPostingMixin,
    AwaitingApprovalMessageMixin,
    PollMaxOptionsMixin,
    RefusedAttachmentMixin,
    machina_views.TopicCreateView,
):
    def posted_elsewhere_url(self):
        return forum_url(self.get_forum())


class TopicUpdateView(
    AtomicPostingMixin, PollMaxOptionsMixin, RevisionMixin, RefusedAttachmentMixin, machina_views.TopicUpdateView
):
    pass


class PostCreateView(
    PostingRateLimitMixin,
    OncePostingMixin,
    AtomicPostingMixin,
    AwaitingApprovalMessageMixin,
    QuotingMixin,
    RefusedAttachmentMixin,
    machina_views.PostCreateView,
):
    def posted_elsewhere_url(self):
        return topic_url(self.get_topic())


class PostUpdateView(AtomicPostingMixin, RevisionMixin, RefusedAttachmentMixin, machina_views.PostUpdateView):
    pass


class PostDeleteView(AtomicPostingMixin, machina_views.PostDeleteView):
    pass
