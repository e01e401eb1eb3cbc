"""Login in one or two steps (password, then authenticator code), profile and two-factor set-up."""

import time
from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from extranet.core.forms import form_add_service_error
from extranet.core.middleware import recipient_language_activate
from extranet.organisations.selectors import user_two_factor_required

from . import services
from .forms import LoginForm, ProfileForm, TokenForm
from .selectors import two_factor_backup_code_count, two_factor_is_enabled, two_factor_wait_seconds

PENDING_LOGIN_KEY = "pending_login"
PENDING_LOGIN_SECONDS = 300


def complete_login(request, user, *, backend: str, device=None, next_url: str = ""):
    """Log the user in (Django rotates the session key), remember the device and the user's language."""
    login(request, user, backend=backend)
    if device is not None:
        otp_login(request, device)
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(settings.LOGIN_REDIRECT_URL)
    response = redirect(next_url)
    set_language_cookie(response, language=user.preferred_language)
    return response


def set_language_cookie(response, *, language: str) -> None:
    """Remember the language in the browser for a year, at login as after a change on the profile."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        max_age=settings.LANGUAGE_COOKIE_AGE,
    )


class LoginView(auth_views.LoginView):
    """First step: e-mail and password (django-axes counts failures); users with an authenticator go on to step two."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if two_factor_is_enabled(user=user):
            self.request.session[PENDING_LOGIN_KEY] = {
                "user_id": user.pk,
                "backend": user.backend,
                "next": self.get_redirect_url(),
                "started": time.time(),
            }
            return redirect("accounts:login_verify")
        return complete_login(self.request, user, backend=user.backend, next_url=self.get_redirect_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's new-password page; the password chosen also lifts a login lockout of the account."""

    def dispatch(self, *args, **kwargs):
        response = super().dispatch(*args, **kwargs)
        # Only a link that works tells whose it is: a forged one stays in the platform's language. The page is
        # rendered after this (a TemplateResponse), in the account's language.
        if self.validlink:
            recipient_language_activate(self.request, language=self.user.preferred_language)
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_lockout_lift(user=form.user)
        if self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) not in dict(settings.LANGUAGES):
            # The next page (password changed) has no account to read the language from: this browser keeps it.
            set_language_cookie(response, language=form.user.preferred_language)
        return response


def login_verify(request):
    """Second step: the code of the authenticator app or a backup code."""
    pending = request.session.get(PENDING_LOGIN_KEY)
    if not pending or time.time() - pending["started"] > PENDING_LOGIN_SECONDS:
        request.session.pop(PENDING_LOGIN_KEY, None)
        messages.error(request, _("Your login has expired: enter your e-mail address and password again."))
        return redirect("accounts:login")
    user = get_user_model().objects.get(pk=pending["user_id"])
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = two_factor_wait_seconds(user=user)
        device = None if wait else services.two_factor_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            del request.session[PENDING_LOGIN_KEY]
            return complete_login(request, user, backend=pending["backend"], device=device, next_url=pending["next"])
        form.add_error("token", _two_factor_refusal(wait_before=wait, wait_after=two_factor_wait_seconds(user=user)))
    return render(request, "accounts/login_verify.html", {"form": form})


def _two_factor_refusal(*, wait_before: int, wait_after: int) -> str:
    """Why a code was refused: the pause django-otp imposes after wrong codes (the code was not even checked, so a
    good backup code is not used up), or a wrong code, with the pause it now starts."""
    if wait_before:
        return ngettext(
            "Too many wrong codes: wait %(seconds)d second, then type the code again.",
            "Too many wrong codes: wait %(seconds)d seconds, then type the code again.",
            wait_before,
        ) % {"seconds": wait_before}
    message = _("This code is not valid or has already been used.")
    if wait_after > 2:  # the first pauses are over before another code is typed
        return (
            message
            + " "
            + ngettext(
                "Wait %(seconds)d second before typing another one.",
                "Wait %(seconds)d seconds before typing another one.",
                wait_after,
            )
            % {"seconds": wait_after}
        )
    return message + " " + _("Wait for the next code and try again.")


def admin_login(request):
    """Wagtail's login URL: anonymous users go to the site's login form; logged-in users lack admin access."""
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next", reverse("wagtailadmin_home")))


@login_required
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_profile(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_error(form, error)
            return render(request, "accounts/profile.html", {"form": form})
        # In the language just chosen: the next page is shown in it.
        with translation.override(request.user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        # With the same lifetime as at login: a cookie without max-age ended with the browser, while the
        # session (SESSION_EXPIRE_AT_BROWSER_CLOSE is off) went on, in the default language.
        set_language_cookie(response, language=request.user.preferred_language)
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def security(request):
    """Two-factor status, set-up with a QR code, backup codes and removal."""
    user = request.user
    context = {
        "enabled": two_factor_is_enabled(user=user),
        "required": user_two_factor_required(user=user),
        "backup_code_count": two_factor_backup_code_count(user=user),
        "backup_codes": request.session.pop("new_backup_codes", None),
    }
    if not context["enabled"]:
        device = services.two_factor_enrol_start(user=user)
        context.update(form=TokenForm(), secret=_base32(device), qr_code=_qr_svg(device.config_url))
    return render(request, "accounts/security.html", context)


@login_required
@require_POST
def security_confirm(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            device, codes = services.two_factor_enrol_confirm(user=request.user, token=form.cleaned_data["token"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            otp_login(request, device)
            request.session["new_backup_codes"] = codes
            messages.success(request, _("Two-factor authentication is on. Keep your backup codes somewhere safe."))
    else:
        messages.error(request, _("Type the 6-digit code shown by your authentication app."))
    return redirect("accounts:security")


@login_required
@require_POST
def security_backup_codes(request):
    request.session["new_backup_codes"] = services.two_factor_backup_codes_regenerate(user=request.user)
    messages.success(request, _("New backup codes have been generated; the old ones no longer work."))
    return redirect("accounts:security")


@login_required
@require_POST
def security_disable(request):
    try:
        services.two_factor_disable(user=request.user, required=user_two_factor_required(user=request.user))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:security")


def _base32(device) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
