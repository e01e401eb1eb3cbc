"""WebSocket routes of the site; each real-time app appends its consumers' paths here."""

from extranet.notifications.routing import websocket_urlpatterns as notification_patterns

websocket_urlpatterns = [*notification_patterns]
