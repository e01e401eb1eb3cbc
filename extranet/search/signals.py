"""haystack's signal processor, queued: a save or delete only enqueues a task, the worker indexes.

The task row is written in the saving transaction (django-tasks' database backend), so it is dropped with a
rollback and seen by the worker only once the change is committed.
"""

from django.db.models import signals
from haystack.signals import BaseSignalProcessor
from wagtail.models import PageViewRestriction
from wagtail.signals import page_slug_changed, post_page_move

from .services import search_index_handles, search_page_tree_refresh_later, search_refresh_later


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self):
        signals.post_save.connect(self.handle_save)
        signals.post_delete.connect(self.handle_delete)
        signals.post_save.connect(self.handle_restriction_change, sender=PageViewRestriction)
        signals.post_delete.connect(self.handle_restriction_change, sender=PageViewRestriction)
        signals.m2m_changed.connect(self.handle_restriction_groups_change, sender=PageViewRestriction.groups.through)
        post_page_move.connect(self.handle_page_moved)
        page_slug_changed.connect(self.handle_page_moved)

    def teardown(self):
        signals.post_save.disconnect(self.handle_save)
        signals.post_delete.disconnect(self.handle_delete)
        signals.post_save.disconnect(self.handle_restriction_change, sender=PageViewRestriction)
        signals.post_delete.disconnect(self.handle_restriction_change, sender=PageViewRestriction)
        signals.m2m_changed.disconnect(self.handle_restriction_groups_change, sender=PageViewRestriction.groups.through)
        post_page_move.disconnect(self.handle_page_moved)
        page_slug_changed.disconnect(self.handle_page_moved)

    def handle_save(self, sender, instance, raw=False, **kwargs):
        if not raw and search_index_handles(model=sender):
            search_refresh_later(model=sender, pks=[instance.pk])

    def handle_delete(self, sender, instance, **kwargs):
        if search_index_handles(model=sender):
            search_refresh_later(model=sender, pks=[instance.pk])

    def handle_restriction_change(self, sender, instance, raw=False, **kwargs):
        if not raw:
            search_page_tree_refresh_later(page_id=instance.page_id)

    def handle_restriction_groups_change(self, sender, instance, action, **kwargs):
        if action in {"post_add", "post_remove", "post_clear"}:
            search_page_tree_refresh_later(page_id=instance.page_id)

    def handle_page_moved(self, sender, instance, **kwargs):
        search_page_tree_refresh_later(page_id=instance.pk)
