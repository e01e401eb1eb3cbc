"""machina's read tracking, finding the unread forums' ancestors in memory rather than one query per forum."""

from machina.apps.forum.visibility import ForumVisibilityContentTree
from machina.apps.forum_tracking.handler import TrackingHandler as MachinaTrackingHandler
from machina.apps.forum_tracking.models import ForumReadTrack


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
