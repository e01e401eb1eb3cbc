"""The audience tokens stored with each indexed item and matched against the viewer's at query time.

An item carries every audience allowed to read it; a viewer holds a set of tokens; the search keeps the
items whose tokens meet the viewer's. Membership changes therefore take effect at once, without reindexing.
"""

PUBLIC = "public"
# Any member of any organisation of the platform (shared forums open to all, internal directory fields).
MEMBERS = "members"


def organisation_audience(organisation_id: int) -> str:
    """The members of one organisation."""
    return f"org{organisation_id}"


def user_audience(user_id: int) -> str:
    """One user (the participants of a conversation, for instance)."""
    return f"user{user_id}"


def organisation_kind_audience(kind: str) -> str:
    """The members of every organisation of one kind (all EPCI, for instance), present and future."""
    return f"kind{kind}"
