"""Django settings for accord, read from the environment.

Nothing secret lives here: ``ACCORD_SECRET_KEY`` and ``DATABASE_URL`` come from the
environment. Without ``DATABASE_URL`` accord keeps its data in an embedded SQLite file under
``ACCORD_DATA_DIR`` (default ``./var``).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
# An empty ACCORD_DATA_DIR means the default too: read as a path it would be the working
# directory, and the database would land in whatever tree accord was started from.
DATA_DIR = Path(os.environ.get("ACCORD_DATA_DIR") or "var").resolve()

# The demo runs with a published, insecure key; `accord serve` refuses to start with it.
DEMO_SECRET_KEY = "accord-demo-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("ACCORD_SECRET_KEY", DEMO_SECRET_KEY)
DEBUG = os.environ.get("ACCORD_DEBUG", "") == "1"
DEMO = os.environ.get("ACCORD_DEMO", "") == "1"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ACCORD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("ACCORD_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",  # counts failed sign-ins and locks out an account or an address
    "django_otp",
    "django_otp.plugins.otp_totp",  # authenticator apps
    "django_otp.plugins.otp_static",  # recovery codes
    "django_tasks_db",  # background work (exports, deadlines, checkpoints) queued in the database
    "ninja",  # serves the API reference page's Swagger UI from accord itself, not a CDN
    "accord.store",
    "accord.web",
    "accord.api",
    "accord.security",
]

MIDDLEWARE = [
    # First: every later layer sees the client's address, not a proxy's or a forged one.
    "accord.security.addresses.TrustedProxies",
    # A request id on every answer and log line; the request log and metrics.
    "accord.security.observability.RequestIds",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "accord.api.edges.ApiProblems",
    "django.middleware.common.CommonMiddleware",
    "accord.api.parsing.RefuseNulInApiPaths",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The language a signed-in person chose wins over the cookie and Accept-Language.
    "accord.web.languages.PersonalLanguage",
    "accord.security.sessions.SessionLimits",
    "accord.security.sessions.SecondFactorRequired",
    # The record's position read once a request, and again after a write.
    "accord.web.context.RecordPositionsRemembered",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accord.urls"
ASGI_APPLICATION = "accord.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'accord.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database needs its folder before any command can open it.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while one writer commits; IMMEDIATE avoids upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        # Writers wait their turn for up to 30 s rather than fail while another one commits.
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif os.environ.get("ACCORD_DB_POOL") == "1":
    # The web server (`accord serve` and `accord demo` set ACCORD_DB_POOL): under ASGI a
    # request's database work may run in a thread of its own, and a connection kept open per
    # thread (CONN_MAX_AGE) is left behind with it, so a full room ran the server out of
    # connections. Each server process borrows from a pool of its own instead, at most
    # ACCORD_DB_POOL_SIZE connections, waiting up to 30 s for one when all are in use.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("ACCORD_DB_POOL_SIZE", "10")),
        "timeout": 30,
    }
# The key that signs the record lives in a file only the service reads, never in the
# database; every instance of one deployment is given the same file (docs/verification.md).
ACCORD_SIGNING_KEY_FILE = Path(
    os.environ.get("ACCORD_SIGNING_KEY_FILE") or DATA_DIR / "signing-key.pem"
).resolve()
# Or, when a PKCS#11 module is named, the key is held in a token and signs there: the
# module's shared library, the token's label, the PIN of its user and the key's label.
ACCORD_PKCS11_MODULE = os.environ.get("ACCORD_PKCS11_MODULE", "")
ACCORD_PKCS11_TOKEN = os.environ.get("ACCORD_PKCS11_TOKEN", "")
ACCORD_PKCS11_PIN = os.environ.get("ACCORD_PKCS11_PIN", "")
ACCORD_PKCS11_KEY_LABEL = os.environ.get("ACCORD_PKCS11_KEY_LABEL", "accord-signing-key")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# django-axes looks at every sign-in attempt before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# The six official languages of the United Nations; English is the source language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Dates and numbers on pages in the reader's language (Django's formats for each); English
# dates the UN's way, day before month (accord/formats/en).
FORMAT_MODULE_PATH = ["accord.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# WhiteNoise serves the static files straight from the installed package, so there is no
# collectstatic step to forget.
STATIC_URL = "static/"
WHITENOISE_USE_FINDERS = True

# Security defaults. Cookies are marked secure unless accord runs as the local demo or a
# development server; put accord behind TLS in production.
SECURE_COOKIES = not (DEBUG or DEMO) and os.environ.get("ACCORD_SECURE_COOKIES", "1") == "1"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only when they come
# from one of these addresses or networks; from anyone else they are dropped
# (`accord.security.addresses`).
ACCORD_TRUSTED_PROXIES = [
    proxy.strip()
    for proxy in os.environ.get("ACCORD_TRUSTED_PROXIES", "").split(",")
    if proxy.strip()
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Strict-Transport-Security on HTTPS answers: browsers then refuse plain HTTP to this host.
# Zero turns it off (a development server); `accord serve` refuses that with secure cookies.
SECURE_HSTS_SECONDS = int(os.environ.get("ACCORD_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("ACCORD_HSTS_INCLUDE_SUBDOMAINS", "") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("ACCORD_HSTS_PRELOAD", "") == "1"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

# Sessions: a session ends this long after sign-in whatever happens (ACCORD_SESSION_HOURS),
# and sooner when idle for ACCORD_SESSION_IDLE_MINUTES.
ACCORD_SESSION_LIFETIME = timedelta(hours=float(os.environ.get("ACCORD_SESSION_HOURS", "12")))
ACCORD_SESSION_IDLE = timedelta(minutes=float(os.environ.get("ACCORD_SESSION_IDLE_MINUTES", "60")))
SESSION_COOKIE_AGE = int(ACCORD_SESSION_LIFETIME.total_seconds())
# Grave acts (issuing a revision, recording adoption, creating an API token) ask for the
# password again when the last sign-in is older than this.
ACCORD_REAUTHENTICATE_AFTER = timedelta(
    minutes=float(os.environ.get("ACCORD_REAUTHENTICATE_MINUTES", "15"))
)
# "required": the Chair, the Bureau, the Secretariat and staff must confirm each sign-in with a
# second factor; "optional": anyone may set one up, nobody must. The demo defaults to
# optional so that its published logins work without an authenticator app.
ACCORD_SECOND_FACTOR = os.environ.get("ACCORD_SECOND_FACTOR", "optional" if DEMO else "required")
OTP_TOTP_ISSUER = "accord"
# Passkeys belong to a relying party: by default the host name each request came to (one
# that ALLOWED_HOSTS accepts); set ACCORD_PASSKEY_RP_ID to the public host name (or a parent
# domain of it) when accord answers to several names, so one passkey serves them all.
ACCORD_PASSKEY_RP_ID = os.environ.get("ACCORD_PASSKEY_RP_ID", "")

# Sign-in throttling (django-axes): after ACCORD_SIGNIN_FAILURES wrong passwords for one
# account, or from one address, further tries are refused for ACCORD_SIGNIN_LOCKOUT_MINUTES;
# `accord manage axes_reset_username NAME` (or `axes_reset_ip`) unlocks sooner.
AXES_FAILURE_LIMIT = int(os.environ.get("ACCORD_SIGNIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("ACCORD_SIGNIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "accord.security.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "accord.web.signin_views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Tries during a lockout are refused unchecked; they do not restart it, so the lockout page
# can say when signing in works again.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False

# Rate-limit counts and what the pages show, kept once for each position of the record
# (`accord.store.queries.kept`), live in this cache. By default it is a table of the
# database, so every instance of accord shares them; ACCORD_REDIS_URL puts them in Redis
# instead (install the `redis` package).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["ACCORD_REDIS_URL"],
        }
        if os.environ.get("ACCORD_REDIS_URL")
        else {
            "BACKEND": "accord.store.cache.DatabaseCache",
            "LOCATION": "accord_cache",
            # What the pages keep goes in many entries (each entry of a compilation, and its
            # HTML, apart: docs/room.md); Django's default of 300 would cull them on every
            # change of the record. Entries expire within a day (accord.store.queries.kept).
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        }
    )
}

# API rate limits ("N/s", "N/min", "N/hour" or "N/day"): per address for anonymous callers,
# per user for those signed in (each token of theirs has the same limit of its own), and a
# lower one, per user or address, for costly work (imports, exports, checks).
ACCORD_API_RATE_ANONYMOUS = os.environ.get("ACCORD_API_RATE_ANONYMOUS", "120/min")
ACCORD_API_RATE_USER = os.environ.get("ACCORD_API_RATE_USER", "600/min")
ACCORD_API_RATE_COSTLY = os.environ.get("ACCORD_API_RATE_COSTLY", "30/min")

# Limits on what one request may carry; larger bodies are refused before they are parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploaded drafts past the importers' size limit are dropped as they arrive.
FILE_UPLOAD_HANDLERS = [
    "accord.web.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Logs: one JSON object a line with the request's id (`accord.security.logs`), or plain text
# (ACCORD_LOG_FORMAT=text, the default for the demo); the request log, a line per answer on
# the `accord.requests` logger, is on outside the demo (ACCORD_REQUEST_LOG=0 turns it off).
ACCORD_LOG_FORMAT = os.environ.get("ACCORD_LOG_FORMAT", "text" if DEBUG or DEMO else "json")
ACCORD_REQUEST_LOG = os.environ.get("ACCORD_REQUEST_LOG", "0" if DEMO else "1") == "1"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "accord.security.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"request_id": {"()": "accord.security.logs.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": ACCORD_LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("ACCORD_LOG_LEVEL", "WARNING")},
    "loggers": {"accord.requests": {"level": "INFO" if ACCORD_REQUEST_LOG else "WARNING"}},
}
# /metrics answers the bearer of this token; without one, only a scraper on the same machine.
ACCORD_METRICS_TOKEN = os.environ.get("ACCORD_METRICS_TOKEN", "")

# Background work is a task of Django's tasks framework, queued in the database every
# instance shares and run by `accord worker` (`accord.actions.periodic`, `export_jobs`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# A compilation PDF with more provisions and proposals than this is made in the background,
# its progress shown, rather than sent at once.
ACCORD_LONG_PDF = int(os.environ.get("ACCORD_LONG_PDF", "150"))
