from django.urls import path

from . import urls_run
from .views import registrations, sessions

app_name = "training"

urlpatterns = [
    path("", sessions.session_list, name="list"),
    path("calendrier/<int:pk>/nouvelle-session/", sessions.session_create, name="create"),
    path("session/<int:pk>/modifier/", sessions.session_update, name="update"),
    path("session/<int:pk>/inscription/", registrations.register, name="register"),
    path("session/<int:pk>/desinscription/", registrations.cancel, name="cancel"),
    path("session/<int:pk>/inscrire-un-membre/", registrations.register_member, name="register_member"),
    path("session/<int:pk>/inscriptions/", registrations.registration_list, name="registrations"),
    path(
        "session/<int:pk>/inscriptions/<int:registration_pk>/annuler/",
        registrations.registration_cancel,
        name="registration_cancel",
    ),
    *urls_run.urlpatterns,
]
