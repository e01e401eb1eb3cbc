"""WebSocket routes of the site; each real-time app appends its consumers' paths here."""

from extranet.messaging.routing import websocket_urlpatterns as messaging_routes

websocket_urlpatterns = []
websocket_urlpatterns += messaging_routes
