"""ASGI entry point: HTTP through Django, WebSockets through Channels, the server's start through the lifespan
protocol (extranet.core.lifespan).

WebSocket connections must come from one of ALLOWED_HOSTS and from this very site (Origin header) and carry the user's
session; each consumer then checks membership on every subscribe and send.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Django must be set up before anything imports models.
django_asgi_application = get_asgi_application()

from extranet.core.checks import require_serving_settings  # noqa: E402

require_serving_settings()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from extranet.core.lifespan import lifespan_application  # noqa: E402
from extranet.messaging.origin import SameOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_application,
        "websocket": AllowedHostsOriginValidator(
            SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
        "lifespan": lifespan_application,
    }
)
