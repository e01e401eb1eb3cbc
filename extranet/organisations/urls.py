from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("espaces/<slug:slug>/membres/", views.member_list, name="member_list"),
    path("espaces/<slug:slug>/membres/inviter/", views.invitation_create, name="invitation_create"),
    path("espaces/<slug:slug>/membres/<int:membership_id>/role/", views.membership_role, name="membership_role"),
    path("espaces/<slug:slug>/membres/<int:membership_id>/retirer/", views.membership_remove, name="membership_remove"),
    path(
        "espaces/<slug:slug>/invitations/<int:invitation_id>/renvoyer/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "espaces/<slug:slug>/invitations/<int:invitation_id>/retirer/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("espaces/<slug:slug>/parametres/", views.organisation_settings, name="settings"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
