import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_username(request, credentials: dict | None) -> str:
    """The name django-axes counts failures under: the e-mail address, in lower case, whatever the form's field."""
    credentials = credentials or {}
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page, answered 429 with the cool-off time in Retry-After like every other limit."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
    response = render(
        request, settings.AXES_LOCKOUT_TEMPLATE, {"minutes": minutes}, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
