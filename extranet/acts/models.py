from .act import ActKind, ActPage  # noqa: F401
from .pages import ActIndexPage, ActSectionPage, SessionPage  # noqa: F401
