from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _

from extranet.organisations.selectors import user_two_factor_required

from .selectors import two_factor_is_enabled

# Paths a user who still has to set up two-factor authentication may reach.
SETUP_PATH_NAMES = ["accounts:security", "accounts:security_confirm", "accounts:logout", "core:set_language"]


class TwoFactorMiddleware:
    """Enforce the second factor for everyone who has one, and its set-up where an organisation requires it.

    A session authenticated without the code (for instance through another login form) is closed; a
    member of an organisation that requires two-factor authentication can only reach the set-up page
    until it is done.

    It also hands the view the user object itself: see `_resolved`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # In process_view rather than __call__: this middleware comes before MessageMiddleware in MIDDLEWARE,
        # so in __call__ request._messages does not exist yet (the warning raised MessageFailure, a 500) and
        # a response returned there would skip MessageMiddleware (the warning would never be stored).
        request.user = user = _resolved(request.user)
        if user.is_authenticated and not user.is_verified() and not request.path.startswith("/static/"):
            if two_factor_is_enabled(user=user):
                logout(request)
                return redirect_to_login(request.get_full_path())
            if user_two_factor_required(user=user) and request.path not in self._setup_paths():
                messages.warning(
                    request, _("Your organisation requires two-factor authentication: set it up to continue.")
                )
                return redirect("accounts:security")
        return None

    @staticmethod
    def _setup_paths():
        return {reverse(name) for name in SETUP_PATH_NAMES}


def _resolved(user):
    """The user object behind the lazy proxies of `request.user`.

    AuthenticationMiddleware and django-otp's OTPMiddleware each wrap the user in a `SimpleLazyObject`, so every
    attribute read goes through two proxies, each raising and catching an `AttributeError`; machina asks the user's
    rights post by post, and the proxies cost a forum topic 1.8 ms of 14.4. Nothing lazy is lost: this middleware
    loads the user for every view anyway. (Done here rather than in a middleware of its own: measured in-process,
    one more middleware layer, even one doing nothing, took back what this saves; see docs/performance.md.)
    """
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user
