"""Sub-routes of the public acts pages: feeds, open-data exports and signed PDFs."""


def file_route_url(page, name: str, *, request=None, **kwargs) -> str:
    """The URL of a route named like a file (`export.csv`, `acte.pdf`).

    Wagtail's routes end with a slash; config/urls.py serves these without it, since Wagtail's own page
    pattern refuses the dot.
    """
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs).rstrip("/")
