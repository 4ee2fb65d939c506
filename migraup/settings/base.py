"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(documented in the README); the defaults are safe for local development.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates win over the libraries'. Bottom-up, as they
    # may import each other (the layers are checked by the architecture test): running the
    # site, delivering pages, languages, the content base, the page types, then the site's
    # chrome, search and the API.
    "operations",
    "delivery",
    "multilingual",
    "core",
    "home",
    "projects",
    "networks",
    "partners",
    "materials",
    "archive",
    "team",
    "contact",
    "easy_language",  # pages in Einfache Sprache (plain German) below the pages they simplify
    "legal",  # required pages, the operator's details (a site setting), the cookies declared
    "editorial",  # the editors' German guide inside the admin
    "glossary",  # German terms explained in every language: a page A–Z, marked in content
    "feedback",  # "Did this page help you?" on every page, and its report for editors
    "upkeep",  # "geprüft am", pages not confirmed for a year, the weekly link check
    "search",
    "demo",
    "static_export",  # manage.py export_static_site: the static archive (README)
    # The headless API (Wagtail's API v3 on django-ninja), mounted at /api/v3/.
    "api",
    # Translation of pages and snippets.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail.
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
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
    # Ninja serves its Swagger UI from its own static files (no CDN); DRF provides the
    # serializer fields Wagtail's APIField builds on.
    "ninja",
    "rest_framework",
    "corsheaders",
    # Login limits per account and per address.
    "axes",
    # The queue of background tasks (Wagtail's own, e.g. reference indexing), run by
    # `make worker` when TASKS_BACKEND=database.
    "django_tasks",
    "django_tasks_db",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Static files first, with the headers below built in once (operations.static): nothing
    # else would change a static answer but its cost.
    "operations.static.StaticFilesMiddleware",
    # Load balancers' probes get /healthz before the host check and the HTTPS redirect.
    "operations.health.HealthCheckMiddleware",
    # Next, so that it times everything and logs the final status.
    "operations.logging.RequestLogMiddleware",
    # gzip for HTML pages: after the request log, so it logs the bytes
    # sent; before everything that writes the body, the page cache among them, which thus
    # keeps the uncompressed page.
    "delivery.compression.PageCompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "operations.security.ContentSecurityPolicyMiddleware",
    # /api/: CORS for the origins in API_CORS_ALLOWED_ORIGINS, then cache headers and
    # problem descriptions for every answer.
    "corsheaders.middleware.CorsMiddleware",
    "api.middleware.APIResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware activates the language from the URL prefix (/de/, /en/ …) and
    # redirects "/" to the reader's language from Accept-Language.
    "multilingual.middleware.UnknownLanguagePrefixMiddleware",
    "multilingual.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Anonymous readers' pages come from the cache, purged on every publish;
    # after the authentication, so editors always see the live state.
    "delivery.cache.AnonymousPageCacheMiddleware",
    # Latin names in right-to-left pages in <bdi>; inside the page cache, which keeps the
    # result.
    "multilingual.middleware.BidiIsolationMiddleware",
    # What every page looks up alike (Site, locales, home pages, view restrictions) from
    # the cache, and the page's route in one query, each read once per request; after the page
    # cache, so its hits need none of it.
    "delivery.routing.SharedLookupsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "migraup.urls"
WSGI_APPLICATION = "migraup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site-wide templates: the page frame, the error pages, the components.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file by default, PostgreSQL (or anything dj-database-url reads) from
# DATABASE_URL. Connections are kept between requests (one per gunicorn thread): opening
# one costs a page about an eighth of its time on SQLite and more on PostgreSQL. Each is
# checked before a request reuses it, so a restarted database costs no reader an error.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each transaction takes SQLite's write lock as it begins, and waits up to 20 s for it.
    # A deferred transaction that reads first and writes later (publishing a page) fails at
    # once with "database is locked" when another request is committing, because SQLite
    # refuses to wait where waiting could deadlock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every process shares (pages for anonymous readers, menus, login limits): Redis
