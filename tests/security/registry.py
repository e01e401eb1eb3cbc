"""The registry of the cross-organisation matrix: one case per URL pattern that takes an object, or an exclusion.

A case says how to build the URL from the world (`tests/security/conftest.py`), who owns the object and what the
others must get:

- PRIVATE: Jargeau's object. The outsider (Darvoy's administrator) gets a 404, anonymous a 404 or the login
  page; the owner (the role the view needs) gets `owner_status` (200 by default; for POST-only views, anything
  but a 404 or a server error).
- PUBLIC: everyone gets a 200, anonymous included.
- MEMBERS: every member of the platform (the outsider too) gets a 200; anonymous a 404 or the login page.
- FILTERED: a page anyone (or any member) may open, that must not show Jargeau's private object to others.
- TOKEN: the URL carries a secret; the owner's real token answers, a forged one answers 404 to everyone.
- ADMIN: a Wagtail admin view of Jargeau's object; the outsider may get Wagtail's 302, 403 or 404, never a 200.

Every intruder's response must not contain the marker word put in every private object's title ("Zorglub"),
and a POST of an intruder must change nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

PRIVATE, PUBLIC, MEMBERS, FILTERED, TOKEN, ADMIN = "private", "public", "members", "filtered", "token", "admin"
MARKER = "Zorglub"


@dataclass(frozen=True)
class Case:
    kind: str
    kwargs: Callable = lambda w: {}
    owner: str | None = None  # attribute of the world; None: anonymous
    method: str = "get"
    owner_status: int | None = None  # the owner's expected status when it is not the default
    forged: Callable | None = None  # TOKEN: kwargs with a forged secret
    forged_status: int = 404
    args: Callable | None = None  # for regular-expression patterns with positional groups
    data: dict | Callable = field(default_factory=dict)
    shows_marker: bool = True  # whether the owner's page shows the private object's title


def _doc(w):
    return {"pk": w.document.pk}


def _folder(w):
    return {"slug": w.a.slug, "pk": w.folder.pk}


def _topic(w):
    return {"forum_slug": w.forum.slug, "forum_pk": w.forum.pk, "slug": w.topic.slug, "pk": w.topic.pk}


def _in_topic(w):
    return {"forum_slug": w.forum.slug, "forum_pk": w.forum.pk, "topic_slug": w.topic.slug, "topic_pk": w.topic.pk}


def _moderated_topic(w):
    return {"slug": w.topic.slug, "pk": w.topic.pk}


FORGED = "Zz9forgedTokenThatMatchesNothingAtAll0"
POST = {"method": "post"}

CASES: dict[str, Case] = {
    # Organisations (espaces/).
    "organisations:member_list": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_member", shows_marker=False),
    "organisations:invitation_create": Case(
        PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin", data={"email": "pirate@darvoy.test", "role": "admin"}, **POST
    ),
    "organisations:membership_role": Case(
        PRIVATE,
        lambda w: {"slug": w.a.slug, "membership_id": w.a_membership.pk},
        "a_admin",
        data={"role": "admin"},
        **POST,
    ),
    "organisations:membership_remove": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "membership_id": w.a_membership.pk}, "a_admin", **POST
    ),
    "organisations:invitation_resend": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "invitation_id": w.a_invitation.pk}, "a_admin", **POST
    ),
    "organisations:invitation_revoke": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "invitation_id": w.a_invitation.pk}, "a_admin", **POST
    ),
    "organisations:settings": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin", shows_marker=False),
    # An unknown or used invitation answers 410 with the "invalid invitation" page, whoever asks.
    "organisations:invitation_accept": Case(
        TOKEN,
        lambda w: {"token": w.a_invitation_token},
        None,
        forged=lambda w: {"token": FORGED},
        forged_status=410,
        shows_marker=False,
    ),
    # Small ads.
    # A pending ad is seen by its author and moderators through their own pages, never here (404 for all).
    "ads:detail": (
        Case(PUBLIC, lambda w: {"pk": w.public_ad.pk}, None, shows_marker=False),
        Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "a_member", owner_status=404),
    ),
    "ads:update": Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "a_member"),
    "ads:mark_done": Case(PRIVATE, lambda w: {"pk": w.public_ad.pk}, "a_member", **POST),
    "ads:withdraw": Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "a_member", **POST),
    "ads:renew": Case(PRIVATE, lambda w: {"pk": w.public_ad.pk}, "a_member", **POST),
    "ads:moderate": Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "dep_editor"),
    "ads:approve": Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "dep_editor", **POST),
    "ads:reject": Case(PRIVATE, lambda w: {"pk": w.pending_ad.pk}, "dep_editor", data={"reason": "Zorglub"}, **POST),
    # Directory.
    "annuaire:organisation_detail": Case(FILTERED, lambda w: {"slug": w.a.slug}, "a_member"),
    "annuaire:organisation_edit": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin", shows_marker=False),
    # The chart shows the services and the cards placed in them (the private card is in none).
    "annuaire:org_chart": Case(FILTERED, lambda w: {"slug": w.a.slug}, "a_member", shows_marker=False),
    "annuaire:org_chart_print": Case(FILTERED, lambda w: {"slug": w.a.slug}, "a_member", shows_marker=False),
    "annuaire:organisation_vcards": Case(FILTERED, lambda w: {"slug": w.a.slug}, "a_member"),
    "annuaire:organisation_csv": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin"),
    "annuaire:service_manage": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin", shows_marker=False),
    "annuaire:service_delete": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "service_id": w.service.pk}, "a_admin", **POST
    ),
    "annuaire:people_import": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin", shows_marker=False),
    "annuaire:people_import_detail": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "import_id": w.people_import.pk}, "a_admin", shows_marker=False
    ),
    "annuaire:people_import_progress": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "import_id": w.people_import.pk}, "a_admin", shows_marker=False
    ),
    "annuaire:people_import_confirm": Case(
        PRIVATE, lambda w: {"slug": w.a.slug, "import_id": w.people_import.pk}, "a_admin", **POST
    ),
    "annuaire:person_detail": (
        Case(PRIVATE, lambda w: {"card_id": w.private_card.pk}, "a_editor"),
        Case(PUBLIC, lambda w: {"card_id": w.public_card.pk}, None, shows_marker=False),
    ),
    # The card has no photo: its owner's organisation gets the same 404 as anyone; what matters is the others'.
    "annuaire:person_photo": Case(PRIVATE, lambda w: {"card_id": w.private_card.pk}, "a_editor", owner_status=404),
    "annuaire:person_vcard": Case(PRIVATE, lambda w: {"card_id": w.private_card.pk}, "a_editor"),
    "annuaire:person_edit": Case(PRIVATE, lambda w: {"card_id": w.private_card.pk}, "a_admin"),
    # Forums: our views.
    "forums:follow": Case(PRIVATE, lambda w: {"pk": w.forum.pk}, "a_member", **POST),
    "forums:post": Case(PRIVATE, lambda w: {"pk": w.reply.pk}, "a_member", owner_status=302, shows_marker=False),
    # Earlier versions are for the post's author and those who may edit it.
    "forums:post_history": Case(PRIVATE, lambda w: {"pk": w.reply.pk}, "a_editor"),
    "forums:unsubscribe": Case(
        TOKEN,
        lambda w: {"token": w.forum_unsubscribe_token},
        None,
        forged=lambda w: {"token": FORGED},
        shows_marker=False,
    ),
    "forums:shared_update": Case(PRIVATE, lambda w: {"pk": w.shared_forum.pk}, "dep_editor", shows_marker=False),
    # Forums: machina's views.
    "forum:forum": Case(PRIVATE, lambda w: {"slug": w.forum.slug, "pk": w.forum.pk}, "a_member"),
    "forum_conversation:topic_poll_vote": Case(
        PRIVATE, lambda w: {"pk": w.poll.pk}, "a_member", data=lambda w: {"options": [w.poll.options.get().pk]}, **POST
    ),
    "forum_conversation:attachment": Case(PRIVATE, lambda w: {"pk": w.attachment.pk}, "a_member", shows_marker=False),
    "forum_conversation:topic": Case(PRIVATE, _topic, "a_member"),
    "forum_conversation:topic_create": Case(
        PRIVATE, lambda w: {"forum_slug": w.forum.slug, "forum_pk": w.forum.pk}, "a_member", shows_marker=False
    ),
    "forum_conversation:topic_update": Case(PRIVATE, _topic, "a_member"),
    "forum_conversation:post_create": Case(PRIVATE, _in_topic, "a_member"),
    "forum_conversation:post_update": Case(PRIVATE, lambda w: {**_in_topic(w), "pk": w.reply.pk}, "a_editor"),
    "forum_conversation:post_delete": Case(PRIVATE, lambda w: {**_in_topic(w), "pk": w.reply.pk}, "a_editor"),
    "forum_feeds:forum_latest_topics": Case(
        PRIVATE, lambda w: {"forum_slug": w.forum.slug, "forum_pk": w.forum.pk}, "a_member"
    ),
    "forum_feeds:forum_latest_topics_with_descendants": Case(
        PRIVATE, lambda w: {"forum_slug": w.forum.slug, "forum_pk": w.forum.pk}, "a_member"
    ),
    "forum_member:profile": Case(FILTERED, lambda w: {"pk": w.a_member.pk}, "a_member"),
    "forum_member:user_posts": Case(FILTERED, lambda w: {"pk": w.a_member.pk}, "a_member"),
    "forum_member:topic_subscribe": Case(PRIVATE, lambda w: {"pk": w.topic.pk}, "a_member"),
    # Jargeau's member follows no topic: unsubscribing answers 404 to them too.
    "forum_member:topic_unsubscribe": Case(PRIVATE, lambda w: {"pk": w.topic.pk}, "a_member", owner_status=404),
    "forum_moderation:topic_lock": Case(PRIVATE, _moderated_topic, "a_admin"),
    "forum_moderation:topic_unlock": Case(PRIVATE, _moderated_topic, "a_admin"),
    "forum_moderation:topic_delete": Case(PRIVATE, _moderated_topic, "a_admin"),
    # Jargeau's admin moderates one forum only: with nowhere to move the topic, the move answers 404 to them too
    # (moving between forums: tests/forums/test_moderation.py).
    "forum_moderation:topic_move": Case(PRIVATE, _moderated_topic, "a_admin", owner_status=404),
    "forum_moderation:topic_update_to_post": Case(PRIVATE, _moderated_topic, "a_admin"),
    "forum_moderation:topic_update_to_sticky": Case(PRIVATE, _moderated_topic, "a_admin"),
    "forum_moderation:topic_update_to_announce": Case(PRIVATE, _moderated_topic, "a_admin"),
    "forum_moderation:queued_post": Case(PRIVATE, lambda w: {"pk": w.queued_post.pk}, "a_admin"),
    "forum_moderation:approve_queued_post": Case(
        PRIVATE, lambda w: {"pk": w.queued_post.pk}, "a_admin", shows_marker=False
    ),
    "forum_moderation:disapprove_queued_post": Case(
        PRIVATE, lambda w: {"pk": w.queued_post.pk}, "a_admin", shows_marker=False
    ),
    "forum_tracking:mark_subforums_read": Case(PRIVATE, lambda w: {"pk": w.forum.pk}, "a_member", shows_marker=False),
    "forum_tracking:mark_topics_read": Case(PRIVATE, lambda w: {"pk": w.forum.pk}, "a_member", shows_marker=False),
    # Library.
    "documents:detail": (
        Case(PRIVATE, _doc, "a_member"),
        Case(PUBLIC, lambda w: {"pk": w.public_document.pk}, None, shows_marker=False),
    ),
    "documents:download": Case(PRIVATE, _doc, "a_member", shows_marker=False),
    "documents:download_version": Case(
        PRIVATE, lambda w: {"pk": w.document.pk, "number": 1}, "a_member", shows_marker=False
    ),
    "documents:version_restore": Case(PRIVATE, lambda w: {"pk": w.document.pk, "number": 1}, "a_editor", **POST),
    "documents:preview": Case(PRIVATE, _doc, "a_member", shows_marker=False),
    "documents:thumbnail": Case(PRIVATE, _doc, "a_member", shows_marker=False),
    "documents:version_create": Case(PRIVATE, _doc, "a_editor", **POST),
    "documents:update": Case(PRIVATE, _doc, "a_editor", **POST),
    "documents:delete": Case(PRIVATE, _doc, "a_editor", **POST),
    "documents:restore": Case(PRIVATE, lambda w: {"pk": w.bin_document.pk}, "a_editor", **POST),
    "documents:lock": Case(PRIVATE, _doc, "a_editor", **POST),
    "documents:sharing": Case(PRIVATE, _doc, "a_editor"),
    "documents:link_create": Case(PRIVATE, _doc, "a_editor", data={"days": "3"}, **POST),
    "documents:link_revoke": Case(
        PRIVATE, lambda w: {"pk": w.document.pk, "link_id": w.doc_link.pk}, "a_editor", **POST
    ),
    "documents:link": Case(
        TOKEN, lambda w: {"token": w.doc_link_token}, None, forged=lambda w: {"token": FORGED}, shows_marker=False
    ),
    "documents:link_download": Case(
        TOKEN, lambda w: {"token": w.doc_link_token}, None, forged=lambda w: {"token": FORGED}, shows_marker=False
    ),
    "documents:link_folder": Case(
        TOKEN,
        lambda w: {"token": w.folder_link_token, "pk": w.folder.pk},
        None,
        forged=lambda w: {"token": FORGED, "pk": w.folder.pk},
    ),
    "documents:link_document_download": Case(
        TOKEN,
        lambda w: {"token": w.folder_link_token, "pk": w.document.pk},
        None,
        forged=lambda w: {"token": FORGED, "pk": w.document.pk},
        shows_marker=False,
    ),
    "documents:library": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_member"),
    "documents:upload": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_editor", **POST),
    "documents:folder_create": Case(
        PRIVATE, lambda w: {"slug": w.a.slug}, "a_editor", data={"name": "Zorglub"}, **POST
    ),
    "documents:shares_received": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_member", shows_marker=False),
    "documents:bin": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_editor", shows_marker=False),
    "documents:audit": Case(PRIVATE, lambda w: {"slug": w.a.slug}, "a_admin"),
    "documents:folder": Case(PRIVATE, _folder, "a_member"),
    "documents:folder_update": Case(PRIVATE, _folder, "a_editor", data={"name": "Piraté"}, **POST),
    "documents:folder_delete": Case(PRIVATE, _folder, "a_editor", **POST),
    "documents:folder_restore": Case(PRIVATE, lambda w: {"slug": w.a.slug, "pk": w.bin_folder.pk}, "a_editor", **POST),
    "documents:folder_sharing": Case(PRIVATE, _folder, "a_editor"),
    "documents:folder_link_create": Case(PRIVATE, _folder, "a_editor", data={"days": "3"}, **POST),
    "documents:folder_link_revoke": Case(
        PRIVATE, lambda w: {**_folder(w), "link_id": w.folder_link.pk}, "a_editor", **POST
    ),
    # Agenda.
    "agenda:calendar": Case(PRIVATE, lambda w: {"pk": w.calendar.pk}, "a_member"),
    "agenda:calendar_month": Case(PRIVATE, lambda w: {"pk": w.calendar.pk, "year": 2027, "month": 1}, "a_member"),
    "agenda:calendar_week": Case(
        PRIVATE, lambda w: {"pk": w.calendar.pk, "year": 2027, "month": 1, "day": 5}, "a_member"
    ),
    "agenda:event_create": Case(PRIVATE, lambda w: {"pk": w.calendar.pk}, "a_editor", shows_marker=False),
    "agenda:calendar_import": Case(PRIVATE, lambda w: {"pk": w.calendar.pk}, "a_editor", shows_marker=False),
    "agenda:event": (
        Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_member"),
        Case(PUBLIC, lambda w: {"pk": w.public_event.pk}, None, shows_marker=False),
    ),
    "agenda:event_update": Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_editor"),
    "agenda:event_delete": Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_editor"),
    "agenda:occurrence_update": Case(PRIVATE, lambda w: {"pk": w.meeting.pk, "stamp": w.stamp}, "a_editor"),
    "agenda:occurrence_cancel": Case(PRIVATE, lambda w: {"pk": w.meeting.pk, "stamp": w.stamp}, "a_editor", **POST),
    "agenda:occurrence_restore": Case(PRIVATE, lambda w: {"pk": w.meeting.pk, "stamp": w.stamp}, "a_editor", **POST),
    "agenda:event_invite": Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_editor", **POST),
    "agenda:event_answer": Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_member", data={"answer": "yes"}, **POST),
    "agenda:event_email": Case(PRIVATE, lambda w: {"pk": w.meeting.pk}, "a_editor", **POST),
    "agenda:rsvp": Case(TOKEN, lambda w: {"token": w.rsvp_token}, None, forged=lambda w: {"token": FORGED}),
    "agenda:my_feed": Case(TOKEN, lambda w: {"token": w.feed_token}, None, forged=lambda w: {"token": FORGED}),
    "agenda:calendar_feed": Case(
        TOKEN,
        lambda w: {"token": w.feed_token, "pk": w.calendar.pk},
        None,
        forged=lambda w: {"token": FORGED, "pk": w.calendar.pk},
    ),
    # Training.
    "agenda:training:create": Case(PRIVATE, lambda w: {"pk": w.calendar.pk}, "a_editor", shows_marker=False),
    "agenda:training:update": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor"),
    "agenda:training:register": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor", **POST),
    "agenda:training:cancel": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_member", **POST),
    "agenda:training:register_member": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_admin"),
    "agenda:training:registrations": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor"),
    "agenda:training:registration_cancel": Case(
        PRIVATE, lambda w: {"pk": w.session.pk, "registration_pk": w.registration.pk}, "a_editor", **POST
    ),
    "agenda:training:attendance": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor"),
    "agenda:training:attendance_csv": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor", shows_marker=False),
    "agenda:training:attendance_pdf": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor", shows_marker=False),
    "agenda:training:certificate": Case(
        PRIVATE,
        lambda w: {"pk": w.session.pk, "registration_pk": w.registration.pk},
        "a_member",
        shows_marker=False,
    ),
    "agenda:training:feedback": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_member"),
    "agenda:training:feedback_results": Case(PRIVATE, lambda w: {"pk": w.session.pk}, "a_editor"),
    # Training sandboxes: the trainer who made one, and nobody else, not even another trainer.
    "sandbox:detail": Case(PRIVATE, lambda w: {"pk": w.sandbox.pk}, "trainer"),
    "sandbox:logins": Case(PRIVATE, lambda w: {"pk": w.sandbox.pk}, "trainer", shows_marker=False),
    "sandbox:logins_forget": Case(PRIVATE, lambda w: {"pk": w.sandbox.pk}, "trainer", **POST),
    "sandbox:reset": Case(PRIVATE, lambda w: {"pk": w.sandbox.pk}, "trainer"),
    "sandbox:delete": Case(PRIVATE, lambda w: {"pk": w.sandbox.pk}, "trainer"),
    # Procurement: any member asks a question on a published notice; Jargeau's editors answer.
    "procurement:ask": Case(MEMBERS, lambda w: {"pk": w.notice.pk}, "a_member", shows_marker=False),
    "procurement:answer": Case(PRIVATE, lambda w: {"pk": w.question.pk}, "a_editor"),
    # Subsidies.
    "subsidies:start": Case(MEMBERS, lambda w: {"aid_pk": w.aid.pk}, "a_editor", shows_marker=False),
    "subsidies:detail": Case(PRIVATE, lambda w: {"pk": w.application.pk}, "a_editor"),
    "subsidies:update": Case(PRIVATE, lambda w: {"pk": w.application.pk}, "a_editor"),
    "subsidies:submit": Case(PRIVATE, lambda w: {"pk": w.application.pk}, "a_editor", **POST),
    "subsidies:document": Case(
        PRIVATE,
        lambda w: {"pk": w.submitted.pk, "document_pk": w.submitted_document.pk},
        "a_editor",
        shows_marker=False,
    ),
    "subsidies:instruct": Case(
        PRIVATE,
        None,
        "dep_editor",
        args=lambda w: [w.submitted.pk, "review_start"],
        **POST,
    ),
    "subsidies:provider_dashboard": Case(PRIVATE, lambda w: {"slug": w.loiret.slug}, "dep_editor", shows_marker=False),
    "subsidies:aid_dashboard": Case(PRIVATE, lambda w: {"aid_pk": w.aid.pk}, "dep_editor"),
    "subsidies:aid_export": Case(PRIVATE, lambda w: {"aid_pk": w.aid.pk}, "dep_editor"),
    "subsidies:provider_granted": Case(FILTERED, lambda w: {"slug": w.loiret.slug}, "dep_editor", shows_marker=False),
    "subsidies:granted_export": Case(FILTERED, None, "dep_editor", args=lambda w: ["csv"], shows_marker=False),
    "subsidies:provider_granted_export": Case(
        FILTERED, None, "dep_editor", args=lambda w: [w.loiret.slug, "json"], shows_marker=False
    ),
    # Notifications, broadcasts, messaging.
    "notifications:read": Case(PRIVATE, lambda w: {"pk": w.notification.pk}, "a_member", **POST),
    "broadcast:detail": Case(PRIVATE, lambda w: {"pk": w.broadcast.pk}, "dep_admin"),
    "broadcast:test": Case(PRIVATE, lambda w: {"pk": w.broadcast.pk}, "dep_admin", **POST),
    "broadcast:send": Case(PRIVATE, lambda w: {"pk": w.broadcast.pk}, "dep_admin", **POST),
    "broadcast:unsubscribe": Case(
        TOKEN,
        lambda w: {"token": w.broadcast_unsubscribe_token},
        None,
        forged=lambda w: {"token": FORGED},
        shows_marker=False,
    ),
    "messaging:conversation": Case(PRIVATE, lambda w: {"pk": w.conversation.pk}, "a_member"),
    "messaging:post": Case(
        PRIVATE, lambda w: {"pk": w.conversation.pk}, "a_member", data={"body": "Zorglub pirate", "key": "x"}, **POST
    ),
    "messaging:history": Case(PRIVATE, lambda w: {"pk": w.conversation.pk}, "a_member"),
    "messaging:leave": Case(PRIVATE, lambda w: {"pk": w.group.pk}, "a_member", **POST),
    "messaging:message_delete": Case(PRIVATE, lambda w: {"pk": w.message_to_delete.pk}, "a_member", **POST),
    "messaging:attachment": Case(PRIVATE, lambda w: {"pk": w.message_attachment.pk}, "a_member", shows_marker=False),
}


def _page(w):
    return {"page_id": w.article.pk}


def _revision(w):
    return {"page_id": w.article.pk, "revision_id": w.revision.pk}


ADMIN_CASES: dict[str, Case] = {
    # Pages: Jargeau's editors manage the pages under its space, nobody else does.
    "wagtailadmin_explore": (
        Case(ADMIN, lambda w: {"parent_page_id": w.space.pk}, "a_editor"),
        Case(ADMIN, lambda w: {"parent_page_id": w.article.pk}, "a_editor"),
    ),
    "wagtailadmin_explore_results": Case(ADMIN, lambda w: {"parent_page_id": w.space.pk}, "a_editor"),
    "wagtailadmin_choose_page_child": Case(ADMIN, lambda w: {"parent_page_id": w.space.pk}, "a_editor"),
    "wagtailadmin_pages:add": Case(
        ADMIN,
        lambda w: {
            "content_type_app_name": "organisations",
            "content_type_model_name": "spacearticlepage",
            "parent_page_id": w.space.pk,
        },
        "a_editor",
        shows_marker=False,
    ),
    "wagtailadmin_pages:preview_on_add": Case(
        ADMIN,
        lambda w: {
            "content_type_app_name": "organisations",
            "content_type_model_name": "spacearticlepage",
            "parent_page_id": w.space.pk,
        },
        "a_editor",
        method="post",
        shows_marker=False,
    ),
    # One page type may be added there: Wagtail goes straight to its form.
    "wagtailadmin_pages:add_subpage": Case(
        ADMIN, lambda w: {"parent_page_id": w.space.pk}, "a_editor", owner_status=302
    ),
    "wagtailadmin_pages:usage": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:edit": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:preview_on_edit": Case(ADMIN, _page, "a_editor", method="post", shows_marker=False),
    "wagtailadmin_pages:view_draft": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:delete": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:unpublish": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:convert_alias": Case(ADMIN, _page, "a_editor", owner_status=404),  # not an alias
    "wagtailadmin_pages:move": Case(ADMIN, lambda w: {"page_to_move_id": w.article.pk}, "a_editor"),
    "wagtailadmin_pages:move_confirm": Case(
        ADMIN, lambda w: {"page_to_move_id": w.article.pk, "destination_id": w.space.pk}, "a_editor"
    ),
    "wagtailadmin_pages:set_page_position": Case(
        ADMIN, lambda w: {"page_to_move_id": w.article.pk}, "a_editor", method="post"
    ),
    "wagtailadmin_pages:copy": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:set_privacy": Case(ADMIN, _page, "a_editor", shows_marker=False),
    "wagtailadmin_pages:lock": Case(ADMIN, _page, "a_admin", method="post"),
    "wagtailadmin_pages:unlock": Case(ADMIN, _page, "a_admin", method="post"),
    # Wagtail sends the revisions' index to the page's history.
    "wagtailadmin_pages:revisions_index": Case(ADMIN, _page, "a_editor", owner_status=302),
    "wagtailadmin_pages:revisions_view": Case(ADMIN, _revision, "a_editor"),
    "wagtailadmin_pages:revisions_revert": Case(ADMIN, _revision, "a_editor"),
    "wagtailadmin_pages:revisions_unschedule": Case(ADMIN, _revision, "a_editor", method="post"),
    "wagtailadmin_pages:revisions_compare": Case(
        ADMIN, None, "a_editor", args=lambda w: [w.article.pk, "earliest", "latest"]
    ),
    "wagtailadmin_pages:workflow_history": Case(ADMIN, _page, "a_editor", shows_marker=False),
    "wagtailadmin_pages:history": Case(ADMIN, _page, "a_editor"),
    "wagtailadmin_pages:history_results": Case(ADMIN, _page, "a_editor", shows_marker=False),
    # Searches: the private article's title must not come up for another organisation.
    "wagtailadmin_choose_page_search": Case(
        FILTERED, lambda w: {}, "a_editor", data={"q": "Compte rendu"}, shows_marker=False
    ),
    "wagtailadmin_pages:search": Case(
        FILTERED, lambda w: {}, "a_editor", data={"q": "Compte rendu"}, shows_marker=False
    ),
    "wagtailadmin_pages:search_results": Case(
        FILTERED, lambda w: {}, "a_editor", data={"q": "Compte rendu"}, shows_marker=False
    ),
    "wagtailadmin_api:pages:detail": Case(ADMIN, lambda w: {"pk": w.article.pk}, "a_editor"),
    "wagtailadmin_api:pages:action": Case(
        ADMIN, lambda w: {"pk": w.article.pk, "action_name": "unpublish"}, "a_editor", method="post"
    ),
    "wagtail_bulk_action": Case(
        ADMIN,
        lambda w: {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        "a_editor",
        data=lambda w: {"id": w.article.pk},
    ),
    # Snippets of our models and our admin views.
    "wagtailsnippets_organisations_organisation:edit": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_organisations_organisation:delete": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_organisations_organisation:usage": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_organisations_organisation:history": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_organisations_organisation:history_results": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_organisations_organisation:copy": Case(
        ADMIN, lambda w: {"pk": w.a.pk}, "superuser", shows_marker=False
    ),
    "wagtailsnippets_ads_trustedorganisation:edit": Case(ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin"),
    "wagtailsnippets_ads_trustedorganisation:delete": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    "wagtailsnippets_ads_trustedorganisation:usage": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    "wagtailsnippets_ads_trustedorganisation:history": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    "wagtailsnippets_ads_trustedorganisation:history_results": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    "wagtailsnippets_ads_trustedorganisation:copy": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    "wagtailsnippetchoosers_ads_trustedorganisation:chosen": Case(
        ADMIN, lambda w: {"pk": w.trusted.pk}, "dep_admin", shows_marker=False
    ),
    # Library documents are chosen for public pages only when public: a private one is never chosen, not even by
    # its own organisation (hence the owner's 404).
    "library_document_chooser:chosen": Case(ADMIN, lambda w: {"pk": w.document.pk}, "a_editor", owner_status=404),
    "annuaire_services:edit": Case(ADMIN, lambda w: {"pk": w.service.pk}, "superuser", shows_marker=False),
    "annuaire_services:delete": Case(ADMIN, lambda w: {"pk": w.service.pk}, "superuser", shows_marker=False),
    "annuaire_services:history": Case(ADMIN, lambda w: {"pk": w.service.pk}, "superuser", shows_marker=False),
    "annuaire_services:history_results": Case(ADMIN, lambda w: {"pk": w.service.pk}, "superuser", shows_marker=False),
    "annuaire_services:usage": Case(ADMIN, lambda w: {"pk": w.service.pk}, "superuser", shows_marker=False),
    # Wagtail's documents and images (attachments of public pages), users and groups: never an organisation's
    # administrator of another organisation.
    "wagtaildocs:edit": Case(ADMIN, lambda w: {"document_id": w.wagtail_document.pk}, "superuser"),
    "wagtaildocs:delete": Case(ADMIN, lambda w: {"document_id": w.wagtail_document.pk}, "superuser"),
    "wagtaildocs:document_usage": Case(ADMIN, lambda w: {"document_id": w.wagtail_document.pk}, "superuser"),
    "wagtaildocs:edit_multiple": Case(
        ADMIN, lambda w: {"doc_id": w.wagtail_document.pk}, "superuser", method="post", shows_marker=False
    ),
    "wagtaildocs:delete_multiple": Case(
        ADMIN, lambda w: {"doc_id": w.wagtail_document.pk}, "superuser", method="post", shows_marker=False
    ),
    "wagtaildocs_chooser:chosen": Case(ADMIN, lambda w: {"pk": w.wagtail_document.pk}, "superuser"),
    "wagtailimages:edit": Case(ADMIN, lambda w: {"image_id": w.image.pk}, "superuser"),
    "wagtailimages:delete": Case(ADMIN, lambda w: {"image_id": w.image.pk}, "superuser"),
    # Without WAGTAILIMAGES_SERVE the URL generator answers 404 to everyone.
    "wagtailimages:url_generator": Case(ADMIN, lambda w: {"image_id": w.image.pk}, "superuser", owner_status=404),
    "wagtailimages:url_generator_output": Case(
        ADMIN, lambda w: {"image_id": w.image.pk}, "superuser", owner_status=404
    ),
    "wagtailimages:preview": Case(
        ADMIN, lambda w: {"image_id": w.image.pk, "filter_spec": "original"}, "superuser", shows_marker=False
    ),
    "wagtailimages:image_usage": Case(ADMIN, lambda w: {"image_id": w.image.pk}, "superuser"),
    "wagtailimages:edit_multiple": Case(
        ADMIN, lambda w: {"image_id": w.image.pk}, "superuser", method="post", shows_marker=False
    ),
    "wagtailimages:delete_multiple": Case(
        ADMIN, lambda w: {"image_id": w.image.pk}, "superuser", method="post", shows_marker=False
    ),
    "wagtailimages_chooser:chosen": Case(ADMIN, lambda w: {"pk": w.image.pk}, "superuser"),
    "wagtailimages_chooser:select_format": Case(ADMIN, lambda w: {"image_id": w.image.pk}, "superuser"),
    "wagtailadmin_collections:edit": Case(ADMIN, lambda w: {"pk": w.collection.pk}, "superuser"),
    "wagtailadmin_collections:delete": Case(ADMIN, lambda w: {"pk": w.collection.pk}, "superuser"),
    "wagtailadmin_collections:set_privacy": Case(
        ADMIN, lambda w: {"collection_id": w.collection.pk}, "superuser", shows_marker=False
    ),
    "wagtailusers_users:edit": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_users:delete": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_users:history": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_users:history_results": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_users:usage": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_users:copy": Case(ADMIN, lambda w: {"pk": w.a_member.pk}, "superuser", shows_marker=False),
    "wagtailusers_groups:edit": Case(ADMIN, lambda w: {"pk": w.a_group.pk}, "superuser", shows_marker=False),
    "wagtailusers_groups:delete": Case(ADMIN, lambda w: {"pk": w.a_group.pk}, "superuser", shows_marker=False),
    "wagtailusers_groups:history": Case(ADMIN, lambda w: {"pk": w.a_group.pk}, "superuser", shows_marker=False),
    "wagtailusers_groups:history_results": Case(ADMIN, lambda w: {"pk": w.a_group.pk}, "superuser", shows_marker=False),
    "wagtailusers_groups:usage": Case(ADMIN, lambda w: {"pk": w.a_group.pk}, "superuser", shows_marker=False),
}

# The public site's pages: Jargeau's space is restricted to its groups (outsiders get a 404, anonymous the login).
PAGE_CASES: dict[str, Case] = {
    "wagtail_serve": Case(PRIVATE, None, "a_member", args=lambda w: [w.article.url.strip("/") + "/"]),
}

# Patterns without a case, each with its reason. A name, or a prefix ending in ":" or "*" for a group of them.
EXCLUDED: dict[str, str] = {
    "forums/attachment/<int:pk>/": (
        "Shadows machina's forum_conversation:attachment at the same address: that case requests this view"
    ),
    # Patterns taking no object: lists and forms of the visitor's own things, filtered by the selectors (their
    # own tests check what they list).
    "accounts:*": "login, logout, password and two-factor pages of the visitor's own account",
    "accounts:password_reset_confirm": "Django's reset link: a forged one shows the 'invalid link' page (200)",
    "core:dashboard": "no object: the visitor's own dashboard",
    "core:set_language": "no object: a language switch",
    "ads:list": "no object: published ads only (tests/ads/test_public.py)",
    "ads:create": "no object: a new ad of the visitor's organisation",
    "ads:mine": "no object: the visitor's own ads",
    "ads:moderation_queue": "no object: filtered by ad_list_for_moderation (tests/ads/test_moderation.py)",
    "search:*": "no object: results filtered by the search's audience (tests/search)",
    "annuaire:organisation_list": "no object: the public directory",
    "annuaire:person_list": "no object: cards filtered by their visibility (tests/annuaire)",
    "annuaire:my_card": "no object: the visitor's own card",
    "forums:preferences": "no object: the visitor's own e-mail preferences",
    "forums:shared_list": "no object: shared forums the visitor manages",
    "forums:shared_create": "no object: a new shared forum",
    "forum:index": "no object: machina lists the forums the visitor may read",
    "forum_feeds:latest_topics": "no object: machina filters the readable forums (tests/forums/test_permissions.py)",
    "forum_member:profile_update": "no object: the visitor's own forum profile",
    "forum_member:user_subscriptions": "no object: the visitor's own subscriptions",
    "forum_moderation:queue": "no object: the queue of the forums the visitor moderates",
    "forum_search:search": "no object: haystack results filtered by readable forums (tests/forums)",
    "forum_tracking:mark_all_forums_read": "no object: marks the visitor's own readable forums",
    "forum_tracking:unread_topics": "no object: the visitor's own unread topics",
    "documents:index": "no object: redirects to the visitor's library",
    "agenda:index": "no object: the visitor's calendars",
    "agenda:month": "a date, no object: shows the visitor's calendars only",
    "agenda:week": "a date, no object: shows the visitor's calendars only",
    "agenda:feeds": "no object: the visitor's own feed links",
    "agenda:feed_reset": "no object: resets the visitor's own feed key",
    "agenda:training:list": "no object: sessions open to the visitor",
    "sandbox:list": "no object: the trainer's own sandboxes",
    "sandbox:create": "no object: a new sandbox",
    "procurement:questions": "no object: questions of the visitor's organisations",
    "subsidies:list": "no object: the applications of the visitor's organisations",
    "subsidies:granted_index": "no object: open data of granted subsidies",
    "notifications:list": "no object: the visitor's own notifications",
    "notifications:read_all": "no object: marks the visitor's own notifications",
    "notifications:preferences": "no object: the visitor's own preferences",
    "broadcast:list": "no object: broadcasts of the visitor's organisations",
    "broadcast:create": "no object: a new broadcast",
    "messaging:index": "no object: the visitor's own conversations",
    "messaging:conversation_new": "no object: a new conversation",
    "messaging:topic_new": "no object: a new group conversation",
    "messaging:preference": "no object: the visitor's own preference",
    # Wagtail's public views.
    "wagtaildocs_serve": "Wagtail documents are attachments of public pages (no private collection is used)",
    "wagtaildocs_authenticate_with_password": "password restrictions are not used (groups restrict the spaces)",
    "wagtailcore_authenticate_with_password": "password restrictions are not used (groups restrict the spaces)",
    "wagtailcore_login": "no object: Wagtail's login for restricted pages, our login form",
    r"^((?:[\w\-]+/)*[\w\-]+\.(?:csv|json|pdf))$": "public exports of routable public sections (aids, notices)",
    # Wagtail's admin, beyond the object views above.
    "admin/login/": "no object: the login form",
    "admin/reports/page-types-usage/": "no object: Wagtail's page types report, staff-only (test_admin_reports.py)",
    "admin/reports/page-types-usage/results/": "no object: the same report's results, staff-only",
    "admin/test404/": "no object: Wagtail's 404 test page",
    "admin/^.*/$": "no object: the admin's catch-all 404",
    "wagtailadmin_home": "no object: the dashboard",
    "wagtailadmin_error_test": "no object: Wagtail's error test page",
    "wagtailadmin_explore_root": "no object: the explorer starts at the visitor's own pages",
    "wagtailadmin_api:pages:listing": "no object: Wagtail filters by the pages the visitor may explore",
    "wagtailadmin_api:pages:find": "no object: a lookup by path or id, leading to the detail view covered above",
    "wagtailadmin_api:documents:*": "Wagtail documents are public attachments of public pages, served at /documents/",
    "wagtailadmin_api:images:*": "Wagtail images belong to no organisation: public attachments of public pages",
    "wagtailadmin_pages:type_use": "no object: page types in use (no content)",
    "wagtailadmin_pages:type_use_results": "no object: page types in use (no content)",
    "wagtailadmin_pages:choose_parent": "no object: picks a parent among the visitor's pages",
    "wagtailadmin_pages:workflow_action": "workflows are not used: no task state exists",
    "wagtailadmin_pages:collect_workflow_action_data": "workflows are not used: no task state exists",
    "wagtailadmin_pages:confirm_workflow_cancellation": "workflows are not used: no workflow state exists",
    "wagtailadmin_pages:workflow_preview": "workflows are not used: no task exists",
    "wagtailadmin_pages:workflow_history_detail": "workflows are not used: no workflow state exists",
    "wagtailadmin_choose_page": "no object: the chooser starts at the visitor's pages",
    "wagtailadmin_choose_page_chosen_multiple": "ids in the query; Wagtail's chooser, same filter as the search",
    "wagtailadmin_choose_page_external_link": "no object: a link form",
    "wagtailadmin_choose_page_email_link": "no object: a link form",
    "wagtailadmin_choose_page_phone_link": "no object: a link form",
    "wagtailadmin_choose_page_anchor_link": "no object: a link form",
    "wagtailadmin_tag_autocomplete": "no object: tag names",
    "wagtailadmin_tag_model_autocomplete": "no object: tag names of a model",
    "wagtailadmin_collections:index": "no object: superuser-only settings",
    "wagtailadmin_collections:add": "no object: superuser-only settings",
    "wagtailadmin_workflows:*": "workflows: superuser-only settings, none used",
    "wagtailadmin_reports:*": "reports list only pages the visitor may edit; the page types report is staff-only "
    "(tests/organisations/test_admin_reports.py)",
    "wagtailadmin_account": "no object: the visitor's own account",
    "wagtailadmin_logout": "no object: logout",
    "wagtailadmin_dismissibles": "no object: the visitor's own dismissed tips",
    "wagtailadmin_editing_sessions:*": "editing sessions of the visitor's own session id, checked by Wagtail",
    "wagtailadmin_block_preview": "no object: a StreamField block preview",
    "wagtailredirects:*": "redirects: superuser-only settings",
    "wagtailsnippets:index": "no object: the list of snippet types",
    "wagtaildocs:index": "no object: the documents of the collections the visitor may change (Wagtail filters)",
    "wagtaildocs:index_results": "no object: the same list's results",
    "wagtaildocs:add": "no object: upload form",
    "wagtaildocs:add_multiple": "no object: upload form",
    "wagtaildocs:create_multiple_from_uploaded_document": "the visitor's own upload in progress",
    "wagtaildocs:delete_upload_multiple": "the visitor's own upload in progress",
    "wagtaildocs_chooser:choose": "no object: the chooser's list",
    "wagtaildocs_chooser:choose_results": "no object: the chooser's list",
    "wagtaildocs_chooser:chosen_multiple": "ids in the query; same check as chosen, covered above",
    "wagtaildocs_chooser:create": "no object: upload form",
    "wagtailimages:index": "no object: the list (superuser-only)",
    "wagtailimages:index_results": "no object: the list (superuser-only)",
    "wagtailimages:add": "no object: upload form",
    "wagtailimages:add_multiple": "no object: upload form",
    "wagtailimages:create_multiple_from_uploaded_image": "the visitor's own upload in progress",
    "wagtailimages:delete_upload_multiple": "the visitor's own upload in progress",
    "wagtailimages_chooser:choose": "no object: the chooser's list",
    "wagtailimages_chooser:choose_results": "no object: the chooser's list",
    "wagtailimages_chooser:chosen_multiple": "ids in the query; same check as chosen, covered above",
    "wagtailimages_chooser:create": "no object: upload form",
    "wagtailsnippets_organisations_organisation:list": "no object: organisations are public (the directory)",
    "wagtailsnippets_organisations_organisation:list_results": "no object: organisations are public",
    "wagtailsnippets_organisations_organisation:add": "no object: superuser-only form",
    "wagtailsnippetchoosers_organisations_organisation:*": "organisations are public (the directory) to choose",
    "wagtailsnippets_ads_trustedorganisation:list": "no object: the départements' list",
    "wagtailsnippets_ads_trustedorganisation:list_results": "no object: the départements' list",
    "wagtailsnippets_ads_trustedorganisation:add": "no object: a form",
    "wagtailsnippetchoosers_ads_trustedorganisation:choose": "no object: the chooser's list",
    "wagtailsnippetchoosers_ads_trustedorganisation:choose_results": "no object: the chooser's list",
    "wagtailsnippetchoosers_ads_trustedorganisation:chosen_multiple": "ids in the query; same check as chosen",
    "wagtailsnippetchoosers_ads_trustedorganisation:create": "no object: a form",
    "library_document_chooser:choose": "no object: public documents of the visitor's organisations (tests/documents)",
    "library_document_chooser:choose_results": "no object: same list as choose",
    "library_document_chooser:chosen_multiple": "ids in the query; same filter as chosen, covered above",
    "library_document_chooser:create": "no object: always 404",
    "annuaire_services:index": "no object: services of the visitor's organisations (tests/annuaire)",
    "annuaire_services:index_results": "no object: same list as index",
    "annuaire_services:add": "no object: a form",
    "wagtailsites:*": "sites: superuser-only settings of the one site",
    "wagtailusers_users:index": "no object: superuser-only list",
    "wagtailusers_users:index_results": "no object: superuser-only list",
    "wagtailusers_users:add": "no object: superuser-only form",
    "wagtailusers_groups:index": "no object: superuser-only list",
    "wagtailusers_groups:index_results": "no object: superuser-only list",
    "wagtailusers_groups:add": "no object: superuser-only form",
    "wagtailadmin_sprite": "no object: the icons",
    "wagtailadmin_login": "no object: the login form",
    "wagtailadmin_password_reset": "no object: our password reset",
    "wagtailadmin_password_reset_done": "no object",
    "wagtailadmin_password_reset_confirm": "Django's reset link: a forged token shows the 'invalid link' page",
    "wagtailadmin_password_reset_complete": "no object",
    "wagtailadmin_javascript_catalog": "no object: translations",
}

ALL_CASES: dict[str, Case | tuple[Case, ...]] = {**CASES, **ADMIN_CASES, **PAGE_CASES}
