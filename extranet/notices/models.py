from .pages import NoticeAttachment, NoticeIndexPage, NoticeKind, NoticeLibraryAttachment, NoticePage, NoticeSectionPage  # noqa: F401
