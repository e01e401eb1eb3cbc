from django.conf import settings


def site(request):
    """Values every page of the layout needs."""
    return {"platform_name": settings.WAGTAIL_SITE_NAME}
