"""machina's poll forms, with the "at least two options" rule explained in the user's language, and options that
differ from each other."""

from django import forms
from django.forms.models import modelformset_factory
from django.utils.translation import gettext as _
from machina.apps.forum_conversation.forum_polls.forms import (
    BaseTopicPollOptionFormset as MachinaBaseTopicPollOptionFormset,
)
from machina.apps.forum_conversation.forum_polls.forms import (  # noqa: F401
    TopicPollOptionForm,
    TopicPollVoteForm,
)
from machina.apps.forum_conversation.forum_polls.models import TopicPollOption
from machina.conf import settings as machina_settings

from extranet.core.visible_text import visible_text


class BaseTopicPollOptionFormset(MachinaBaseTopicPollOptionFormset):
    def clean(self):
        try:
            super().clean()
        except forms.ValidationError:
            raise forms.ValidationError(_("A poll needs at least two options."), code="too_few_options") from None
        if any(self.errors):
            return
        # "Oui", " oui " and "Ou\u200bi" would split the same answer's votes.
        texts = [visible_text(text).casefold() for text in self.option_texts()]
        if len(set(texts)) < len(texts):
            raise forms.ValidationError(_("Each option of a poll must differ from the others."), code="duplicate")

    def option_texts(self) -> list[str]:
        """The options the poll will have: the filled ones not marked for deletion."""
        return [
            form.cleaned_data["text"]
            for form in self.forms
            if form.cleaned_data.get("text") and not (self.can_delete and self._should_delete_form(form))
        ]


TopicPollOptionFormset = modelformset_factory(
    TopicPollOption,
    TopicPollOptionForm,
    formset=BaseTopicPollOptionFormset,
    can_delete=True,
    extra=2,
    max_num=machina_settings.POLL_MAX_OPTIONS_PER_POLL,
    validate_max=True,
)
