from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.index, name="index"),
    path("nouvelle/", views.conversation_new, name="conversation_new"),
    path("nouveau-salon/", views.topic_new, name="topic_new"),
    path("preferences/", views.preference, name="preference"),
    path("<int:pk>/", views.conversation_detail, name="conversation"),
    path("<int:pk>/envoyer/", views.message_post, name="post"),
    path("<int:pk>/historique/", views.history, name="history"),
    path("<int:pk>/quitter/", views.conversation_leave, name="leave"),
    path("message/<int:pk>/supprimer/", views.message_delete, name="message_delete"),
    path("piece-jointe/<int:pk>/", views.attachment, name="attachment"),
]
