"""Settings of Territoires.

The environment is read once, here, with django-environ; README.md ("Configuration") documents every
variable. The embedded defaults (SQLite, Whoosh, in-memory channel layer, console e-mail) need no
server; production values come from the environment and production secrets have no default.
"""

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from machina import MACHINA_MAIN_TEMPLATE_DIR

from extranet.search.connection import haystack_connection

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-never-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    # No default: left unset, both stay empty, and servers refuse to start (extranet/core/checks.py).
    SECRET_KEY = env("SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts; '*' disables Origin checks.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "extranet.core",
    "extranet.accounts",
    "extranet.organisations",
    "extranet.public",
    "extranet.acts",
    "extranet.notices",
    "extranet.aids",
    "extranet.subsidies",
    "extranet.jobs",
    "extranet.procurement",
    "extranet.ads",
    "extranet.search",
    "extranet.messaging",
    "extranet.notifications",
    "extranet.broadcast",
    "documents",
    "annuaire",
    "agenda",
    "agenda.training",
    "extranet.sandbox",
    "extranet.backup",
    # django-scheduler: its models and recurrence engine; its views, templates and feeds are not used.
    "schedule",
    # haystack before Wagtail: both ship an `update_index` command and the first app wins.
    "haystack",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # The forums and machina's apps come after Wagtail, whose translations win for the words both have;
    # the `forums.machina_apps` packages override a few of machina's classes (get_class).
    "forums",
    "forums.machina_apps.forum",
    "forums.machina_apps.forum_conversation",
    "forums.machina_apps.forum_permission",
    "forums.machina_apps.forum_attachments",
    "forums.machina_apps.forum_polls",
    "forums.machina_apps.forum_tracking",
    "forums.machina_apps.forum_feeds",
    "forums.machina_apps.forum_moderation",
    "forums.machina_apps.forum_member",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "mptt",
    "widget_tweaks",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # django-csp: its system checks (the header itself comes from extranet.core.middleware).
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so that every response gets its policy, static files and other middleware's answers included.
    "extranet.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "extranet.core.middleware.SlidingSessionMiddleware",
    "extranet.core.middleware.FrenchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "extranet.accounts.middleware.TwoFactorMiddleware",
    "extranet.organisations.middleware.OrganisationSpaceAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "forums.middleware.ForumPermissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # machina's views name templates without their `machina/` folder: ours override its own.
        "DIRS": [BASE_DIR / "templates", BASE_DIR / "forums" / "templates" / "machina", MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "extranet.core.context_processors.site",
                "machina.core.context_processors.metadata",
            ],
        },
    },
    {
        # Plain-text e-mails (`extranet.core.services.email_render`): nothing is HTML-escaped, so an
        # apostrophe in a title stays an apostrophe instead of becoming "&#x27;".
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: SQLite in WAL mode with IMMEDIATE transactions, so concurrent writers queue on the
# busy timeout instead of failing with "database is locked"; PostgreSQL through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# machina's migrations need AutoField; our own apps set BigAutoField in their AppConfig.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Redis, when configured, carries the cache and the channel layer.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # redis-py reads with a 5 s timeout by default, exactly channels-redis' blocking wait for the next
    # event (BZPOPMIN, 5 s): an idle socket's consumer would then die on "Timeout reading". Read longer.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 30}]},
        }
    }
else:
    # Django's default of 300 entries is fewer than the page fragments of a few dozen members: the cache would
    # throw a third of itself away whenever it fills.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# machina's permission answers are kept only in a cache that every process shares: a permission changed in one
# process must reach the others at once (forums.permission_cache).
FORUM_PERMISSIONS_CACHE_SECONDS = env.int("FORUM_PERMISSIONS_CACHE_SECONDS", default=600 if REDIS_URL else 0)
# machina keeps a post's attachments there while its form is redisplayed with errors.
CACHES["machina_attachments"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": VAR_DIR / "cache" / "forum-attachments",
}

# Background tasks: the database queue, run by `manage.py db_worker`.
# The `search` queue must have one worker while the index is Whoosh (one writer at a time).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "search"],
    }
}

# Authentication.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Training sandboxes' trainee accounts live under this reserved domain (RFC 2606): nothing is ever mailed to them,
# and the login page recognises them to explain that they end with their sandbox.
SANDBOX_TRAINEE_EMAIL_DOMAIN = "sandbox.invalid"
INVITATION_VALIDITY = timedelta(days=env.int("INVITATION_VALIDITY_DAYS", default=7))
ADS_LIFETIME_DAYS = env.int("ADS_LIFETIME_DAYS", default=60)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Sessions end after SESSION_IDLE_SECONDS without a request: extranet.core.middleware.SlidingSessionMiddleware
# pushes the expiry back at most once every SESSION_REFRESH_SECONDS (not a database write at every page).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=2 * 60 * 60)
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_SAMESITE = "Lax"

