"""Services for integrations: external HTTP APIs that workflows call.

Every entry point (API, admin, pages) creates and changes integrations through these
functions, and the step type that calls integrations sends its requests through
``integration_request``. All traffic goes through ``automation.http.safe_request``.

Secrets: credentials are validated, encrypted (``automation.crypto``) and only decrypted
to build the auth headers of one request. They never appear in ``integration_public_dict``,
in log lines or in exception messages (those name fields, never values).
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import logging
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import unquote, urlsplit, urlunsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.recording import HIDDEN, audit_changes, audit_record, audit_snapshot
from automation import http as outbound
from automation.crypto import DecryptionError, decrypt_json, encrypt_json
from automation.models import Integration
from core.reasons import Reason

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

__all__ = [
    "UNSET",
    "IntegrationUnavailable",
    "IntegrationValidationError",
    "TestResult",
    "integration_create",
    "integration_public_dict",
    "integration_request",
    "integration_test",
    "integration_update",
    "integration_url",
]

logger = logging.getLogger(__name__)
#: What the audit trail records of an integration's changes: never its credentials (only
#: that they were set or replaced), and header values under a secret-like name masked.
AUDITED_FIELDS = ("name", "base_url", "auth_type", "headers", "is_active")

AuthType = Integration.AuthType
CREDENTIAL_FIELDS: dict[str, tuple[str, ...]] = {
    AuthType.NONE: (),
    AuthType.BEARER: ("token",),
    AuthType.BASIC: ("username", "password"),
    AuthType.HEADER: ("header", "value"),
}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
CONNECTION_TEST_TIMEOUT_S = 10.0
MAX_CREDENTIAL_LENGTH = 4096
MAX_HEADERS = 30
MAX_HEADER_VALUE_LENGTH = 1000
# RFC 9110 token characters.
HEADER_NAME_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")
# Headers the HTTP layer owns; letting an integration set them would break framing or the
# size limit (a compressed body would dodge it).
RESERVED_HEADERS = frozenset(
    {
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "te",
        "upgrade",
        "accept-encoding",
        "keep-alive",
        "proxy-connection",
    }
)
# Extra headers are stored and shown in clear text: anything that looks like it carries a
# secret belongs in the encrypted credentials (auth type "header") instead.
SECRET_HEADER_RE = re.compile(
    r"auth|token|secret|passw|api[-_]?key|apikey|cookie|session|signature|credential|private",
    re.IGNORECASE,
)
SECRET_VALUE_RE = re.compile(r"^\s*(bearer|basic|token|digest)\s", re.IGNORECASE)
# The server rejected who we are: reachable, but the integration would not work.
AUTH_FAILURE_STATUSES = (401, 403, 407)


class _Unset(enum.Enum):
    UNSET = enum.auto()


UNSET: Final = _Unset.UNSET


class IntegrationValidationError(Exception):
    """Raised when input is invalid or the connection test fails; nothing has been saved.
    ``errors`` has the shape of workflow validation errors (path, code, message)."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e['path']}: {e['message']}" for e in errors))

    def as_dict(self) -> dict[str, Any]:
        return {"errors": list(self.errors)}


class IntegrationUnavailable(outbound.OutboundHTTPError):
    """The integration cannot be called at all (inactive, unreadable credentials). Trying
    again will not help until someone changes it."""

    code = "integration_unavailable"
    retryable = False


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class, despite the name

    ok: bool
    message: str
    status: int | None
    elapsed_ms: int
    tested_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "message": self.message,
            "status": self.status,
            "elapsed_ms": self.elapsed_ms,
            "tested_at": self.tested_at.isoformat(),
        }


# --- Validation -----------------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.errors: list[dict[str, str]] = []

    def add(self, path: str, code: str, message: str) -> None:
        self.errors.append({"path": path, "code": code, "message": message})

    def raise_if_any(self) -> None:
        if self.errors:
            raise IntegrationValidationError(self.errors)


def _clean_name(name: Any, problems: _Problems, *, exclude_pk: int | None) -> str:
    if not isinstance(name, str) or not name.strip():
        problems.add("/name", "required", _("Give the integration a name."))
        return ""
    name = name.strip()
    if len(name) > 200:
        problems.add("/name", "too_long", _("The name is longer than 200 characters."))
    elif Integration.objects.filter(name=name).exclude(pk=exclude_pk).exists():
        problems.add(
            "/name",
            "duplicate_name",
            _("An integration named “%(name)s” already exists.") % {"name": name},
        )
    return name


