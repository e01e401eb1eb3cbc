from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from extranet.core.ratelimit import rate_limit

from . import views
from .forms import QueuedPasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("connexion/verification/", views.login_verify, name="login_verify"),
    # LOGOUT_REDIRECT_URL = "wagtail_serve" cannot be reversed without its path argument (logout answered 500):
    # go to the site's home page explicitly.
    path(
        "deconnexion/", auth_views.LogoutView.as_view(next_page=reverse_lazy("wagtail_serve", args=[""])), name="logout"
    ),
    path(
        "mot-de-passe/oubli/",
        rate_limit("password_reset")(
            auth_views.PasswordResetView.as_view(
                form_class=QueuedPasswordResetForm,
                template_name="accounts/password_reset.html",
                email_template_name="accounts/email/password_reset_body.txt",
                subject_template_name="accounts/email/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/oubli/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/nouveau/termine/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "compte/mot-de-passe/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:profile")
        ),
        name="password_change",
    ),
    path("compte/profil/", views.profile, name="profile"),
    path("compte/securite/", views.security, name="security"),
    path("compte/securite/confirmer/", views.security_confirm, name="security_confirm"),
    path("compte/securite/codes-de-secours/", views.security_backup_codes, name="security_backup_codes"),
    path("compte/securite/desactiver/", views.security_disable, name="security_disable"),
]
