"""Which machina permissions each kind of participant gets; `services.forum_permissions_sync` applies them."""

READ = ("can_see_forum", "can_read_forum", "can_download_file")
WRITE = (
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_create_polls",
    "can_vote_in_polls",
    "can_attach_file",
)
WITHOUT_APPROVAL = ("can_post_without_approval",)
MODERATE = (
    "can_post_announcements",
    "can_post_stickies",
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_without_approval",
)


def participant_codenames(*, premoderated: bool) -> tuple[str, ...]:
    return READ + WRITE + (() if premoderated else WITHOUT_APPROVAL)


def moderator_codenames() -> tuple[str, ...]:
    return READ + WRITE + MODERATE