def _clean_base_url(base_url: Any, problems: _Problems) -> str:
    if not isinstance(base_url, str) or not base_url.strip():
        problems.add("/base_url", "required", _("Give the base URL of the API."))
        return ""
    base_url = base_url.strip()
    if len(base_url) > 500:
        problems.add("/base_url", "too_long", _("The base URL is longer than 500 characters."))
        return base_url
    try:
        outbound.check_url(base_url)
    except outbound.OutboundHTTPError as exc:
        problems.add("/base_url", exc.code, exc.reason.label())
        return base_url
    parts = urlsplit(base_url)
    # A query string would be lost (or duplicated) when paths are joined, and is a common
    # place for API keys, which must go in the encrypted credentials instead.
    if parts.query or parts.fragment or base_url.endswith(("?", "#")):
        problems.add(
            "/base_url",
            "invalid_value",
            _(
                "The base URL must not contain a query string (?...) or fragment (#...); put "
                "API keys in the authentication settings."
            ),
        )
    return base_url


def _clean_auth_type(auth_type: Any, problems: _Problems) -> str:
    if auth_type not in CREDENTIAL_FIELDS:
        problems.add(
            "/auth_type",
            "invalid_choice",
            _("auth_type must be one of: %(choices)s.") % {"choices": ", ".join(CREDENTIAL_FIELDS)},
        )
        return ""
    return str(auth_type)


def _clean_credentials(auth_type: str, credentials: Any, problems: _Problems) -> dict[str, str]:
    """Check the shape; messages name fields, never the values."""
    if not auth_type:
        return {}
    if credentials is None:
        credentials = {}
    if not isinstance(credentials, dict):
        problems.add("/credentials", "invalid_type", _("credentials must be an object."))
        return {}
    expected = CREDENTIAL_FIELDS[auth_type]
    for key in credentials:
        if key not in expected:
            allowed = ", ".join(expected) or _("nothing")
            problems.add(
                f"/credentials/{key}",
                "unknown_field",
                _("Authentication “%(auth)s” takes %(allowed)s; “%(key)s” does not belong here.")
                % {"auth": auth_type, "allowed": allowed, "key": key},
            )
    cleaned: dict[str, str] = {}
    for key in expected:
        value = credentials.get(key)
        path = f"/credentials/{key}"
        if not isinstance(value, str) or not value.strip():
            problems.add(
                path,
                "required",
                _("Authentication “%(auth)s” needs %(key)s.") % {"auth": auth_type, "key": key},
            )
            continue
        if key != "password":
            value = value.strip()
        if len(value) > MAX_CREDENTIAL_LENGTH:
            problems.add(
                path,
                "too_long",
                _("%(key)s is longer than %(max)s characters.")
                % {"key": key, "max": MAX_CREDENTIAL_LENGTH},
            )
        elif any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            # CR/LF would let a value inject further headers.
            problems.add(
                path,
                "invalid_value",
                _("%(key)s must not contain control characters.") % {"key": key},
            )
        cleaned[key] = value
    if auth_type == AuthType.BASIC and ":" in cleaned.get("username", ""):
        problems.add(
            "/credentials/username", "invalid_value", _("A user name for basic auth has no ':'.")
        )
    if auth_type == AuthType.HEADER and "header" in cleaned:
        header = cleaned["header"]
        if not HEADER_NAME_RE.match(header):
            problems.add("/credentials/header", "invalid_value", _("Not a valid header name."))
        elif header.lower() in RESERVED_HEADERS:
            problems.add(
                "/credentials/header",
                "invalid_value",
                _("The header %(name)s cannot be set.") % {"name": header},
            )
    return cleaned


