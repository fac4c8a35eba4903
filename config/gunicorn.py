"""gunicorn's settings for production: ``gunicorn -c python:config.gunicorn config.wsgi``.

Everything comes from the environment, as the rest of the settings do:
``PORT`` (8000) or ``GUNICORN_BIND`` (e.g. ``unix:/run/workflow.sock``), ``WEB_CONCURRENCY``
(worker processes, default 2 per core + 1), ``GUNICORN_THREADS`` (1), ``GUNICORN_TIMEOUT``
(60 s), ``FORWARDED_ALLOW_IPS`` (the proxies whose X-Forwarded-* headers gunicorn trusts,
127.0.0.1). With ``LOG_FORMAT=json`` gunicorn's own lines (errors, one access line per
request) are JSON too.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Replace a worker now and then, so that no slow leak grows for ever.
max_requests = 2000
max_requests_jitter = 200
# Load the project once, in the master, and fork the workers from it: a replaced worker
# starts ready (imports, URL conf and the API schema done, see config/wsgi.py) instead of
# spending a second or two of CPU on its first requests; with max_requests that happened
# every 2,000 requests per worker. The master holds no database connection when it forks.
preload_app = True

if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "ops.logs.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }
