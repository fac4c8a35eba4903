"""Django settings: one module, driven by environment variables (see README's table).

With no environment at all the project runs on SQLite, a file-system Celery broker and a
file email backend, all under ``var/``. ``DATABASE_URL`` and ``CELERY_BROKER_URL`` switch to
PostgreSQL and Redis.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.deploy import require_production_secrets
from config.env import env_bool, env_int, env_list, env_str, generated_secret

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)
NODE_MODULES = BASE_DIR / "node_modules"

DEBUG = env_bool("DJANGO_DEBUG", default=True)
# Secrets: with DJANGO_DEBUG=false every process takes them from the environment (or NAME_FILE)
# and refuses to start without them (end of this module): one generated per machine under var/
# would break signed links, tokens and credentials between machines. Zero-config development
# generates each once under var/.
SECRET_KEY = env_str("SECRET_KEY") or (generated_secret(VAR_DIR / "secret_key") if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
COMPANY_NAME = env_str("COMPANY_NAME", "Nordgrossisten AS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "django_celery_beat",
    "django_celery_results",
    "core",
    "accounts",
    "audit",
    "customers",
    "templates_app",
    "automation",
    "executions",
    "ai_assistant",
    "ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who and from where for the audit trail (after authentication; see audit.recording).
    "audit.recording.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After MessageMiddleware: pages get a message when a NUL in a filter is dropped.
    "core.query_guard.QueryStringGuardMiddleware",
    # API input of the types /api/schema/ documents, before any view (config/api_strict.py).
    "core.api_strict.StrictInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"

# The audit trail's entry point of a request: the first path pattern that matches wins;
# any other page is "pages", work without a request (Celery, commands) "system".
AUDIT_ENTRY_POINTS = [
    (r"/admin/", "admin"),
    (r"/api/v1/workflow-automation/ai/execute-script", "dsl"),
    (r"/api/v1/workflow-automation/ai/", "ai"),
    (r"/api/", "api"),
    (r"/assistent/skript/", "dsl"),
    (r"/assistent/galleri/", "pages"),
    (r"/assistent/", "ai"),
]
# How many days the audit trail keeps an event (audit.retention: beat prunes older ones once
# a day, `manage.py prune_audit` on demand); 0 keeps every event for ever.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 400)
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    # Persistent connections (web and worker alike), checked before their first use in each
    # request or task, so one the server dropped is replaced instead of failing the work.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    # The check without a round trip while the connection is plainly alive (core/postgresql).
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "core.postgresql"
    # A server (or a network) that vanished without closing its connections is noticed in
    # seconds, not after TCP's defaults (about 2 h for an idle connection, 15 min for one with
    # data on its way): libpq gives up connecting after DATABASE_CONNECT_TIMEOUT_S, probes an
    # idle connection after DATABASE_KEEPALIVES_IDLE_S and every DATABASE_KEEPALIVES_INTERVAL_S
    # after that, drops it after DATABASE_KEEPALIVES_COUNT unanswered probes (5 + 3 x 2 = 11 s),
    # and drops one whose sent data stays unacknowledged for DATABASE_TCP_USER_TIMEOUT_MS. The
    # work in hand then fails with OperationalError and retries itself (executions.tasks). An
    # option set in the URL's query string wins.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT_S", 5),
        "keepalives": 1,
        "keepalives_idle": env_int("DATABASE_KEEPALIVES_IDLE_S", 5),
        "keepalives_interval": env_int("DATABASE_KEEPALIVES_INTERVAL_S", 2),
        "keepalives_count": env_int("DATABASE_KEEPALIVES_COUNT", 3),
        "tcp_user_timeout": env_int("DATABASE_TCP_USER_TIMEOUT_MS", 11000),
        **DATABASES["default"].get("OPTIONS", {}),
    }
    if DATABASES["default"]["ENGINE"] == "core.postgresql":
        # The hottest statements (a status read's two) are prepared once per connection; off
        # behind a pooler in transaction mode that cannot keep them (core/postgresql/base.py).
        DATABASES["default"]["OPTIONS"]["prepared_statements"] = env_bool(
            "DATABASE_PREPARED_STATEMENTS", True
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {
                # Web, worker and beat share the file: WAL lets readers run beside one writer,
                # IMMEDIATE makes writers queue instead of failing with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
            },
        }
    }
# PostgreSQL only: each part of a step's fanned-out work holds a session-level lock while it
# sends, so that the step moves on only once every part's last email is recorded
# (executions.store.postgresql). Off behind a pooler in transaction mode, which does not keep
# a session's locks for it.
DATABASE_SESSION_LOCKS = env_bool("DATABASE_SESSION_LOCKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache keeps short-lived shared state (webhook replay ids, dashboard numbers): Redis in
# production so every web process sees the same, process memory with zero configuration.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The pages' sign-in reads the user with their role in one statement (accounts/backends.py);
# Django's own backend after it for sessions signed in before it was added.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.RoleModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in the reader's language: nb "06.12.2026 12:21", en "6 Dec 2026 12:21" (never US).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Oslo"
# Whose public holidays close the business (ISO 3166 country code for the holidays package).
BUSINESS_CALENDAR = env_str("BUSINESS_CALENDAR", "NO").upper()
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Third-party front-end code comes from npm (package.json) and is served from node_modules.
_VENDOR = {
    "vendor/htmx": NODE_MODULES / "htmx.org" / "dist",
    "vendor/chart.js": NODE_MODULES / "chart.js" / "dist",
    "vendor/monaco": NODE_MODULES / "monaco-editor" / "min",
    # ES modules only on npm: bundled into one script by scripts/setup (`npm run build`).
    "vendor/tiptap": BASE_DIR / "build" / "vendor" / "tiptap",
}
STATICFILES_DIRS = [BASE_DIR / "static"] + [
    (prefix, path) for prefix, path in _VENDOR.items() if path.is_dir()
]
WHITENOISE_USE_FINDERS = DEBUG
# Production serves only what `collectstatic` gathered into STATIC_ROOT (on the build machine,
# where node_modules is: the vendor files above come along), compressed ahead of time; the web
# machines need no Node. (Not the manifest storage: Monaco's files name source maps that its
# package does not ship, which the manifest refuses.)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Nordgrossisten <ordre@nordgrossisten.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where customers' replies go when neither the template nor the workflow step names an
# address (empty: to the sender). A plain address: salg@firma.no.
DEFAULT_REPLY_TO = env_str("DEFAULT_REPLY_TO").strip()
# A mailbox for List-Unsubscribe's mailto: alternative beside the https link (empty: the link
# only). Requests arrive with the subject "unsubscribe <token>"; someone must act on them.
UNSUBSCRIBE_MAILTO = env_str("UNSUBSCRIBE_MAILTO").strip()
ADMINS = [("Admin", addr) for addr in env_list("ADMIN_EMAILS", ["admin@nordgrossisten.example"])]
# Any Anymail provider: EMAIL_BACKEND=anymail.backends.<esp>.EmailBackend plus ANYMAIL_* keys.
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_") and not key.endswith("_FILE")
}

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
# The longest countdown the code schedules (retry backoff cap); the broker must not redeliver
# a message that is merely waiting for its countdown.
CELERY_MAX_COUNTDOWN_S = env_int("CELERY_MAX_COUNTDOWN_S", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
    # Redis: a message taken by a worker that died is handed out again after this long.
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT_S", 4 * CELERY_MAX_COUNTDOWN_S),
    # Redis: consume queues in the order the worker lists them (email first).
    "queue_order_strategy": "priority",
}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "celery" / "broker"
    _processed_dir = VAR_DIR / "celery" / "processed"
    _control_dir = VAR_DIR / "celery" / "control"
    for _folder in (_broker_dir, _processed_dir, _control_dir):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS.update(
        {
            "data_folder_in": str(_broker_dir),
            "data_folder_out": str(_broker_dir),
            "processed_folder": str(_processed_dir),
            "store_processed": False,
            "control_folder": str(_control_dir),
        }
    )
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", "django-db")
CELERY_RESULT_EXTENDED = True
CELERY_CACHE_BACKEND = "django-cache"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER")
# Celery's Django fixup closes every database connection after every task unless this is set:
# a new PostgreSQL backend per task. With it, a worker process keeps its connection for this
# many tasks, and config/celery.py applies Django's own rules (CONN_MAX_AGE, unusable after an
# error, health check) around every task instead.
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 1000)

# --- Django REST framework ------------------------------------------------------------------
REST_FRAMEWORK = {
    # JWT first: its WWW-Authenticate header is what turns "no credentials" into 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "core.api.WorkflowAutomationPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["core.parsers.StrictJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Only the token endpoint is throttled (password guessing); ScopedRateThrottle there.
    "DEFAULT_THROTTLE_RATES": {"auth": env_str("API_AUTH_THROTTLE_RATE", "30/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Workflow automation API",
    "DESCRIPTION": "Workflows, executions, email templates, customers and orders.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the drf-spectacular-sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # 3.1: its schema dialect is JSON Schema 2020-12, the dialect of the workflow validator's
    # schema, which the API publishes as is (automation/api_schema.py).
    "OAS_VERSION": "3.1.0",
    # Operation ids (the function names of a generated client) without the common prefix:
    # "workflows_create", "auth_token_create", not "v1_workflow_automation_workflows_create".
    "SCHEMA_PATH_PREFIX": r"/api/v1(/workflow-automation)?",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        # 400/404/413/415 that any endpoint may answer, documented in one place.
        "core.api_schema.document_common_answers",
    ],
    "ENUM_NAME_OVERRIDES": {
        # A schedule's "day" and "days" share the set; one name for it.
        "WeekdayEnum": "automation.step_config.WEEKDAYS",
        "WorkflowStatusEnum": "automation.models.WorkflowDefinition.Status",
        "ExecutionStatusEnum": "executions.models.WorkflowExecution.Status",
        "ActionLogStatusEnum": "executions.models.WorkflowActionLog.Status",
    },
}

# --- Workflow engine ------------------------------------------------------------------------
WORKFLOW_DISPATCH_INTERVAL_S = env_int("WORKFLOW_DISPATCH_INTERVAL_S", 10)
# The dispatcher creates runs due within this many seconds ahead of time and queues them with
# their due time as Celery eta, so a minute with thousands of due runs starts on time; 0 turns
# it off. Keep it far below the broker's visibility timeout (an ETA message waits there).
WORKFLOW_DISPATCH_LOOKAHEAD_S = env_int("WORKFLOW_DISPATCH_LOOKAHEAD_S", 60)
WORKFLOW_DEFAULT_GRACE_HOURS = env_int("WORKFLOW_DEFAULT_GRACE_HOURS", 6)
# Retries wait base * 2**attempt seconds (with jitter), capped at CELERY_MAX_COUNTDOWN_S.
WORKFLOW_RETRY_BASE_S = float(env_str("WORKFLOW_RETRY_BASE_S", "30"))
# Customers per email batch: one SMTP connection and one task per batch.
WORKFLOW_EMAIL_BATCH_SIZE = env_int("WORKFLOW_EMAIL_BATCH_SIZE", 200)
# An email step to at most this many customers is sent by the run itself, right after the
# step commits and under a lease like any batch, instead of as a batch on the email queue
# (a message and another worker's reads cost more than the emails); 0: always in batches.
WORKFLOW_EMAILS_IN_RUN = env_int("WORKFLOW_EMAILS_IN_RUN", 10)
# The dispatcher's sweep re-enqueues work whose broker message was lost: a queued execution
# not picked up, an email step whose rows have not moved, or a running execution no worker
# holds, for this many seconds (work in a retry backoff gets CELERY_MAX_COUNTDOWN_S on top).
# Re-enqueueing is idempotent.
WORKFLOW_STALLED_QUEUED_S = env_int("WORKFLOW_STALLED_QUEUED_S", 300)
WORKFLOW_STALLED_BATCH_S = env_int("WORKFLOW_STALLED_BATCH_S", 300)
WORKFLOW_STALLED_RUNNING_S = env_int("WORKFLOW_STALLED_RUNNING_S", 300)
# Recovery in seconds (executions/recovery.py, docs/recovery.md): a worker process holds each
# part of a step's fanned-out work (an email batch) under a lease of WORKFLOW_LEASE_S that its
# heartbeat renews every WORKFLOW_LEASE_RENEW_S; beat runs the recovery every
# WORKFLOW_RECOVERY_INTERVAL_S, which enqueues again the parts whose lease expired, queues again
# a running execution no worker has locked for WORKFLOW_LEASE_S, and enqueues everything the
# database says is waiting for a message when the broker lost its data (restarted empty).
WORKFLOW_LEASE_S = env_int("WORKFLOW_LEASE_S", 15)
WORKFLOW_LEASE_RENEW_S = float(env_str("WORKFLOW_LEASE_RENEW_S", "3"))
WORKFLOW_RECOVERY_INTERVAL_S = env_int("WORKFLOW_RECOVERY_INTERVAL_S", 5)
# Tasks that lost the database, the broker or the mail server retry after 1, 2, 4... seconds,
# at most this many (with jitter), for as long as the outage lasts.
WORKFLOW_CONNECTION_RETRY_MAX_S = float(env_str("WORKFLOW_CONNECTION_RETRY_MAX_S", "10"))

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page of ours is ever framed (email previews are sandboxed `srcdoc` frames).
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # HTTPS only: plain HTTP is redirected and browsers are told (HSTS) never to try it again.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    # Both cover more than this site (every subdomain; browsers' built-in lists), so they are
    # the operator's decision: the README's production environment turns them on.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients):
    # the request counts as HTTPS when it says so. Off when clients reach gunicorn directly,
    # or anyone could claim HTTPS.
    if env_bool("TRUST_X_FORWARDED_PROTO", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST")
# Load balancers and Prometheus probe the processes directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# LOG_FORMAT=json: one JSON object per line, with execution_id, step and customer_id where the
# event concerns them (ops/logs.py); "plain" for people reading a terminal.
LOG_FORMAT = env_str("LOG_FORMAT", "plain").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "ops.logs.JsonFormatter"},
    },
    "filters": {"context": {"()": "ops.logs.ContextFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Readiness and metrics (ops/health.py, ops/metrics.py) ----------------------------------
# /readyz asks the Celery workers which queues they consume at most this often per process,
# waiting this long for their answers.
READYZ_CELERY_CACHE_S = float(env_str("READYZ_CELERY_CACHE_S", "10"))
READYZ_CELERY_TIMEOUT_S = float(env_str("READYZ_CELERY_TIMEOUT_S", "1"))
# /metrics: a bearer token (METRICS_TOKEN or its _FILE) and/or the addresses or networks that
# may scrape; with neither, production answers 404 and development serves everyone.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", [])
METRICS_CACHE_S = float(env_str("METRICS_CACHE_S", "5"))

# --- Email templates and customer links (issue 5; owned by templates_app/customers) ---------
# How long a customer's order-form link (bestilling_link) stays valid.
ORDER_LINK_MAX_AGE_DAYS = env_int("ORDER_LINK_MAX_AGE_DAYS", 14)
# The most one rendered part of an email (subject, HTML or text) may be, in bytes: a template
# that renders more is refused at save and preview, and that customer's email fails at send.
TEMPLATE_MAX_RENDERED_BYTES = env_int("TEMPLATE_MAX_RENDERED_BYTES", 1_000_000)
# Anymail's webhook basic-auth secret, "user:password" (ANYMAIL_WEBHOOK_SECRET or its _FILE).
# Configure the same user:password in the ESP's webhook URL. Without it the webhooks under
# /k/anymail/ answer 403 (customers.views.webhook_secret_required).
if env_str("ANYMAIL_WEBHOOK_SECRET"):
    ANYMAIL.setdefault("WEBHOOK_SECRET", env_str("ANYMAIL_WEBHOOK_SECRET"))

# --- Outbound HTTP and credential encryption (automation/http.py, automation/crypto.py) -----
# Integration credentials are encrypted with keys separate from SECRET_KEY, newest first;
# FIELD_ENCRYPTION_KEY (or _FILE) holds a comma- or line-separated list. Empty: a key is
# generated once into FIELD_ENCRYPTION_KEY_PATH (fine on one machine, not on several).
FIELD_ENCRYPTION_KEYS = [
    key.strip()
    for key in env_str("FIELD_ENCRYPTION_KEY").replace("\n", ",").split(",")
    if key.strip()
]
FIELD_ENCRYPTION_KEY_PATH = VAR_DIR / "field_encryption_key"
# Integrations may only reach public addresses (no loopback, private networks or cloud
# metadata). On-premises installations whose systems live on the local network can open
# private networks, or name exact "host" / "host:port" entries; tests use the latter to
# reach a loopback test server. Metadata endpoints are never reachable.
OUTBOUND_HTTP_ALLOW_PRIVATE = env_bool("OUTBOUND_HTTP_ALLOW_PRIVATE")
OUTBOUND_HTTP_ALLOWED_HOSTS = env_list("OUTBOUND_HTTP_ALLOWED_HOSTS", [])

# --- Inbound webhook events (POST /api/v1/workflow-automation/events; customers/webhooks.py) --
# Senders sign "{timestamp}.{raw body}" with HMAC-SHA256 under this secret
# (WEBHOOK_SIGNING_SECRET or its _FILE; generated once into var/ when unset). Requests whose
# X-Webhook-Timestamp is further than WEBHOOK_TOLERANCE_S from our clock are refused.
WEBHOOK_SIGNING_SECRET = env_str("WEBHOOK_SIGNING_SECRET") or (
    generated_secret(VAR_DIR / "webhook_signing_secret") if DEBUG else ""
)
WEBHOOK_TOLERANCE_S = env_int("WEBHOOK_TOLERANCE_S", 300)

# --- AI assistant (issue 7; ai_assistant/providers.py) --------------------------------------
# Keys come from the environment or NAME_FILE and are never logged or stored in request logs.
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
# Any OpenAI-compatible server (a local model, a gateway); empty: api.openai.com.
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL")
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-mini")
ANTHROPIC_API_KEY = env_str("ANTHROPIC_API_KEY")
ANTHROPIC_BASE_URL = env_str("ANTHROPIC_BASE_URL")
ANTHROPIC_MODEL = env_str("ANTHROPIC_MODEL", "claude-sonnet-4-5")
# "openai", "anthropic" or "offline"; empty: OpenAI if its key is set, else Anthropic if its
# key is set, else the offline parser.
AI_PROVIDER = env_str("AI_PROVIDER").strip().lower()
AI_TIMEOUT_S = float(env_str("AI_TIMEOUT_S", "30"))
# Retries the SDKs make on 429, 5xx and timeouts (honouring Retry-After). Kept low: a user is
# waiting for the answer in the chat.
AI_MAX_RETRIES = env_int("AI_MAX_RETRIES", 1)
AI_MAX_OUTPUT_TOKENS = env_int("AI_MAX_OUTPUT_TOKENS", 4096)
# Chat turns per user that reach a paid provider (ai_assistant/throttle.py): "N/unit" or
# "N/<k>unit" (second, minute, hour, day; e.g. "10/15min"); empty or 0 turns a rule off. Fixed
# clock windows counted in the cache: set CACHE_URL (Redis) so that all processes share them.
# The offline parser costs nothing and is not limited.
AI_THROTTLE_RATE = env_str("AI_THROTTLE_RATE", "20/hour")
AI_THROTTLE_BURST = env_str("AI_THROTTLE_BURST", "5/minute")
# Staff and superusers have the same limits unless this is set.
AI_THROTTLE_EXEMPT_STAFF = env_bool("AI_THROTTLE_EXEMPT_STAFF")

# --- JWT (djangorestframework-simplejwt) -----------------------------------------------------
# Tokens are signed with their own key, so rotating it (logging every API client out) does not
# touch sessions, password-reset links or anything else signed with SECRET_KEY.
SIMPLE_JWT = {
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY")
    or (generated_secret(VAR_DIR / "jwt_signing_key") if DEBUG else ""),
    "ALGORITHM": "HS256",
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 10)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "ROTATE_REFRESH_TOKENS": True,
    # Blacklisting would need the token_blacklist app and its tables; refresh tokens are
    # short-lived instead.
    "BLACKLIST_AFTER_ROTATION": False,
    "UPDATE_LAST_LOGIN": False,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "LEEWAY": 0,
}

# Enum names for the data endpoints' choice fields (several share a field name).
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {
        "ScriptLanguageEnum": "ai_assistant.api.SCRIPT_LANGUAGES",
        "CustomerLanguageEnum": "customers.models.Customer.Language",
        "OrderStatusEnum": "customers.models.Order.Status",
        # Plain value lists of the workflow format's own schema (automation/api_schema.py),
        # named so that the schema has one stable name each (and `check --deploy` is clean).
        "WeekdayEnum": [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
        "WorkflowLanguageEnum": ["nb", "en"],
        "CreateOrderStatusEnum": ["draft", "placed"],
    }
)

# --- Production refuses to start without its shared secrets (config/deploy.py) -------------
if not DEBUG:
    require_production_secrets(
        {
            "SECRET_KEY": SECRET_KEY,
            "JWT_SIGNING_KEY": SIMPLE_JWT["SIGNING_KEY"],
            "FIELD_ENCRYPTION_KEY": ",".join(FIELD_ENCRYPTION_KEYS),
            "WEBHOOK_SIGNING_SECRET": WEBHOOK_SIGNING_SECRET,
        }
    )
