"""Settings for Lan Tỏa, read from the environment so the engine is a setting, not a code change.

Environment variables:
  SECRET_KEY, DEBUG, ALLOWED_HOSTS (comma-separated), DATABASE_URL (default: SQLite in WAL mode),
  SQLITE_BUSY_TIMEOUT (seconds, 20), TASKS_BACKEND ("database" by default, "immediate" runs tasks
  inside the request),
  SITE_BASE_URL (absolute URLs in feeds, sitemaps and e-mails), MEDIA_ROOT, STATIC_ROOT,
  PRIVATE_MEDIA_ROOT, MEDIA_STORAGE ("filesystem" or "s3" with AWS_*: docs/deployment.md),
  BACKUP_DIR,
  CACHE_URL, CACHE_DIR, CACHE_KEY_PREFIX, PAGE_CACHE*, FRONTEND_CACHE_URL (docs/deployment.md),
  SEARCH_URL (sqlite-fts5:// | postgres:// | elasticsearch://host:9200/alias, docs/search.md),
  RADIO_SYLLABLES_PER_MINUTE, SYNDICATION_PODCAST_EMAIL, SYNDICATION_WEBSUB_HUB (see
  docs/syndication.md), ENGAGEMENT_* (see docs/engagement.md), LOGIN_* (sign-in throttling and
  two-factor sign-in, docs/security.md), EMC_SCRIPT_URL (docs/output.md), SPEECH_ENGINE
  (espeak | piper | http) and SPEECH_* (docs/media.md, "Speech").
"""

import contextlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from vietnamese import dates

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# Known placeholders: a key anyone can read in this repository or in Django's docs.
_PUBLIC_KEYS = ("change-me", "lantoa-insecure", "django-insecure")


def secret_key_problem(key: str) -> str | None:
    """Why `key` cannot sign sessions, password resets and airing links; None if it can."""
    if not key:
        return "is not set"
    if any(marker in key for marker in _PUBLIC_KEYS):
        return "is a published placeholder"
    if len(key) < 50 or len(set(key)) < 5:
        return "is too short (at least 50 characters, of at least 5 different ones)"
    return None


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if not key:
        # `make install` keeps a generated key in .secret_key (mode 0600; git ignores it).
        key_file = Path(os.environ.get("SECRET_KEY_FILE") or BASE_DIR / ".secret_key")
        with contextlib.suppress(FileNotFoundError):
            key = key_file.read_text().strip()
    problem = secret_key_problem(key)
    if problem is None:
        return key
    if DEBUG:
        # Development only (DEBUG=1): a fixed key so sessions survive restarts.
        return "lantoa-insecure-development-key-change-me"
    raise ImproperlyConfigured(
        f"SECRET_KEY {problem}. With DEBUG=0 Lan Tỏa refuses to start on a key others can "
        "know: set SECRET_KEY (or SECRET_KEY_FILE) to a long random string, e.g. the output of "
        '`python3 -c "import secrets; print(secrets.token_urlsafe(50))"` (docs/security.md).'
    )


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # What every page shares (the cache, page cache, privacy checks): below the feature apps.
    "core",
    # Lan Tỏa apps, one per concern (see docs/architecture.md).
    "lantoa",
    "stories",
    "campaigns",
    "search",
    "media_pipeline",
    "syndication",
    "integrity",
    "engagement",
    "comments",  # app label reader_comments
    # Wagtail
    "wagtailmedia",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
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
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Sign-in: throttling and lockout (django-axes), two-factor codes (django-otp).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response (core.security).
    "core.security.SecurityHeadersMiddleware",
    # After the security headers: the beacon skips everything else, not those.
    "engagement.middleware.BeaconFastPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and messages: a hit skips them, and a miss sees their cookies.
    "core.pagecache.PageCacheMiddleware",
    # What a page render reads from the database, for renders the page cache cannot spare.
    "core.routecache.RouteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); an enrolled user gives the code before anything else.
    "django_otp.middleware.OTPMiddleware",
    "lantoa.signin.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A publication the integrity gate refused (a workflow approval) returns to the editor.
    "integrity.middleware.IntegrityGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # CSV downloads start with a UTF-8 BOM so that Excel reads Vietnamese (lantoa.spreadsheets).
    "lantoa.spreadsheets.ExcelCsvMiddleware",
    # Withdrawn stories answer 410 with a notice; above redirects, so a redirect wins.
    "stories.middleware.WithdrawalNoticeMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a login refused by the lockout into the 429 page (lantoa.signin.throttle).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lantoa.urls"
