from django.conf import settings


def site(request):
    """Values every page of the layout needs."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