# when REDIS_URL is set, otherwise files under CACHE_DIR — never per-process memory, which
# gunicorn's workers would not share and publishing could not purge.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "migraup"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "operations.cache_backends.TolerantFileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "5000"))},
        }
    }
# Seconds an anonymous reader's page stays cached (the page cache); publishing purges it
# earlier. 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# A shared HTTP cache in front (Varnish, tools/varnish/): FRONTEND_CACHE_URLS lists where
# each instance takes purges, comma-separated (delivery.frontend_cache sends them on every
# change readers see). Readers' pages then carry s-maxage=SHARED_CACHE_SECONDS; without a
# cache to purge, no page says a shared cache may keep it.
FRONTEND_CACHE_URLS = [url for url in os.environ.get("FRONTEND_CACHE_URLS", "").split(",") if url]
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "delivery.frontend_cache.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(FRONTEND_CACHE_URLS, start=1)
}
SHARED_CACHE_SECONDS = (
    int(os.environ.get("SHARED_CACHE_SECONDS", "86400")) if FRONTEND_CACHE_URLS else 0
)

# Background tasks (Wagtail's reference index, search index updates): run at once within
# the request by default; with TASKS_BACKEND=database they are queued in the database and
# run by `make worker`, which also publishes scheduled pages (README, "Production").
TASKS_BACKEND_CLASSES = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": TASKS_BACKEND_CLASSES[TASKS_BACKEND]}}

# Security headers (the operations app). The strict policy of the public site, the API and
# its docs; the admin's relaxation is in ContentSecurityPolicyMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Inline scripts only with the response's nonce ({{ request.csp_nonce }}).
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses; an injected script cannot use them either
# (the Permissions-Policy header, from django-permissions-policy).
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
        "payment",
        "usb",
    )
}
X_FRAME_OPTIONS = "DENY"

AUTHENTICATION_BACKENDS = [
    # django-axes counts failed logins before Django checks the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After AXES_FAILURE_LIMIT failed logins for one account, or from one address, further
# attempts are refused for AXES_COOLOFF_MINUTES; a successful login resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "operations.security.login_locked"
# Behind a reverse proxy, the client's address is the last one the proxies added to
# X-Forwarded-For (TRUSTED_PROXY_COUNT proxies); without one, REMOTE_ADDR. The login limit
# and the contact form's limit both count it (axes.helpers.get_client_ip_address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    # Each proxy appends the address it was connected from, so the client is the
    # TRUSTED_PROXY_COUNT-th entry from the end; django-ipware counts the entries after the
    # client's. Not strict: entries a client put in front (spoofed) are ignored rather than
    # making ipware distrust the whole header.
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# Old failed attempts are kept for the audit trail only; the admin lists them under axes.
AXES_VERBOSE = False

# Sessions: editors are logged out after SESSION_IDLE_HOURS without a request; every request
# renews the session (anonymous readers have none, so they get no cookie from this).
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_IDLE_HOURS", "8")) * 3600)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source and default; the others are translations of it.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks the editors' languages; German first.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
# The site's own catalogues; then German improvements of Wagtail's and wagtail-localize's
# admin texts (plain German for the editors, kept apart, ready to contribute upstream).
# Catalogues here win over the installed apps' own; makemessages writes to the first.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "locale" / "upstream" / "wagtail",
    BASE_DIR / "locale" / "upstream" / "wagtail_localize",
]
# Dates and numbers as each language's readers write them, where Django's differ.
FORMAT_MODULE_PATH = ["migraup.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: the sources in one folder, collectstatic writing to another, because
# Django refuses a STATIC_ROOT that is also listed in STATICFILES_DIRS.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Media are served by the application when SERVE_MEDIA is on (development, small
# installations); behind a web server, turn it off and let the server serve MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # whitenoise's CompressedManifestStaticFilesStorage, each file's URL remembered.
    "staticfiles": {"BACKEND": "operations.static.ManifestStaticStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The contact form: at most CONTACT_RATE_LIMIT messages from one address in
# CONTACT_RATE_WINDOW_MINUTES (more are refused with 429, nothing stored or sent), and the
# characters a single-line field and a multi-line field take.
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW_MINUTES = int(os.environ.get("CONTACT_RATE_WINDOW_MINUTES", "10"))
# "Did this page help you?": at most FEEDBACK_RATE_LIMIT answers from one address in
# FEEDBACK_RATE_WINDOW_MINUTES (more are refused with 429, nothing stored).
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))
FEEDBACK_RATE_WINDOW_MINUTES = int(os.environ.get("FEEDBACK_RATE_WINDOW_MINUTES", "10"))