# Brute force: lock a user name from one address, so nobody can lock a named user out from elsewhere.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "extranet.accounts.lockout.lockout_username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_LOCKOUT_CALLABLE = "extranet.accounts.lockout.lockout_response"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Rate limits (extranet/core/ratelimit.py): "<count>/<seconds>" per user, or per address for visitors;
# past it, a 429 page with Retry-After. Logins are limited by django-axes above.
RATE_LIMITS = {
    "password_reset": env("RATE_LIMIT_PASSWORD_RESET", default="5/3600"),
    "invitation": env("RATE_LIMIT_INVITATION", default="50/3600"),
    "search": env("RATE_LIMIT_SEARCH", default="30/60"),
    "search_suggest": env("RATE_LIMIT_SEARCH_SUGGEST", default="120/60"),
    "forum_post": env("RATE_LIMIT_FORUM_POST", default="20/600"),
    "message": env("RATE_LIMIT_MESSAGE", default="60/600"),
    "ad": env("RATE_LIMIT_AD", default="10/3600"),
    "ad_contact": env("RATE_LIMIT_AD_CONTACT", default="5/3600"),
}

OTP_TOTP_ISSUER = "Territoires"
OTP_STATIC_THROTTLE_FACTOR = 1

# Transport security: every production default is strict; DEBUG relaxes it for local use.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp, extranet.core.middleware): no inline script or style in our pages, nothing
# from another host; WebSockets are same-origin ('self' covers ws: and wss: in CSP Level 3). docs/security.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Wagtail's admin still prints inline scripts (inline panels, date widgets) and style attributes, in widgets that
# have no request to read a nonce from: only these two directives are relaxed there, the rest stays as strict.
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
FORMAT_MODULE_PATH = ["config.formats"]
# Weeks start on Monday in both languages; django-scheduler's week periods read this setting, not the formats.
FIRST_DAY_OF_WEEK = 1
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "territoires_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Every time is read and shown in the platform's zone: an overseas département sets its own (Indian/Reunion...).
TIME_ZONE = env("TIME_ZONE", default="Europe/Paris")
try:
    ZoneInfo(TIME_ZONE)
except (ValueError, ZoneInfoNotFoundError) as error:
    raise ImproperlyConfigured(f"TIME_ZONE must be a zone of the tz database, such as Europe/Paris: {error}") from error
USE_I18N = True
USE_TZ = True
# Wagtail's editors type times in the platform's zone too, not in one of their own.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]

# Static and media files: every asset is served by the project (no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "extranet.backup.storage.SnapshotSafeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# The lock that holds file deletions while a backup fixes its snapshot (extranet/backup/locks.py): a path
# every process of the instance (web, worker, cron, backup) can open, on local disk.
FILES_LOCK_PATH = env.path("FILES_LOCK_PATH", default=VAR_DIR / "files.lock")

