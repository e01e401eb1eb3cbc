"""WSGI entry point, for tools that need one; the site itself is served over ASGI (config/asgi.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from extranet.core.checks import require_serving_settings  # noqa: E402

require_serving_settings()
