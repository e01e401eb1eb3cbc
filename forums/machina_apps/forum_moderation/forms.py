"""machina's topic move form, with destinations a moderator can tell apart."""

from django import forms
from machina.apps.forum_moderation import forms as machina_forms

from forums.selectors import forum_move_destinations


class TopicMoveForm(machina_forms.TopicMoveForm):
    """Each organisation's private forum is named with its organisation ("Échanges internes (Jargeau)"), and
    categories and the topic's own forum are left out: machina marks them disabled in a structure Django's select
    renders as bogus options ("label", "True")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].widget = forms.Select()
        self.fields["forum"].choices = forum_move_destinations(forums=self.allowed_forums, topic=self.topic)
