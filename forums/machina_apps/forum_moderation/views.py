"""machina's topic move, through the service that also re-indexes the topic's posts for their new readers."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from machina.apps.forum_moderation import views as machina_views

from forums.services import topic_move


class TopicMoveView(machina_views.TopicMoveView):
    def form_valid(self, form):
        topic_move(topic=self.object, forum=form.cleaned_data["forum"], lock=form.cleaned_data["lock_topic"])
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())
