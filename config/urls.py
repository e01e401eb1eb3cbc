import re

from django.conf import settings
from django.urls import include, path, re_path
from machina import urls as machina_urls
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from extranet.accounts.views import admin_login
from extranet.organisations.admin_views import page_types_report

urlpatterns = [
    # One login form for the whole site, so the second factor and the lockout apply to the admin too.
    path("admin/login/", admin_login),
    # Wagtail's page types report would show every organisation's latest page titles (admin_views.py).
    path("admin/reports/page-types-usage/", page_types_report),
    path("admin/reports/page-types-usage/results/", page_types_report, {"results_only": True}),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("extranet.accounts.urls")),
    path("", include("extranet.organisations.urls")),
    path("", include("extranet.core.urls")),
    path("annonces/", include("extranet.ads.urls")),
    path("recherche/", include("extranet.search.urls")),
    path("annuaire/", include("annuaire.urls")),
    path("forums/", include("forums.urls")),
    path("forums/", include(machina_urls)),
    path("bibliotheque/", include("documents.urls")),
    path("agenda/", include("agenda.urls")),
    path("espace-formation/", include("extranet.sandbox.urls")),
    path("marches/", include("extranet.procurement.urls")),
    path("subventions/", include("extranet.subsidies.urls")),
    path("notifications/", include("extranet.notifications.urls")),
    path("diffusion/", include("extranet.broadcast.urls")),
    path("messages/", include("extranet.messaging.urls")),
]

if settings.DEBUG:
    from django.views.static import serve

    # Forum attachments live under MEDIA_ROOT but are only served by machina's permission-checked view.
    private = "|".join(re.escape(prefix) for prefix in settings.PRIVATE_MEDIA_PREFIXES)
    media = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(
        re_path(rf"^{media}(?!{private})(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media")
    )

# Wagtail's page pattern takes no dot: routable pages' file-like routes (/aides/export.csv) get their own.
urlpatterns.append(re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:csv|json|pdf))$", wagtail_views.serve))
urlpatterns.append(path("", include(wagtail_urls)))
