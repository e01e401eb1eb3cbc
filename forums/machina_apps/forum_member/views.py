"""machina's "followed topics" page, listing only the topics of forums the member may still read (machina listed
a topic moved out of their reach with its title, author and last post)."""

from machina.apps.forum_member import views as machina_views

from forums.selectors import topic_list_followed


class TopicSubscriptionListView(machina_views.TopicSubscriptionListView):
    def get_queryset(self):
        return topic_list_followed(user=self.request.user, handler=self.request.forum_permission_handler)
