from django.urls import path

from . import views
from .machina_apps.forum_attachments.views import AttachmentView

app_name = "forums"

urlpatterns = [
    path("suivre/<int:pk>/", views.forum_follow, name="follow"),
    path("notifications/", views.preferences, name="preferences"),
    path("messages/<int:pk>/", views.post_redirect, name="post"),
    path("messages/<int:pk>/historique/", views.post_history, name="post_history"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("partages/", views.shared_forum_list, name="shared_list"),
    path("partages/nouveau/", views.shared_forum_create, name="shared_create"),
    path("partages/<int:pk>/", views.shared_forum_update, name="shared_update"),
    # Shadows machina's attachment download (same address, still reversed as "forum_conversation:attachment").
    path("attachment/<int:pk>/", AttachmentView.as_view()),
]