def _clean_headers(headers: Any, problems: _Problems) -> dict[str, str]:
    if headers is None:
        return {}
    if not isinstance(headers, dict):
        problems.add("/headers", "invalid_type", _("headers must be an object of name: value."))
        return {}
    if len(headers) > MAX_HEADERS:
        problems.add(
            "/headers", "too_many_items", _("At most %(max)s extra headers.") % {"max": MAX_HEADERS}
        )
        return {}
    cleaned: dict[str, str] = {}
    for name, value in headers.items():
        path = f"/headers/{name}"
        if not isinstance(name, str) or not HEADER_NAME_RE.match(name):
            problems.add(path, "invalid_value", _("Not a valid header name."))
            continue
        if name.lower() in RESERVED_HEADERS:
            problems.add(
                path, "invalid_value", _("The header %(name)s cannot be set.") % {"name": name}
            )
            continue
        if SECRET_HEADER_RE.search(name):
            problems.add(
                path,
                "secret_header",
                _(
                    "%(name)s looks like it carries a secret; extra headers are stored in "
                    "clear text. Use authentication type 'header' for API keys and tokens."
                )
                % {"name": name},
            )
            continue
        if not isinstance(value, str):
            problems.add(path, "invalid_type", _("A header value must be text."))
            continue
        if len(value) > MAX_HEADER_VALUE_LENGTH or any(
            (ord(ch) < 32 and ch != "\t") or ord(ch) == 127 for ch in value
        ):
            problems.add(
                path, "invalid_value", _("The value is too long or has control characters.")
            )
            continue
        if SECRET_VALUE_RE.match(value):
            problems.add(
                path,
                "secret_header",
                _("The value of %(name)s looks like a credential; use the authentication settings.")
                % {"name": name},
            )
            continue
        cleaned[name] = value
    return cleaned


# --- Requests -------------------------------------------------------------------------------


def _auth_headers(auth_type: str, credentials: dict[str, str]) -> dict[str, str]:
    if auth_type == AuthType.BEARER:
        return {"Authorization": f"Bearer {credentials['token']}"}
    if auth_type == AuthType.BASIC:
        pair = f"{credentials['username']}:{credentials['password']}".encode()
        return {"Authorization": f"Basic {base64.b64encode(pair).decode('ascii')}"}
    if auth_type == AuthType.HEADER:
        return {credentials["header"]: credentials["value"]}
    return {}


def _request_headers(
    headers: dict[str, str], auth_type: str, credentials: dict[str, str]
) -> dict[str, str]:
    merged = {str(k): str(v) for k, v in (headers or {}).items()}
    auth = _auth_headers(auth_type, credentials)
    # Auth wins over an extra header of the same name, whatever its case.
    auth_lower = {name.lower() for name in auth}
    merged = {k: v for k, v in merged.items() if k.lower() not in auth_lower}
    merged.update(auth)
    return merged


def _stored_credentials(integration: Integration) -> dict[str, str]:
    if not integration.credentials_encrypted:
        return {}
    try:
        return {str(k): str(v) for k, v in decrypt_json(integration.credentials_encrypted).items()}
    except DecryptionError as exc:
        raise IntegrationUnavailable(
            Reason("integration.credentials_unreadable", name=integration.name),
            "credentials_unreadable",
        ) from exc


def integration_url(base_url: str, path: str) -> str:
    """``base_url`` joined with a relative ``path`` (which may carry a query string).

    The result always stays under the base URL: a path cannot name another scheme or host
    (``http://…``, ``//host``), climb out with ``..`` (also percent-encoded), or smuggle in
    a backslash or control character. A leading ``/`` is relative to the base URL, not the
    host's root, so ``/orders`` under ``https://erp.example/api/v2`` is ``…/api/v2/orders``.
    """
    path = path or ""
    if not isinstance(path, str):
        raise outbound.UnsafeURLError(Reason("integration.path_text"), "path_not_allowed")
    if any(ord(ch) < 33 or ord(ch) == 127 or ch == "\\" for ch in path):
        raise outbound.UnsafeURLError(Reason("integration.path_characters"), "path_not_allowed")
    rel = urlsplit(path)
    if rel.scheme or rel.netloc or path.startswith("//"):
        raise outbound.UnsafeURLError(Reason("integration.path_absolute"), "path_not_allowed")
    if rel.fragment or "#" in path:
        raise outbound.UnsafeURLError(Reason("integration.path_fragment"), "path_not_allowed")
    decoded = rel.path
    # Decode until stable so %2e%2e and %252e%252e are judged as what a server may see.
    for _round in range(3):
        once = unquote(decoded)
        if once == decoded:
            break
        decoded = once
    if ".." in decoded.replace("\\", "/").split("/"):
        raise outbound.UnsafeURLError(Reason("integration.path_dots"), "path_not_allowed")
    base = urlsplit(base_url)
    base_path = base.path.rstrip("/")
    rel_path = rel.path.lstrip("/")
    joined_path = f"{base_path}/{rel_path}" if rel_path else (base.path or "/")
    url = urlunsplit((base.scheme, base.netloc, joined_path, rel.query, ""))
    check = urlsplit(url)
    if (check.scheme, check.netloc) != (base.scheme, base.netloc) or not check.path.startswith(
        base_path
    ):
        raise outbound.UnsafeURLError(Reason("integration.path_outside"), "path_not_allowed")
    return url


