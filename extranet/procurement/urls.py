from django.urls import path

from . import views

app_name = "procurement"

urlpatterns = [
    path("avis/<int:pk>/question/", views.question_ask_view, name="ask"),
    path("questions/", views.question_list_view, name="questions"),
    path("questions/<int:pk>/repondre/", views.question_answer_view, name="answer"),
]