WSGI_APPLICATION = "lantoa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lantoa.context_processors.site_menu",
            ],
        },
    },
]

# Database: SQLite in WAL mode by default; DATABASE_URL=postgres://… for PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and the task worker proceed while an editor saves.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        # Seconds a writer waits for the write lock before "database is locked".
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Vietnamese first.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The account screen offers these rather than every zone name in the tz database.
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh", "UTC"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Files only staff may read (campaign reports): outside MEDIA_ROOT, never at a URL; a view that
# checks permission sends them (core.storage, docs/security.md "Private files").
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))

STORAGES = {
    "default": {"BACKEND": "core.storage.PublicFileSystemStorage"},
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # Hashed, compressed files served by WhiteNoise: `collectstatic` runs in `make run`.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Media on S3-compatible object storage (docs/deployment.md): MEDIA_STORAGE=s3 with the AWS_*
# variables; credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (boto3 reads them).
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "core.s3storage.PublicS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Public, unsigned URLs for images and renditions (browsers and CDNs cache them).
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }
    if not STORAGES["default"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    # Staff files: a private bucket of their own if given (best), else a private location in
    # the media bucket; private ACL, no custom domain, no URL (core.s3storage).
    STORAGES["private"] = {
        "BACKEND": "core.s3storage.PrivateS3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
            or STORAGES["default"]["OPTIONS"]["bucket_name"],
            "location": os.environ.get("AWS_PRIVATE_LOCATION", "private"),
            "object_parameters": {},
        },
    }
    _public, _private = STORAGES["default"]["OPTIONS"], STORAGES["private"]["OPTIONS"]
    if (_private["bucket_name"], _private["location"].strip("/")) == (
        _public["bucket_name"],
        _public["location"].strip("/"),
    ):
        raise ImproperlyConfigured("AWS_PRIVATE_LOCATION must differ from AWS_LOCATION.")
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def cache_from_url(url: str, default_directory: Path) -> dict:
    """CACHES["default"] from CACHE_URL (docs/deployment.md, "Cache").

    Empty: diskcache in `default_directory`, one cache on disk that every process of the site
    shares (SQLite in WAL mode; no server). redis://, rediss://, unix:// → Django's RedisCache;
    memcached://host:port → PyMemcacheCache; diskcache:///path; db:// → DatabaseCache (table
    lantoa_cache, created by `migrate`); file:///path → FileBasedCache; locmem:// and dummy://
    (one process only: development and tests, never a site with several processes).
    """
    from urllib.parse import urlsplit

    parts = urlsplit(url or "diskcache://")
    scheme = parts.scheme
    backends = "django.core.cache.backends."
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": backends + "redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":
        location = parts.netloc or "127.0.0.1:11211"
        return {"BACKEND": backends + "memcached.PyMemcacheCache", "LOCATION": location}
    if scheme == "diskcache":
        location = parts.path or str(default_directory)
        return {"BACKEND": "core.backends.DiskCache", "LOCATION": location}
    if scheme == "db":
        return {"BACKEND": backends + "db.DatabaseCache", "LOCATION": "lantoa_cache"}
    if scheme == "file" and parts.path:
        return {"BACKEND": backends + "filebased.FileBasedCache", "LOCATION": parts.path}
    if scheme == "locmem":
        return {"BACKEND": backends + "locmem.LocMemCache"}
    if scheme == "dummy":
        return {"BACKEND": backends + "dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL: unknown cache {url!r} (see docs/deployment.md).")


