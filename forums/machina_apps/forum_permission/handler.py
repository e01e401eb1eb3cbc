"""machina's permission handler, with a poll saved before its duration was bounded answered rather than failing,
and the move of a topic offered only where it has somewhere to go."""

import copy
import datetime

from machina.apps.forum_permission.handler import PermissionHandler as MachinaPermissionHandler


class PermissionHandler(MachinaPermissionHandler):
    def can_vote_in_poll(self, poll, user):
        """machina adds the duration to the poll's date: past the last date Python holds (year 9999) the poll never
        ends, which machina is asked about instead of raising OverflowError on the topic's page."""
        if poll.duration:
            try:
                poll.created + datetime.timedelta(days=poll.duration)
            except OverflowError:
                poll = copy.copy(poll)
                poll.duration = None
        return super().can_vote_in_poll(poll, user)

    def can_move_topics(self, forum, user):
        """machina's right, and at least one other forum the user may move topics to: an organisation's admin
        moderates its forum alone, and was offered a move form with no destination."""
        return super().can_move_topics(forum, user) and any(
            target.pk != forum.pk for target in self.get_target_forums_for_moved_topics(user)
        )