# The worker's periodic jobs besides scheduled publishing (`make worker`): dotted path of a
# function without arguments, and the seconds between two calls. The link check decides
# itself whether a week has passed since its last run (upkeep.linkcheck).
WORKER_JOBS = [("upkeep.linkcheck.run_if_due", 3600)]
# The weekly check of external links: seconds per request, seconds between two requests to
# one host, addresses per run; private networks are never requested unless allowed (tests).
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_HOST_DELAY = float(os.environ.get("LINK_CHECK_HOST_DELAY", "1"))
LINK_CHECK_MAX = int(os.environ.get("LINK_CHECK_MAX", "1000"))
LINK_CHECK_ALLOW_PRIVATE = False
CONTACT_MAX_CHARS_LINE = int(os.environ.get("CONTACT_MAX_CHARS_LINE", "200"))
CONTACT_MAX_CHARS_TEXT = int(os.environ.get("CONTACT_MAX_CHARS_TEXT", "5000"))
# Reset e-mails one account gets per hour, however often the admin's form is sent.
PASSWORD_RESET_MAILS_PER_HOUR = 3
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "operations.forms.RateLimitedPasswordResetForm"
# The sign-in form with its password field labelled in German too (editorial.forms).
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"

# Wagtail.
WAGTAIL_SITE_NAME = "migraUp! Pankow"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) unless SEARCH_URL
# names an OpenSearch node. The database index is then kept up to date beside it, and every
# search (site, API, admin) answers from it while the engine is unreachable: the engine's
# backend falls back to FALLBACK and leaves the engine alone for RETRY_AFTER seconds.
# "simple": no English stemming on PostgreSQL; the site stems each language itself.
# search.database: Wagtail's database backend, ranking in one pass on SQLite (the stock one is
# quadratic in the hits: seconds for a common word among 5,000 pages).
DATABASE_SEARCH = {"BACKEND": "search.database", "SEARCH_CONFIG": "simple"}
SEARCH_ENGINE = {
    "BACKEND": "search.backends",
    "FALLBACK": "database",
    "RETRY_AFTER": int(os.environ.get("SEARCH_RETRY_AFTER", "30")),
    "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "migraup_"),
    "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
}
SEARCH_URL = os.environ.get("SEARCH_URL", "")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {**SEARCH_ENGINE, "URLS": [SEARCH_URL]},
        "database": DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatars from an outside service, in the admin either (privacy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A page submitted for translation stays a draft until the editor publishes it, so readers
# never get German text under another language's prefix (wagtail-localize's default would
# publish the untranslated copy at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The headless API (README, "Headless API").
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# Browsers may read the API from these origins (e.g. a partner's site); none by default.
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_HEADERS = ["authorization", "content-type", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified"]
# Seconds a shared cache may keep an anonymous API answer.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))

# Admin account for `make run` (created or updated by `manage.py ensure_admin`).
MIGRAUP_ADMIN_USERNAME = os.environ.get("ADMIN_USERNAME", "")
MIGRAUP_ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")


def require_secret_key(key: str) -> str:
    """Refuse to start without a real SECRET_KEY (used by the production settings)."""
    if not key:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
    return key


# Topic settings that only read the environment.
from .operations import *  # noqa: E402, F403
from .uploads import *  # noqa: E402, F403