# One cache for every process of the site (docs/deployment.md, "Cache"). The embedded default
# sits beside an SQLite database (so a test or benchmark database gets its own) or in CACHE_DIR.
_database_name = str(DATABASES["default"].get("NAME") or "")
CACHE_DIR = Path(
    os.environ.get("CACHE_DIR")
    or (
        f"{_database_name}-cache"
        if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
        else BASE_DIR / "var" / "cache" / _database_name
    )
)
CACHES = {
    "default": {
        **cache_from_url(os.environ.get("CACHE_URL", ""), CACHE_DIR),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lantoa"),
    }
}

# Anonymous readers get public pages from the cache (core/pagecache.py) until the next change
# (at most PAGE_CACHE_SECONDS, so "Lượt xem" catches up); browsers keep them PAGE_CACHE_MAX_AGE.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
# The route and what a public page's render read (core.routecache), under the same generation.
ROUTE_CACHE_ENABLED = env_bool("ROUTE_CACHE", default=True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_GONE_SECONDS = 60  # a 410 (taken down) is kept briefly: a republish purges it anyway
PAGE_CACHE_VARIANTS = 50  # query-string variants kept per path (?page=, filters)
# A CDN or caching proxy in front (Varnish, nginx): FRONTEND_CACHE_URL receives a PURGE for every
# URL a change touches (wagtail.contrib.frontend_cache); it may then keep pages longer.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
PAGE_CACHE_SHARED_MAX_AGE = int(
    os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", 3600 if FRONTEND_CACHE_URL else PAGE_CACHE_MAX_AGE)
)

# The audio library (wagtailmedia with our model: docs/media.md, "Audio"): MP3, M4A, OGG and
# WAV, checked by content with ffprobe; served at /am-thanh/<id>/<name> with byte ranges.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media_pipeline.Audio",
    "MEDIA_FORM_BASE": "media_pipeline.audio.forms.AudioForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "wav"],
}
AUDIO_CACHE_SECONDS = int(os.environ.get("AUDIO_CACHE_SECONDS", "3600"))

# Background work (django-tasks): the database backend with `manage.py db_worker` by default.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Lan Tỏa"
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "media_pipeline.LanToaImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# A 40-megapixel photo already prints a full newspaper page; an 88-megapixel one cost 800 MB per
# rendition. Uploads are also decoded to the end, so broken files get a clear error.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "40")) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_pipeline.forms.LanToaImageForm"
# Every document through Wagtail's serving view, whatever the storage, so a collection's privacy
# holds (a "redirect" would hand out the file's own URL; "direct" would link it).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# How long browsers and a CDN may keep a document anyone may read (media_pipeline.documents).
DOCUMENT_CACHE_SECONDS = int(os.environ.get("DOCUMENT_CACHE_SECONDS", "3600"))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "mp3", "m4a", "ogg", "mp4"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Stored slugs are ASCII with every Vietnamese letter folded (đ → d), by the server
# (core.forms.LanToaPageForm, core.pages.LanToaPage). The admin's own transliteration has
# no Vietnamese table ("Điển hình" → "djin-hinh"), so it is told to keep the letters and the
# server folds them on save.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Wagtail 8's autosave can race the first "submit" on a new page (both create it: the second
# fails with a 500). Off unless an operator opts in; explicit saves are never lost.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "0"))
# No avatars fetched from a third party (reader privacy; closed networks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's searches: Wagtail's database backend with Vietnamese folding (core/admin_search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.admin_search"}}

