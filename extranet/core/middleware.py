import time

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class FrenchFirstLocaleMiddleware(LocaleMiddleware):
    """French unless the visitor chose another language with the switcher (cookie set at login or by the switch).

    The browser's Accept-Language is ignored on purpose: many staff phones are set to English, and the
    platform's interface, like its content, is French by default.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def recipient_language_activate(request, *, language: str | None) -> None:
    """Speak the recipient's language on a page opened from their e-mail's link, unless this browser chose one.

    Such links (an answer to an invitation, an unsubscription, a new password) work without logging in, often on
    a phone that never logged in, where the platform would otherwise answer in French to an English e-mail.
    """
    languages = dict(settings.LANGUAGES)
    if language in languages and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) not in languages:
        translation.activate(language)
        request.LANGUAGE_CODE = language


class SlidingSessionMiddleware(SessionMiddleware):
    """Django's session middleware, with an idle expiry that slides at most once every SESSION_REFRESH_SECONDS.

    Ending sessions after SESSION_COOKIE_AGE of inactivity needs the expiry pushed back as the user goes on;
    SESSION_SAVE_EVERY_REQUEST does it with a database write and a new cookie at every page. Here a session that
    is otherwise unchanged is saved (expiry and cookie renewed) only when its last save is older than the refresh
    interval, so a session ends between SESSION_COOKIE_AGE minus that interval and SESSION_COOKIE_AGE after the
    last request. A visitor without a session still gets none.
    """

    REFRESHED_KEY = "_refreshed_at"

    @classmethod
    def mark_refreshed(cls, session) -> None:
        """Stamps the session as saved now (it is about to be: the stamp itself modifies it)."""
        session[cls.REFRESHED_KEY] = int(time.time())

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return super().process_response(request, response)
        # Reading loads the session: a key the store does not know (expired, forged) leaves it empty, not refreshed.
        stale = time.time() - session.get(self.REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS
        if not session.is_empty() and (session.modified or stale):
            self.mark_refreshed(session)
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with one policy per part of the site (settings.CONTENT_SECURITY_POLICY*).

    - The site: CONTENT_SECURITY_POLICY, strict (no inline script or style at all).
    - Wagtail's admin (/admin/): CONTENT_SECURITY_POLICY_ADMIN, which allows inline scripts and styles because
      Wagtail's own widgets and panels still print them (docs/security.md explains the choice).
    - A response that sets its own policy keeps it (the library's files run in an empty sandbox).
    - PDFs shown inline only get `frame-ancestors`: a resource policy can stop Chromium's viewer from loading.

    `frame-ancestors` follows X-Frame-Options: views that may be framed by our own pages (the documents' viewer,
    Wagtail's preview) say SAMEORIGIN through Django's decorators and get 'self' instead of 'none'.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None:
            if request.path_info.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX):
                parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            elif response.get("Content-Type", "").startswith("application/pdf"):
                parts.config = {"frame-ancestors": [NONE]}
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
