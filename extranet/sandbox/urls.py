from django.urls import path

from . import views

app_name = "sandbox"

urlpatterns = [
    path("", views.sandbox_list, name="list"),
    path("nouvel-espace/", views.sandbox_create, name="create"),
    path("<int:pk>/", views.sandbox_detail, name="detail"),
    path("<int:pk>/identifiants/", views.sandbox_logins, name="logins"),
    path("<int:pk>/identifiants/oublier/", views.sandbox_logins_forget, name="logins_forget"),
    path("<int:pk>/reinitialiser/", views.sandbox_reset, name="reset"),
    path("<int:pk>/supprimer/", views.sandbox_delete, name="delete"),
]
