"""machina's forum page, telling the template whether the reader follows the forum (a `forums` feature)."""

from machina.apps.forum import views as machina_views

from forums.selectors import forum_is_followed


class IndexView(machina_views.IndexView):
    pass


class ForumView(machina_views.ForumView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forum_followed"] = forum_is_followed(user=self.request.user, forum=context["forum"])
        return context
