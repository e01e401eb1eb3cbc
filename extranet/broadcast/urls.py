from django.urls import path

from . import views

app_name = "broadcast"

urlpatterns = [
    path("", views.broadcast_list, name="list"),
    path("nouvelle/", views.broadcast_create, name="create"),
    path("<int:pk>/", views.broadcast_detail, name="detail"),
    path("<int:pk>/test/", views.broadcast_test, name="test"),
    path("<int:pk>/envoyer/", views.broadcast_send, name="send"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
