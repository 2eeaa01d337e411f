"""Settings for the Alliance site.

Everything that differs between a laptop and production is read from the
environment (or a `.env` file beside manage.py) through django-environ; see
`.env.example` for the full list. With no configuration at all the site runs on
SQLite with a file cache and prints emails to the console, but only when
DEBUG is on: in production every secret must be given explicitly.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .field_labels import localized_verbose_name

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(see .env.example), or set DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # Django's admin with the site's dashboard (alliance_site/dashboard.py).
    "alliance_site.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_countries",
    "taggit",
    "csp",
    "axes",
    "simple_history",
    "alliance_site",
    "core",
    "django_prose_editor",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "pages",
    "participants",
    "declaration",
    "news",
    "resources",
    "prize",
    "practices",
    "search",
    "submissions",
    "countries",
    # Django's widget templates, found after the site's own (templates/django/forms/).
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above LocaleMiddleware, so that its language redirects carry them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside the headers' middleware, so that its 400 and 404 carry them too,
    # and before anything reads the request's input.
    "alliance_site.request_guard.RequestGuardMiddleware",
    # Before sessions and locale: a cache hit needs neither, nor the database.
    "alliance_site.page_cache.PageCacheMiddleware",
    # Pages compressed by the site itself, whatever the proxy does, and inside
    # the page cache, so that a page is compressed once, when it is stored (the
    # cache keeps a compressed and a plain copy). Static files are answered
    # above, already compressed by WhiteNoise. Django's gzip pads each response
    # at random, against BREACH on the forms' pages that carry a CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside the page cache and the locale: French pages are corrected once, in French.
    "alliance_site.typography.FrenchTypographyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance_site.urls"
WSGI_APPLICATION = "alliance_site.wsgi.application"

# Forms are drawn with the site's templates, so that templates/django/forms/ can
# replace one of Django's widget templates (the select, for its many options).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance_site.context_processors.language_alternates",
                "pages.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite beside the project unless DATABASE_URL names another one,
# for example postgres://user:password@host:5432/name (psycopg 3).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text search in the site search (search/backends.py).
    INSTALLED_APPS.append("django.contrib.postgres")
    # DATABASE_POOL=N: each process keeps N connections to PostgreSQL open and
    # lends them to its threads (psycopg_pool), up to one per gunicorn thread.
    # gunicorn opens them when a worker starts (gunicorn.conf.py), so that a
    # burst of requests does not wait for PostgreSQL to start a backend for
    # each thread.
    if pool_size := env.int("DATABASE_POOL", default=0):
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": pool_size,
            "max_size": max(pool_size, env.int("GUNICORN_THREADS", default=8)),
        }

# Cache: shared by every worker process. A file cache in the project folder by
# default; redis://host:6379/0 for Redis.
CACHES = {
    "default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / '.cache' / 'django'}")
}
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="alliance"))
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "alliance_site.cache.ReusedClientRedisCache"
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous pages: kept this long in the shared cache (any change by staff
# renders them afresh at once), and this long by browsers and proxies.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_BROWSER_SECONDS = env.int("PAGE_CACHE_BROWSER_SECONDS", default=60)

# Email: printed to the console unless EMAIL_URL names a server, for example
# smtp+tls://user:password@smtp.example.org:587.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# Seconds to wait for the mail server. Emails are sent by the worker, never
# while a visitor waits; one that fails is tried again later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Background tasks (Django's Tasks framework through the django-tasks
# backport): the emails. The database backend needs only `manage.py db_worker`
# running beside the site; several machines may name another backend here
# (for example one on Redis or RabbitMQ) and run its worker instead.
TASKS = {
    "default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="alliance@coe.int")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where notifications of new form submissions go.
STAFF_NOTIFICATION_EMAIL = env.str("STAFF_NOTIFICATION_EMAIL", default="alliance@coe.int")

# Public forms. Days a decided submission keeps its personal data before
# `manage.py purge_old_submissions` (run by cron) anonymises or deletes it.
SUBMISSION_RETENTION_DAYS = env.int("SUBMISSION_RETENTION_DAYS", default=365)

# The lockout check comes first: a locked-out account is refused before its
# password is even tried.
AUTHENTICATION_BACKENDS = [
    "alliance_site.auth.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Brute-force protection of the admin login (django-axes): after
# AXES_FAILURE_LIMIT wrong passwords for one account from one address, that
# account is locked for that address for AXES_COOLOFF_TIME hours. Staff unlock
# it sooner with `python manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# How many reverse proxies stand in front of the site and append the address
# they saw to X-Forwarded-For (1 behind nginx); the admin lockout and the
# forms' rate limit count visitors by that address. With 0 the socket's address is
# the visitor's; a forged header then changes nothing.
REVERSE_PROXY_COUNT = env.int("REVERSE_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English first, it is the fallback for every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates written out, day first, in each language ("9 April 2019", "1er décembre
# 2026"): alliance_site/formats/, used through core.dates.
FORMAT_MODULE_PATH = ["alliance_site.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A French field left empty shows the English, and an English one the French:
# the templates mark such text with its language (alliance_site/languages.py).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",), "en": ("fr",)}
# Each language's field is labelled "Title (English)", "Titre (français)".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploaded files: on local disk, or on S3-compatible object storage when a
# bucket is named (install with `pip install .[s3]`), so that several app
# servers share them.
if env.str("S3_BUCKET", default=""):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "region_name": env.str("S3_REGION", default=None),
            "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", default=None),
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Uploads only staff may read (scans sent through the forms): never served by
# the web server, only through the admin.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private")))
# A request's fields may hold 2.5 MB; files above that size are streamed to a
# temporary file, and the forms refuse a scan over 10 MB at the field.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 10
STORAGES = {
    "default": DEFAULT_STORAGE,
    # Hashed, compressed names in production; plain names while developing so
    # that no collectstatic is needed to run the site or the tests.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Response headers on every page. SecurityMiddleware sends nosniff,
# Referrer-Policy and Cross-Origin-Opener-Policy; XFrameOptionsMiddleware and
# the CSP's frame-ancestors forbid framing.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): everything from the site itself, no
# inline script or style, no plugins, no framing. Images may also be data: URIs.
# NONCE only reaches the header on a response that used it: the admin's editor
# forms (alliance_site/csp.py); public pages never do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Permissions-Policy: the site uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Behind a reverse proxy that terminates HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
