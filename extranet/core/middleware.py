from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
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
