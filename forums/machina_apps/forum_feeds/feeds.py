"""machina's topic feeds: a forum's feed answers 404 to whoever may not read the forum, like its page (machina
answered an empty feed, telling that the forum exists)."""

from machina.apps.forum_feeds import feeds as machina_feeds

from forums.selectors import forum_get_for_reader


class LastTopicsFeed(machina_feeds.LastTopicsFeed):
    def get_object(self, request, *args, **kwargs):
        if kwargs.get("forum_pk") is not None:
            forum_get_for_reader(user=request.user, pk=kwargs["forum_pk"], handler=request.forum_permission_handler)
        return super().get_object(request, *args, **kwargs)
