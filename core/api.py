"""Shared pieces of the REST API: the error shape and pagination.

Every app's API module imports from here, so that all endpoints answer errors the same way
(``{"errors": [{"path", "code", "message"}]}``, see docs/workflow-format.md) and paginate the
same way. Roles and the API's permissions are in ``accounts``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core import exceptions as django_exceptions
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

# Lives in its own module: DRF imports parser classes while rest_framework.views is still
# loading, and this module imports rest_framework.views.
from core.errors import DomainError
from core.parsers import StrictJSONParser
from core.pointer import escape as _escape
from core.pointer import pointer

__all__ = [
    "Conflict",
    "ErrorResponseSerializer",
    "StrictJSONParser",
    "WorkflowAutomationPagination",
    "error",
    "error_responses",
    "errors_from",
    "errors_response",
    "exception_handler",
    "pointer",
]

logger = logging.getLogger("core.api")

# --- Pagination --------------------------------------------------------------------------------


class WorkflowAutomationPagination(PageNumberPagination):
    """``?page=N&page_size=M`` (M at most 200); answers ``count``, ``next``, ``previous``,
    ``results``.

    Strict, unlike DRF's own: a page or page size that is not a whole number in range is 400
    (DRF ignored ``page_size=1.5`` and used 50), and a page past the last one is 404, as the
    schema says.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    last_page_strings = ()  # "?page=last" would be a string where the schema says integer

    def _number(self, request: Request, name: str, maximum: int | None = None) -> int | None:
        raw = request.query_params.get(name)
        if raw is None:
            return None
        if not (raw.isascii() and raw.isdigit()):
            value = 0
        else:
            # No page has 19 digits: such a page is past the last one (404), such a size too big.
            value = int(raw) if len(raw) < 19 else 10**18
        if value < 1 or (maximum is not None and value > maximum):
            message = (
                gettext("A whole number from 1 to %(max)s.") % {"max": maximum}
                if maximum is not None
                else gettext("A whole number, 1 or more.")
            )
            raise exceptions.ValidationError({name: [exceptions.ErrorDetail(message, "invalid")]})
        return value

    def get_page_size(self, request: Request) -> int:
        return self._number(request, self.page_size_query_param, self.max_page_size) or (
            self.page_size
        )

    def get_page_number(self, request: Request, paginator: Any) -> int:
        return self._number(request, self.page_query_param) or 1

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
            else:
                parameter["description"] = "A page number (from 1); past the last page is 404."
        return parameters


# --- Errors ------------------------------------------------------------------------------------


class Conflict(exceptions.APIException):
    """409. Pass ``code=`` for the specific conflict (``version_conflict``, ``invalid_state``)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource is in a state that does not allow this request."
    default_code = "conflict"


class ErrorItemSerializer(serializers.Serializer):
    path = serializers.CharField(help_text="JSON Pointer into the request body ('' = whole).")
    code = serializers.CharField(help_text="Stable machine-readable code.")
    message = serializers.CharField(help_text="Human-readable, translated message.")


class ErrorResponseSerializer(serializers.Serializer):
    """The documented error body; used for OpenAPI only."""

    errors = ErrorItemSerializer(many=True)


_ERROR_DESCRIPTIONS = {
    400: "Invalid input: every problem is listed.",
    401: "No, expired or invalid credentials (code not_authenticated).",
    403: "Authenticated, but the user's role does not allow this (code permission_denied).",
    404: "Not found (code not_found).",
    405: "Method not allowed.",
    409: "Conflict: a stale version (version_conflict) or a wrong state (invalid_state).",
    413: "The request body is too large (code too_large).",
    415: "Unsupported media type: send application/json.",
    429: "Too many requests; see Retry-After.",
}


def dates_as_local_midnight(data: Any, names: Iterable[str]) -> Any:
    """A copy of query ``data`` where a plain date (2025-01-31) in one of the ``names`` is
    that day's local midnight in ISO 8601, as a datetime field reads it."""
    data = data.copy() if hasattr(data, "copy") else dict(data)
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and len(value) == 10:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            data[name] = timezone.make_aware(dt.datetime.combine(day, dt.time.min)).isoformat()
    return data


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """``extend_schema(responses={**error_responses(400, 401, 403, 404), 200: ...})``."""
    return {
        code: OpenApiResponse(ErrorResponseSerializer, description=_ERROR_DESCRIPTIONS.get(code))
        for code in codes
    }


def error(path: str, code: str, message: str) -> dict[str, str]:
    return {"path": path, "code": code, "message": str(message)}


