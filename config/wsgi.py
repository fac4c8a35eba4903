"""The WSGI application, ready to serve: what the first requests of every web process would
otherwise do (import every URL conf and view, build the OpenAPI document the API's input
checks read) is done here, once. Under gunicorn with ``preload_app`` (config/gunicorn.py)
that is once in the master, before the workers are forked, so it holds no database
connection afterwards."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    from django.db import connections
    from django.urls import get_resolver

    from core.api_strict import warm_up

    get_resolver().url_patterns  # noqa: B018 - imports every URL conf and view
    warm_up()
    connections.close_all()


_warm_up()