# Reader-facing search (docs/search.md): sqlite-fts5:// (default on SQLite), postgres:// (default
# on PostgreSQL: full text in the site's database) or elasticsearch://host:9200/alias.
SEARCH_URL = os.environ.get("SEARCH_URL") or (
    "postgres://" if DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite-fts5://"
)
# Pauses (seconds) before each retry of a failed index update, then it is recorded.
SEARCH_INDEX_RETRY_DELAYS = [0.5, 2.0]
# Dates are typed and read day first (25/11/2026, 01/12/2026 14:50) or as ISO, in every language
# the admin offers (Django's vi locale has no input formats of its own); the admin's pickers
# write the first of those formats, so what a form shows is read back unchanged
# (vietnamese/dates.py, core/formats, docs/operations.md "Dates in forms").
FORMAT_MODULE_PATH = ["core.formats"]
DATE_INPUT_FORMATS = dates.DATE_INPUT_FORMATS  # for any language without a formats module
DATETIME_INPUT_FORMATS = dates.DATETIME_INPUT_FORMATS
WAGTAIL_DATE_FORMAT = dates.DATE_INPUT_FORMATS[0]
WAGTAIL_DATETIME_FORMAT = dates.DATETIME_INPUT_FORMATS[0]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# E-mail (workflow notifications): SMTP when EMAIL_HOST is set, else printed to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lan Tỏa <no-reply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Syndication (docs/syndication.md): presenters' reading speed for read-time estimates,
# the podcast owner's e-mail, and an optional WebSub hub advertised by every feed.
RADIO_SYLLABLES_PER_MINUTE = int(os.environ.get("RADIO_SYLLABLES_PER_MINUTE", "220"))
SYNDICATION_PODCAST_EMAIL = os.environ.get("SYNDICATION_PODCAST_EMAIL", "")
SYNDICATION_WEBSUB_HUB = os.environ.get("SYNDICATION_WEBSUB_HUB", "")

# Synthetic speech (docs/media.md, "Speech"): the engine that reads stories and bulletins aloud
# (espeak | piper | http), its settings, and the silence between a station bulletin's items.
SPEECH_ENGINE = os.environ.get("SPEECH_ENGINE", "espeak")
if SPEECH_ENGINE not in {"espeak", "piper", "http"}:
    raise ImproperlyConfigured("SPEECH_ENGINE must be espeak, piper or http.")
SPEECH_ESPEAK_VOICE = os.environ.get("SPEECH_ESPEAK_VOICE", "vi")
SPEECH_ESPEAK_SPEED = int(os.environ.get("SPEECH_ESPEAK_SPEED", "150"))
SPEECH_PIPER_BINARY = os.environ.get("SPEECH_PIPER_BINARY", "piper")
SPEECH_PIPER_MODEL = os.environ.get("SPEECH_PIPER_MODEL", "")
SPEECH_HTTP_URL = os.environ.get("SPEECH_HTTP_URL", "")
SPEECH_HTTP_TIMEOUT = int(os.environ.get("SPEECH_HTTP_TIMEOUT", "300"))
SPEECH_BULLETIN_GAP_SECONDS = float(os.environ.get("SPEECH_BULLETIN_GAP_SECONDS", "2"))

# Engagement (docs/engagement.md): when a view becomes a read, how long raw events are kept,
# the per-visitor-key flood limit, and whether X-Forwarded-For is trusted (behind a proxy).
ENGAGEMENT_READ_SECONDS = int(os.environ.get("ENGAGEMENT_READ_SECONDS", "30"))
ENGAGEMENT_READ_AT_END = env_bool("ENGAGEMENT_READ_AT_END", default=True)
ENGAGEMENT_RETENTION_DAYS = int(os.environ.get("ENGAGEMENT_RETENTION_DAYS", "30"))
ENGAGEMENT_RATE_LIMIT = int(os.environ.get("ENGAGEMENT_RATE_LIMIT", "120"))
ENGAGEMENT_RATE_WINDOW = int(os.environ.get("ENGAGEMENT_RATE_WINDOW", "60"))
# Per address (an IPv6 /64) too, far above one reader's: a commune's NAT is many readers.
ENGAGEMENT_ADDRESS_RATE_LIMIT = int(os.environ.get("ENGAGEMENT_ADDRESS_RATE_LIMIT", "1200"))
# "Popular searches" show a query only when this many visitors from as many addresses asked it.
ENGAGEMENT_POPULAR_MIN_VISITORS = int(os.environ.get("ENGAGEMENT_POPULAR_MIN_VISITORS", "5"))
ENGAGEMENT_POPULAR_DAYS = int(os.environ.get("ENGAGEMENT_POPULAR_DAYS", "30"))
ENGAGEMENT_TRUST_X_FORWARDED_FOR = env_bool("ENGAGEMENT_TRUST_X_FORWARDED_FOR")
ENGAGEMENT_PRUNE_FEED_PULLS = env_bool("ENGAGEMENT_PRUNE_FEED_PULLS")

