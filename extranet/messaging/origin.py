"""The WebSocket Origin check: only pages of this site may open a socket with the visitor's session.

Channels' AllowedHostsOriginValidator accepts any Origin when ALLOWED_HOSTS holds "*"; this one compares the
Origin with the Host the request was sent to and with SITE_URL, and never accepts a foreign one (nor none).
"""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def _netloc(value: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) origin, or None."""
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or DEFAULT_PORTS[parts.scheme]


def origin_allowed(scope) -> bool:
    headers = dict(scope.get("headers") or [])
    origin = _netloc(headers.get(b"origin", b"").decode("latin-1"))
    if origin is None:
        return False
    if origin == _netloc(settings.SITE_URL):
        return True
    scheme = origin[0]
    # The Host the browser connected to, its port defaulting like the page's (https behind a TLS proxy).
    host = _netloc(f"{scheme}://" + headers.get(b"host", b"").decode("latin-1"))
    return host is not None and host == origin


class SameOriginValidator:
    """ASGI middleware: refuse (HTTP 403 at the handshake) a socket whose Origin is not this site."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not origin_allowed(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
