"""machina's read tracking, finding the unread forums' ancestors in memory rather than one query per forum, and
leaving a topic already read alone when it is viewed again."""

from machina.apps.forum.visibility import ForumVisibilityContentTree
from machina.apps.forum_tracking.handler import TrackingHandler as MachinaTrackingHandler
from machina.apps.forum_tracking.models import ForumReadTrack

from forums.selectors import topic_read_since_last_post


class TrackingHandler(MachinaTrackingHandler):
    def get_unread_forums_from_list(self, user, forums):
        """The forums with posts the user has not seen, and their ancestors among `forums`."""
        if not user.is_authenticated:
            return []
        nodes = ForumVisibilityContentTree.from_forums(forums).as_dict
        marks = dict(ForumReadTrack.objects.filter(user=user, forum__in=forums).values_list("forum_id", "mark_time"))
        unread = []
        for forum_id, node in nodes.items():
            if forum_id in marks:
                if node.last_post_on and marks[forum_id] < node.last_post_on:
                    unread.append(node.obj)
            elif node.obj.direct_topics_count > 0:
                unread.append(node.obj)
        candidates = [node.obj for node in nodes.values()]
        return list(
            {
                ancestor
                for forum in unread
                for ancestor in candidates
                if ancestor.tree_id == forum.tree_id and ancestor.lft <= forum.lft and ancestor.rght >= forum.rght
            }
        )

    def mark_topic_read(self, topic, user):
        """Marks the topic read, unless the user has read it, or its whole forum, since its last post.

        machina rewrites the topic's track and counts the forum's unread topics at every view (six queries and
        writes). A topic read since its last post has nothing new to mark, and whether its whole forum is now read
        was checked when it or another topic of the forum was last read; only a forum whose last unread topic was
        deleted, moved or disapproved since waits for a next read to be marked read as a whole. One compiled query
        tells, or none when the topic page loaded the answer with the topic (`forums.selectors.topic_get_for_page`).
        """
        if (
            user.is_authenticated
            and topic.last_post_on is not None
            and topic_read_since_last_post(user=user, topic=topic)
        ):
            return
        super().mark_topic_read(topic, user)