def _connection_test(
    *, base_url: str, auth_type: str, credentials: dict[str, str], headers: dict[str, str]
) -> TestResult:
    """GET the base URL with the integration's auth. Reachable with accepted credentials is
    success; 404/405 count too, since many APIs serve nothing at their root."""
    started = time.monotonic()
    status: int | None = None
    try:
        response = outbound.safe_request(
            "GET",
            base_url,
            headers=_request_headers(headers, auth_type, credentials),
            timeout_s=CONNECTION_TEST_TIMEOUT_S,
        )
    except outbound.ResponseTooLarge:
        ok, message = True, _("Connected (the answer was larger than the size limit).")
    except outbound.OutboundHTTPError as exc:
        ok, message = False, _("Connection test failed: %(error)s") % {"error": exc.reason.label()}
    else:
        status = response.status
        host = urlsplit(response.url).hostname
        if status in AUTH_FAILURE_STATUSES:
            ok, message = (
                False,
                _("%(host)s rejected the credentials (HTTP %(status)s).")
                % {
                    "host": host,
                    "status": status,
                },
            )
        elif status >= 500:
            ok, message = (
                False,
                _("%(host)s answered with a server error (HTTP %(status)s).")
                % {
                    "host": host,
                    "status": status,
                },
            )
        else:
            ok, message = (
                True,
                _("Connected to %(host)s (HTTP %(status)s).") % {"host": host, "status": status},
            )
    elapsed_ms = int((time.monotonic() - started) * 1000)
    return TestResult(
        ok=ok, message=message, status=status, elapsed_ms=elapsed_ms, tested_at=timezone.now()
    )


def _test_or_refuse(result: TestResult) -> None:
    if not result.ok:
        raise IntegrationValidationError(
            [{"path": "/base_url", "code": "connection_test_failed", "message": result.message}]
        )


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or outbound.ALLOWED_SCHEMES.get(scheme)
    except ValueError:
        port = None
    return (scheme, parts.hostname, port)


# --- Services -------------------------------------------------------------------------------


def integration_create(
    *,
    name: str,
    base_url: str,
    auth_type: str,
    credentials: dict[str, str],
    headers: dict[str, str] | None,
    created_by: AbstractBaseUser | None,
    test_connection: bool = True,
) -> Integration:
    """Validate, test the connection (unless told not to) and save with encrypted
    credentials. Raises ``IntegrationValidationError`` and saves nothing on any problem."""
    problems = _Problems()
    name = _clean_name(name, problems, exclude_pk=None)
    base_url = _clean_base_url(base_url, problems)
    auth_type = _clean_auth_type(auth_type, problems)
    cleaned_credentials = _clean_credentials(auth_type, credentials, problems)
    cleaned_headers = _clean_headers(headers, problems)
    problems.raise_if_any()

    # The network test runs before any transaction is opened: no locks held while waiting.
    result = None
    if test_connection:
        result = _connection_test(
            base_url=base_url,
            auth_type=auth_type,
            credentials=cleaned_credentials,
            headers=cleaned_headers,
        )
        logger.info("integration %r connection test: %s", name, result.message)
        _test_or_refuse(result)

    integration = Integration(
        name=name,
        base_url=base_url,
        auth_type=auth_type,
        credentials_encrypted=encrypt_json(cleaned_credentials) if cleaned_credentials else "",
        headers=cleaned_headers,
        created_by=created_by,
        last_tested_at=result.tested_at if result else None,
        last_test_ok=True if result else None,
    )
    try:
        with transaction.atomic():
            integration.save()
            changes = audit_changes(None, audit_snapshot(integration, AUDITED_FIELDS))
            if cleaned_credentials:
                changes["credentials"] = {"old": None, "new": HIDDEN}
            audit_record(
                action=AuditEvent.Action.CREATE, obj=integration, changes=changes, actor=created_by
            )
    except IntegrityError as exc:  # a concurrent create took the name
        raise IntegrationValidationError(
            [
                {
                    "path": "/name",
                    "code": "duplicate_name",
                    "message": _("An integration named “%(name)s” already exists.")
                    % {"name": name},
                }
            ]
        ) from exc
    return integration