# Shared documents: files outside MEDIA_ROOT (never served by the media route), or in a private S3 bucket.
DOCUMENTS_ROOT = env.path("DOCUMENTS_ROOT", default=VAR_DIR / "documents")
if DOCUMENTS_S3_BUCKET := env("DOCUMENTS_S3_BUCKET", default=""):
    # django-storages' S3 backend; boto3 must then be installed (it is not pinned: local disk needs nothing).
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env("DOCUMENTS_S3_ENDPOINT_URL", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    STORAGES["documents"] = {
        "BACKEND": "documents.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    }
DOCUMENTS_MAX_UPLOAD_BYTES = env.int("DOCUMENTS_MAX_UPLOAD_MB", default=50) * 1024 * 1024
DOCUMENTS_ALLOWED_FORMATS = env.list(
    "DOCUMENTS_ALLOWED_FORMATS",
    default=[
        "pdf",
        "odt",
        "ods",
        "odp",
        "docx",
        "xlsx",
        "pptx",
        "txt",
        "csv",
        "png",
        "jpeg",
        "gif",
        "webp",
        "svg",
        "zip",
    ],
)
DOCUMENTS_MAX_IMAGE_PIXELS = env.int("DOCUMENTS_MAX_IMAGE_PIXELS", default=50_000_000)
DOCUMENTS_LOCK_TIMEOUT = timedelta(hours=env.int("DOCUMENTS_LOCK_HOURS", default=4))
DOCUMENTS_BIN_DAYS = env.int("DOCUMENTS_BIN_DAYS", default=30)
DOCUMENTS_LINK_MAX_DAYS = env.int("DOCUMENTS_LINK_MAX_DAYS", default=30)
# With nginx in front: an internal location serving DOCUMENTS_ROOT, e.g. "/_documents/" (empty: Django streams).
DOCUMENTS_X_ACCEL_REDIRECT = env("DOCUMENTS_X_ACCEL_REDIRECT", default="")

# Agendas: the "create a meeting room" button builds a unique room address under this one (e.g. a Jitsi
# server, "https://visio.example.fr/"); empty hides the button.
VISIO_BASE_URL = env("VISIO_BASE_URL", default="")
# A recurring event stops after this many occurrences at most, and an imported calendar holds this many events.
AGENDA_MAX_OCCURRENCES = env.int("AGENDA_MAX_OCCURRENCES", default=1000)
AGENDA_IMPORT_MAX_EVENTS = env.int("AGENDA_IMPORT_MAX_EVENTS", default=2000)
AGENDA_IMPORT_MAX_BYTES = env.int("AGENDA_IMPORT_MAX_MB", default=5) * 1024 * 1024

# E-mail: printed on the console unless EMAIL_URL names an SMTP server (smtp+tls://user:pass@host:587).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Territoires <ne-pas-repondre@territoires.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Diffusion lists: SMS through a pluggable gateway (docs/broadcast.md), sent at most BROADCAST_RATE messages a second.
SMS_BACKEND = env("SMS_BACKEND", default="extranet.broadcast.sms.backends.console.SmsBackend")
SMS_FILE_PATH = env.path("SMS_FILE_PATH", default=VAR_DIR / "sms")
SMS_API_URL = env("SMS_API_URL", default="")
SMS_API_KEY = env("SMS_API_KEY", default="")
SMS_SENDER = env("SMS_SENDER", default="Territoires")
SMS_COST_PER_SEGMENT = env("SMS_COST_PER_SEGMENT", default="0.045")
BROADCAST_RATE = env.float("BROADCAST_RATE", default=10.0)

# Search: Whoosh with a French analyzer by default; Elasticsearch 7 or Solr for several servers.
SEARCH_URL = env("SEARCH_URL", default=f"whoosh://{VAR_DIR / 'whoosh'}")
HAYSTACK_CONNECTIONS = {"default": haystack_connection(SEARCH_URL)}
# The forums index their posts with `forums.search_indexes`, with each forum's audience, not machina's.
HAYSTACK_CONNECTIONS["default"]["EXCLUDED_INDEXES"] = ["machina.apps.forum_search.search_indexes.PostIndex"]
# Saves and deletions only enqueue a task; the worker of the `search` queue updates the index.
HAYSTACK_SIGNAL_PROCESSOR = "extranet.search.signals.QueuedSignalProcessor"
# The queries filter on audiences and kinds themselves; haystack's extra "registered models" filter is redundant.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False

# Wagtail.
WAGTAIL_SITE_NAME = "Territoires"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Wagtail's documents and images are checked like the library's uploads (docs/security.md, "Uploads").
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.wagtail_forms.CheckedDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = DOCUMENTS_MAX_UPLOAD_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = DOCUMENTS_MAX_IMAGE_PIXELS
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# The admin makes no external request either: no avatar fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Forums (django-machina): markdown rendered by `markdown` and cleaned by nh3, never markdown2's safe_mode.
MACHINA_FORUM_NAME = "Forums"
MACHINA_BASE_TEMPLATE_NAME = "base.html"
MACHINA_MARKUP_LANGUAGE = ("forums.markup.render", {})
MACHINA_MARKUP_WIDGET = "django.forms.Textarea"
FORUMS_POST_MAX_LENGTH = 20_000
MACHINA_USER_DISPLAY_NAME_METHOD = "get_full_name"
MACHINA_PROFILE_AVATARS_ENABLED = False
MACHINA_ATTACHMENT_FILE_UPLOAD_TO = "forum-attachments"
# Folders of MEDIA_ROOT that only permission-checked views serve: neither the DEBUG media route nor the web server.
# Wagtail documents ("documents/") go through Wagtail's serve view, which checks that a live page uses them.
PRIVATE_MEDIA_PREFIXES = [f"{MACHINA_ATTACHMENT_FILE_UPLOAD_TO}/", "documents/"]
MACHINA_ATTACHMENT_MAX_FILES_PER_POST = 5
FORUMS_ATTACHMENT_MAX_BYTES = env.int("FORUMS_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)

# Directory: people's photos (re-encoded, kept in the documents' private storage) and the CSV import of people.
ANNUAIRE_PHOTO_MAX_BYTES = env.int("ANNUAIRE_PHOTO_MAX_MB", default=5) * 1024 * 1024
ANNUAIRE_IMPORT_MAX_BYTES = env.int("ANNUAIRE_IMPORT_MAX_MB", default=20) * 1024 * 1024
ANNUAIRE_IMPORT_MAX_ROWS = env.int("ANNUAIRE_IMPORT_MAX_ROWS", default=100_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
