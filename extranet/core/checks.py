"""The production variables without a default: a server never starts without them.

With DEBUG off, settings leave an unset SECRET_KEY empty and ALLOWED_HOSTS empty rather than failing at
import, so that commands needing neither (`makemigrations --check` on a fresh clone) still run. Django
refuses an empty SECRET_KEY wherever one is used (sessions, signed links); the ASGI and WSGI entry points
call `require_serving_settings()` before serving, and `check --deploy` reports the same as errors.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


def missing_serving_settings() -> list[str]:
    """The names of the production variables a server needs that are not set."""
    if settings.DEBUG:
        return []
    missing = []
    try:
        settings.SECRET_KEY  # noqa: B018 (Django raises on access when the key is empty)
    except ImproperlyConfigured:
        missing.append("SECRET_KEY")
    if not settings.ALLOWED_HOSTS:
        missing.append("ALLOWED_HOSTS")
    return missing


def require_serving_settings() -> None:
    """Stop a server process before it serves without its production variables."""
    if missing := missing_serving_settings():
        raise ImproperlyConfigured(f"Set the {' and '.join(missing)} environment variable(s) when DEBUG is off.")


@register(Tags.security, deploy=True)
def check_serving_settings(app_configs=None, **kwargs) -> list[Error]:
    return [
        Error(f"{name} is not set.", hint="Required when DEBUG is off.", id="core.E001")
        for name in missing_serving_settings()
    ]