def _kept_credentials(
    integration: Integration, auth_type: str, base_url: str, problems: _Problems
) -> dict[str, str]:
    """The credentials an update that gives none keeps: none for no authentication; the
    stored ones, unless the authentication type changed or the base URL moved to another host
    (then they must be entered again, so that whoever can edit an integration cannot send its
    stored secret to a server of their choosing)."""
    if auth_type != integration.auth_type and auth_type != AuthType.NONE:
        problems.add(
            "/credentials",
            "required",
            _("Changing the authentication type needs the new credentials."),
        )
        return {}
    if auth_type == AuthType.NONE:
        return {}
    if _origin(base_url) != _origin(integration.base_url):
        problems.add(
            "/credentials",
            "required",
            _("The base URL now points to another host: enter the credentials again."),
        )
    if problems.errors:
        return {}
    try:
        return _stored_credentials(integration)
    except IntegrationUnavailable as exc:
        problems.add("/credentials", exc.code, exc.reason.label())
        return {}


def _save_named(integration: Integration) -> None:
    """Save; a name another integration has (a race past the check) is a 400 at /name."""
    try:
        with transaction.atomic():
            integration.save()
    except IntegrityError as exc:
        raise IntegrationValidationError(
            [
                {
                    "path": "/name",
                    "code": "duplicate_name",
                    "message": _("An integration named “%(name)s” already exists.")
                    % {"name": integration.name},
                }
            ]
        ) from exc


def _audit_update(
    integration: Integration, before: dict[str, Any], *, had_credentials: bool, replaced: bool
) -> None:
    changes = audit_changes(before, audit_snapshot(integration, AUDITED_FIELDS))
    # Only that the credentials were replaced or removed: never a value, not even the
    # encrypted one.
    if replaced or (had_credentials and not integration.credentials_encrypted):
        changes["credentials"] = {
            "old": HIDDEN if had_credentials else None,
            "new": HIDDEN if integration.credentials_encrypted else None,
        }
    if changes:
        audit_record(action=AuditEvent.Action.UPDATE, obj=integration, changes=changes)


def integration_update(
    *,
    integration: Integration,
    name: str | Literal[_Unset.UNSET] = UNSET,
    base_url: str | Literal[_Unset.UNSET] = UNSET,
    auth_type: str | Literal[_Unset.UNSET] = UNSET,
    credentials: dict[str, str] | Literal[_Unset.UNSET] = UNSET,
    headers: dict[str, str] | Literal[_Unset.UNSET] | None = UNSET,
    is_active: bool | Literal[_Unset.UNSET] = UNSET,
    test_connection: bool = True,
) -> Integration:
    """Change the given fields (``UNSET`` ones keep their value). Leaving ``credentials``
    unset keeps the stored ones, except when the base URL moves to another host: then they
    must be entered again, so that whoever can edit an integration cannot send its stored
    secret to a server of their choosing. When anything that affects the connection changes,
    the connection is tested first; on failure nothing is saved."""
    problems = _Problems()
    new_name = (
        integration.name
        if name is UNSET
        else _clean_name(name, problems, exclude_pk=integration.pk)
    )
    new_base_url = (
        integration.base_url if base_url is UNSET else _clean_base_url(base_url, problems)
    )
    new_auth_type = (
        integration.auth_type if auth_type is UNSET else _clean_auth_type(auth_type, problems)
    )
    new_headers = (
        dict(integration.headers or {}) if headers is UNSET else _clean_headers(headers, problems)
    )

    credentials_given = credentials is not UNSET
    if credentials is UNSET:
        new_credentials = _kept_credentials(integration, new_auth_type, new_base_url, problems)
    else:
        new_credentials = _clean_credentials(new_auth_type, credentials, problems)
    if is_active is not UNSET and not isinstance(is_active, bool):
        problems.add("/is_active", "invalid_type", "is_active must be true or false.")
    problems.raise_if_any()

    connection_changed = (
        credentials_given
        or new_base_url != integration.base_url
        or new_auth_type != integration.auth_type
        or new_headers != (integration.headers or {})
    )
    result = None
    if test_connection and connection_changed:
        result = _connection_test(
            base_url=new_base_url,
            auth_type=new_auth_type,
            credentials=new_credentials,
            headers=new_headers,
        )
        logger.info("integration %r connection test: %s", new_name, result.message)
        _test_or_refuse(result)

    with transaction.atomic():
        locked = Integration.objects.select_for_update().get(pk=integration.pk)
        before = audit_snapshot(locked, AUDITED_FIELDS)
        had_credentials = bool(locked.credentials_encrypted)
        locked.name = new_name
        locked.base_url = new_base_url
        locked.auth_type = new_auth_type
        locked.headers = new_headers
        if credentials_given or new_auth_type == AuthType.NONE:
            locked.credentials_encrypted = encrypt_json(new_credentials) if new_credentials else ""
        if is_active is not UNSET:
            locked.is_active = is_active
        if result is not None:
            locked.last_tested_at = result.tested_at
            locked.last_test_ok = result.ok
        elif connection_changed:
            # The last test was of another configuration: it says nothing about this one.
            locked.last_tested_at = None
            locked.last_test_ok = None
        _save_named(locked)
        _audit_update(locked, before, had_credentials=had_credentials, replaced=credentials_given)
    return locked


