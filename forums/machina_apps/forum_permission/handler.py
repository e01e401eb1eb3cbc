"""machina's permission handler, with a poll saved before its duration was bounded answered rather than failing."""

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