# Reader comments and nominations (docs/comments.md): how long a rendered form's token stays
# good, the flood limits per visitor and per address in a window, and the links that hold one.
READER_FORM_TOKEN_MAX_AGE = int(os.environ.get("READER_FORM_TOKEN_MAX_AGE", str(3 * 24 * 3600)))
READER_SUBMISSION_RATE_LIMIT = int(os.environ.get("READER_SUBMISSION_RATE_LIMIT", "5"))
READER_SUBMISSION_ADDRESS_RATE_LIMIT = int(
    os.environ.get("READER_SUBMISSION_ADDRESS_RATE_LIMIT", "50")
)
READER_SUBMISSION_RATE_WINDOW = int(os.environ.get("READER_SUBMISSION_RATE_WINDOW", "600"))
READER_SUBMISSION_MAX_LINKS = int(os.environ.get("READER_SUBMISSION_MAX_LINKS", "2"))

# Security (docs/security.md). HTTPS=1 behind a TLS-terminating proxy that sets
# X-Forwarded-Proto: HSTS, redirect to https, cookies only over TLS; `check --deploy` is clean.
HTTPS = env_bool("HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY: Wagtail's preview panel sets SAMEORIGIN on its own responses.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS or env_bool("SECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
    # The health check behind the proxy answers over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^robots\.txt$"]

# Sign-in throttling (django-axes, docs/security.md "Sign-in"): LOGIN_FAILURE_LIMIT wrong
# passwords for one username from one address lock that pair out, LOGIN_FAILURE_LIMIT_PER_ADDRESS
# (0: off) lock the address for every username; both for LOGIN_LOCKOUT_MINUTES after the last
# attempt. Attempts live in the database, so every worker sees the same count. The address is
# the one reader counting uses (engagement.visitors.client_ip: ENGAGEMENT_TRUST_X_FORWARDED_FOR).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_ENABLED = env_bool("LOGIN_THROTTLING", default=True)
AXES_HANDLER = "lantoa.signin.throttle.LoginThrottleHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]] + (
    ["ip_address"] if LOGIN_FAILURE_LIMIT_PER_ADDRESS > 0 else []
)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_CLIENT_IP_CALLABLE = "engagement.visitors.client_ip"
AXES_LOCKOUT_CALLABLE = "lantoa.signin.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
# Two-factor sign-in (django-otp): optional for everyone with admin access; LOGIN_2FA_REQUIRED=1
# makes superusers and the administrators' group enrol before they can use the admin.
LOGIN_2FA_REQUIRED = env_bool("LOGIN_2FA_REQUIRED")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Lan Tỏa")

# Only the site's own assets (django-csp); core.security adds the media storage's origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Browser features no page of the site uses (core.security sends it on every response).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# The government's EMC monitoring snippet (TT 22/2023/TT-BTTTT, docs/output.md): the script URL
# the EMC system gives this portal. Off when empty; public pages only; CSP allows its origin.
EMC_SCRIPT_URL = os.environ.get("EMC_SCRIPT_URL", "").strip()
if EMC_SCRIPT_URL and not EMC_SCRIPT_URL.startswith("https://"):
    raise ImproperlyConfigured("EMC_SCRIPT_URL must be an https:// address (the EMC script).")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # What the scheduler published or expired is worth keeping in the journal.
    "loggers": {"lantoa.scheduler": {"level": os.environ.get("SCHEDULER_LOG_LEVEL", "INFO")}},
}