def integration_test(*, integration: Integration) -> TestResult:
    """Test the stored configuration now and record the outcome on the integration."""
    try:
        credentials = _stored_credentials(integration)
    except IntegrationUnavailable as exc:
        result = TestResult(
            ok=False,
            message=exc.reason.label(),
            status=None,
            elapsed_ms=0,
            tested_at=timezone.now(),
        )
    else:
        result = _connection_test(
            base_url=integration.base_url,
            auth_type=integration.auth_type,
            credentials=credentials,
            headers=dict(integration.headers or {}),
        )
    logger.info("integration %r connection test: %s", integration.name, result.message)
    # update() rather than save(): a test must not overwrite a concurrent edit.
    Integration.objects.filter(pk=integration.pk).update(
        last_tested_at=result.tested_at, last_test_ok=result.ok
    )
    integration.last_tested_at = result.tested_at
    integration.last_test_ok = result.ok
    return result


def integration_request(
    *,
    integration: Integration,
    method: str,
    path: str,
    body: Any = None,
    timeout_s: float = 10,
    max_response_bytes: int = 1_000_000,
) -> outbound.SafeResponse:
    """Send one request to ``path`` under the integration's base URL, with its headers and
    credentials. A dict or list body goes as JSON, a string as text. Returns the response
    whatever its status; failures raise ``OutboundHTTPError`` subclasses whose
    ``retryable`` says whether a later attempt may succeed."""
    if not integration.is_active:
        raise IntegrationUnavailable(
            Reason("integration.inactive", name=integration.name), "integration_inactive"
        )
    method = str(method).upper()
    if method not in METHODS:
        raise outbound.OutboundHTTPError(
            Reason("integration.method", method=method, methods=", ".join(METHODS)),
            "invalid_request",
        )
    url = integration_url(integration.base_url, path)
    headers = _request_headers(
        dict(integration.headers or {}), integration.auth_type, _stored_credentials(integration)
    )
    json_body: Any = None
    data: bytes | str | None = None
    if isinstance(body, dict | list):
        json_body = body
    elif isinstance(body, str | bytes):
        data = body
    elif body is not None:
        json_body = body
    return outbound.safe_request(
        method,
        url,
        headers=headers,
        json=json_body,
        data=data,
        timeout_s=timeout_s,
        max_response_bytes=max_response_bytes,
    )


def integration_public_dict(integration: Integration) -> dict[str, Any]:
    """What the API and pages may show: never credentials, only whether there are any."""

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": integration.pk,
        "name": integration.name,
        "base_url": integration.base_url,
        "auth_type": integration.auth_type,
        "has_credentials": bool(integration.credentials_encrypted),
        "headers": dict(integration.headers or {}),
        "is_active": integration.is_active,
        "last_tested_at": iso(integration.last_tested_at),
        "last_test_ok": integration.last_test_ok,
        "created_by": integration.created_by_id,
        "created_at": iso(integration.created_at),
        "updated_at": iso(integration.updated_at),
    }
