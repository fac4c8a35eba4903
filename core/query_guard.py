"""Query strings with a NUL character, refused or dropped before any view runs.

``%00`` decodes to U+0000, which PostgreSQL cannot hold in a text value: every filter that
reaches a query with it (``?search=``, ``?q=``, ``?external_id=`` ...) ended in a 500. No
filter can mean anything by it, so instead of each view checking its own parameters, this
middleware looks at the whole query string once:

* under ``/api/``: 400 in the error shape, one item per parameter (``path`` ``/<name>``,
  code ``invalid_character``), before authentication, as a parse error would be;
* on pages (the business pages, the admin, the customers' own pages): the page without the
  offending parameters, with a message saying which filter was ignored and why.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext

__all__ = ["NUL", "QueryStringGuardMiddleware"]

NUL = "\x00"
API_PREFIX = "/api/"


def _escape(token: str) -> str:
    # RFC 6901, as everywhere else in the error shape.
    return token.replace("~", "~0").replace("/", "~1")


class QueryStringGuardMiddleware:
    """Needs ``request._messages``: it comes after MessageMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Cheap on every request: the raw query string carries a NUL only as %00.
        if "%00" not in request.META.get("QUERY_STRING", ""):
            return self.get_response(request)
        try:
            items = list(request.GET.lists())
        except TooManyFieldsSent:
            return self.get_response(request)  # Django answers that one itself (400)
        bad = [name for name, values in items if NUL in name or any(NUL in v for v in values)]
        if not bad:
            return self.get_response(request)
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                {
                    "errors": [
                        {
                            "path": "" if NUL in name else "/" + _escape(name),
                            "code": "invalid_character",
                            "message": gettext(
                                "Contains a NUL character (\\u0000), which cannot be searched for."
                            ),
                        }
                        for name in bad
                    ]
                },
                status=400,
            )
        cleaned = request.GET.copy()
        for name in bad:
            del cleaned[name]
        cleaned._mutable = False
        request.GET = cleaned
        messages.warning(
            request,
            gettext(
                "A search or filter contained a NUL character, which cannot be searched "
                "for; it was ignored."
            ),
        )
        return self.get_response(request)
