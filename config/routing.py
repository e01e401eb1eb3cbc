"""WebSocket routes of the site; each real-time app appends its consumers' paths here."""

websocket_urlpatterns = []
