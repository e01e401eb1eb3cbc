from .pages import NoticeAttachment, NoticeIndexPage, NoticeKind, NoticePage, NoticeSectionPage  # noqa: F401
