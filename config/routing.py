"""WebSocket routes of the site; each real-time app appends its consumers' paths here."""

from extranet.messaging.routing import websocket_urlpatterns as messaging_patterns
from extranet.notifications.routing import websocket_urlpatterns as notification_patterns

websocket_urlpatterns = [*notification_patterns, *messaging_patterns]
