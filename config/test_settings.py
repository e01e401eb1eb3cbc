"""Settings for the test suite: the real settings, with fast hashing and tasks run in-process."""

import os
import tempfile

# The tests run with production-like settings, whatever a developer's .env says.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The tests' times and summer-time changes are Paris's, whatever zone a deployment sets.
os.environ["TIME_ZONE"] = "Europe/Paris"
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ.setdefault("SEARCH_URL", f"whoosh://{tempfile.mkdtemp(prefix='territoires-whoosh-')}")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="territoires-media-"))
os.environ.setdefault("SMS_BACKEND", "extranet.broadcast.sms.backends.filebased.SmsBackend")
os.environ.setdefault("SMS_FILE_PATH", tempfile.mkdtemp(prefix="territoires-sms-"))
os.environ.setdefault("DOCUMENTS_ROOT", tempfile.mkdtemp(prefix="territoires-documents-"))
os.environ.setdefault("FILES_LOCK_PATH", os.path.join(tempfile.mkdtemp(prefix="territoires-locks-"), "files.lock"))

from config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# Indexing every save would double the suite's time: tests that search ask for the `search_index` fixture,
# which connects the real (queued) signal processor.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
