"""machina's post and topic forms with a length limit on the message, and a bounded poll duration.

The limit lives here rather than in MACHINA_POST_CONTENT_MAX_LENGTH, which changes the validators of
machina's own `Post.content` field and so would need a migration inside machina's package.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation import forms as machina_forms

POLL_MAX_DURATION_DAYS = 365


class ContentLengthMixin:
    def clean_content(self):
        content = self.cleaned_data["content"]
        limit = settings.FORUMS_POST_MAX_LENGTH
        if len(content) > limit:
            raise forms.ValidationError(
                _("A message can hold at most %(limit)s characters (this one has %(length)s)."),
                code="max_length",
                params={
                    "limit": f"{limit:,}".replace(",", "\u202f"),
                    "length": f"{len(content):,}".replace(",", "\u202f"),
                },
            )
        return content


class SubmissionKeyMixin:
    """A key drawn when the form is shown, sent back hidden: the same form sent twice (a double tap without
    JavaScript, a request retried on a weak network) is posted once (`views.OncePostingMixin`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_key"] = forms.CharField(
            required=False, max_length=64, widget=forms.HiddenInput, initial=uuid.uuid4().hex
        )


class PostForm(SubmissionKeyMixin, ContentLengthMixin, machina_forms.PostForm):
    pass


class TopicForm(SubmissionKeyMixin, ContentLengthMixin, machina_forms.TopicForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        duration = self.fields.get("poll_duration")
        if duration is not None:
            # machina takes any number of days: a poll ending after the last date Python holds broke its page.
            duration.max_value = POLL_MAX_DURATION_DAYS
            duration.widget.attrs["max"] = duration.max_value
            duration.validators.append(
                MaxValueValidator(duration.max_value, message=_("A poll can run for at most %(limit_value)s days."))
            )