def errors_response(
    errors: Iterable[Mapping[str, Any]],
    status: int = 400,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A response in the documented error shape; each item needs path, code and message."""
    items = [
        error(str(e.get("path", "")), str(e.get("code", "invalid")), str(e.get("message", "")))
        for e in errors
    ]
    return Response({"errors": items}, status=status, headers=dict(headers or {}))


# Codes by status for DRF's own exceptions, so clients can switch on ``code`` alone.
_STATUS_CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    429: "throttled",
}


def _flatten(detail: Any, path: str = "") -> list[dict[str, str]]:
    """DRF's nested ``detail`` (dicts, lists, ErrorDetail) as a flat list with JSON Pointers."""
    if isinstance(detail, Mapping):
        items: list[dict[str, str]] = []
        for key, value in detail.items():
            # Errors about the object as a whole stay at its own path.
            child = path if key in ("non_field_errors", "detail") else f"{path}/{_escape(key)}"
            items.extend(_flatten(value, child))
        return items
    if isinstance(detail, list | tuple):
        # A list of messages belongs to ``path``; a list of nested dicts/lists is indexed.
        if all(isinstance(v, str) for v in detail):
            return [item for v in detail for item in _flatten(v, path)]
        items = []
        for index, value in enumerate(detail):
            if value in ({}, [], None):
                continue  # DRF marks valid list members with an empty dict
            items.extend(_flatten(value, f"{path}/{index}"))
        return items
    code = getattr(detail, "code", None) or "invalid"
    return [error(path, str(code), str(detail))]


def _django_validation_errors(exc: django_exceptions.ValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            error("" if field == "__all__" else f"/{_escape(field)}", e.code or "invalid", m)
            for field, errs in exc.error_dict.items()
            for e in errs
            for m in e
        ]
    return [error("", e.code or "invalid", m) for e in exc.error_list for m in e]


def _domain_error(exc: Exception) -> Response | None:
    """Exceptions raised by our services, rendered without each view catching them."""
    if isinstance(exc, DomainError):
        return Response(exc.response_body(), status=exc.status_code, headers=exc.response_headers())
    if isinstance(exc, django_exceptions.ValidationError):
        return errors_response(_django_validation_errors(exc), status=400)
    return None


def _message(detail: Any) -> str:
    if isinstance(detail, Mapping):
        # simplejwt's InvalidToken carries {"detail", "code", "messages"}.
        return str(detail.get("detail") or next(iter(detail.values()), ""))
    if isinstance(detail, list | tuple):
        return "; ".join(_message(d) for d in detail)
    return str(detail)


def _request_limit_error(exc: Exception) -> Response | None:
    """Django's own request limits, raised while a view reads the body or the query string.

    Django answers them with a plain 400 page outside a view; inside an API view they would
    be a 500, so they get the error shape: 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE,
    400 for more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS.
    """
    if isinstance(exc, django_exceptions.RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = gettext("The request body is larger than %(n)s bytes.") % {"n": limit}
        return errors_response([error("", "too_large", message)], status=413)
    if isinstance(exc, django_exceptions.TooManyFieldsSent | django_exceptions.TooManyFilesSent):
        return errors_response([error("", "too_many_fields", str(exc))], status=400)
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error in the documented shape."""
    domain = _domain_error(exc) or _request_limit_error(exc)
    if domain is not None:
        return domain

    # DRF's handler maps Http404 / Django PermissionDenied and sets WWW-Authenticate,
    # Retry-After and Allow; we keep its status and headers and replace the body.
    response = drf_exception_handler(exc, context)
    if response is None:
        return _server_error(exc, context)

    if isinstance(exc, exceptions.ValidationError):
        items = _flatten(exc.detail)
    elif isinstance(exc, exceptions.APIException):
        code = _STATUS_CODES.get(response.status_code, "error")
        detail_code = getattr(exc.detail, "code", None)
        # 401 is always not_authenticated (clients re-login on it); other statuses keep a
        # specific code when the raiser gave one (e.g. Conflict(code="invalid_state")).
        if (
            response.status_code != 401
            and isinstance(detail_code, str)
            and detail_code not in ("error", exceptions.APIException.default_code)
        ):
            code = detail_code
        if response.status_code == 409 and code == "conflict":
            code = "version_conflict"
        items = [error("", code, _message(exc.detail))]
    elif isinstance(exc, Http404):
        items = [error("", "not_found", "Not found.")]
    else:
        items = [error("", _STATUS_CODES.get(response.status_code, "error"), str(exc))]
    response.data = {"errors": items}
    return response


def _server_error(exc: Exception, context: dict[str, Any]) -> Response:
    """A 500 in the documented shape, still reported like any unhandled exception."""
    request = context.get("request")
    logger.error("Unhandled API error", exc_info=exc)
    # The signal is how Django's error reporting (and the test client, which re-raises)
    # learns about an exception; rendering it ourselves must not hide it.
    got_request_exception.send(sender=None, request=getattr(request, "_request", request))
    return errors_response([error("", "server_error", "An unexpected error occurred.")], status=500)


def errors_from(detail: Any, path: str = "") -> list[dict[str, str]]:
    """Flatten a DRF serializer's ``errors`` into the documented items (JSON Pointers)."""
    return _flatten(detail, path)


#: DRF's own rendering of a date-time (in the current time zone; "Z" for UTC).
_DATETIME_FIELD = serializers.DateTimeField()


def datetime_text(value: dt.datetime | None) -> str | None:
    """A date-time as a serializer's ``DateTimeField`` renders it, for rows built without the
    serializer's field machinery (the list and activity endpoints); None stays None."""
    return None if value is None else _DATETIME_FIELD.to_representation(value)
