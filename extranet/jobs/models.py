from .pages import JobIndexPage, JobOfferPage, JobSectionPage  # noqa: F401
