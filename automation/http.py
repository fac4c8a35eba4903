"""The one module that sends HTTP requests to addresses users configure (integrations).

Everything that calls out to a user-supplied URL goes through ``safe_request``; tests mock
this one seam (or, better, point it at a loopback server through the allow-list below).

Why it exists: an integration's URL is chosen by a user, but the request is sent from inside
our network. Without care, "https://my-erp.example/api" could be 169.254.169.254 (the cloud
metadata service, which hands out credentials), 127.0.0.1:6379 (our Redis) or a 10.x admin
panel. So before every connection, and again for every redirect:

1. the URL must be http(s), carry no user name or password, and name a host;
2. the host is resolved (``getaddrinfo``: numeric tricks such as ``2130706433``,
   ``0x7f000001``, ``017700000001`` and ``127.1`` come out as the address they really mean),
   and EVERY address it resolves to must be public: one private answer refuses the URL;
3. the connection goes to the address that was checked, never to a fresh lookup of the name
   (a DNS answer that changes between check and connect, "DNS rebinding", cannot move us),
   while the Host header and TLS SNI/certificate check keep using the name;
4. redirects are followed here, by hand, and each Location goes through 1-3 again.

Responses are read with a total deadline and a size cap. Proxies from the environment are
deliberately not used: a proxy would resolve the name itself, after our check.

The allow-list (settings, both off by default):

- ``OUTBOUND_HTTP_ALLOWED_HOSTS``: exact ``host`` or ``host:port`` entries whose address is
  not checked. Tests use it to reach a loopback test server on one port while every other
  loopback port stays refused (so "redirect to 127.0.0.1:<other port>" can be tested), and an
  on-premises installation can name the one internal system it integrates with.
- ``OUTBOUND_HTTP_ALLOW_PRIVATE``: allow loopback and private networks (10/8, 172.16/12,
  192.168/16, 100.64/10, fc00::/7) for installations whose integrations all live on the
  local network.

Neither ever opens cloud metadata endpoints, link-local, unspecified, multicast or reserved
addresses, which no integration legitimately needs.
"""

from __future__ import annotations

import functools
import http.client
import io
import ipaddress
import json as jsonlib
import logging
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from core.reasons import Reason, ReasonError

__all__ = [
    "HTTPStatusError",
    "OutboundConnectionError",
    "OutboundHTTPError",
    "OutboundTimeout",
    "ResolvedURL",
    "ResponseTooLarge",
    "SafeResponse",
    "TooManyRedirects",
    "UnsafeURLError",
    "check_url",
    "safe_request",
]

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = {"http": 80, "https": 443}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# Headers that may follow a redirect to another origin; anything else (Authorization, an API
# key header, cookies) could hand the credentials of one site to another.
CROSS_ORIGIN_SAFE_HEADERS = {"accept", "accept-language", "content-type", "user-agent"}
USER_AGENT = "workflow-automation/1.0"
CHUNK_SIZE = 64 * 1024

# Always refused, whatever the allow-list says: these hand out cloud credentials.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, DigitalOcean, OpenStack
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task credentials
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("192.0.0.192"),  # Oracle Cloud
}
# Networks the ipaddress module (as of 3.11) does not flag as private but that are not
# reachable on the public internet either.
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
IETF_PROTOCOL_ASSIGNMENTS = ipaddress.ip_network("192.0.0.0/24")
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


# --- Errors ---------------------------------------------------------------------------------


class OutboundHTTPError(ReasonError):
    """Any failure of an outbound request. ``retryable`` tells the engine whether trying again
    later may succeed; ``code`` is stable for clients. Messages name hosts and addresses but
    never headers, bodies or query strings, which may carry secrets.

    ``reason`` is what the engine stores in an execution's error (``core.reasons``; shown
    with ``reason.label()`` in the reader's language); ``message`` is its English text."""

    code = "outbound_http_error"
    retryable = False

    def __init__(self, reason: Reason | str, code: str | None = None) -> None:
        super().__init__(reason)
        self.message = self.reason.text
        if code is not None:
            self.code = code


class UnsafeURLError(OutboundHTTPError):
    """The URL is refused before any connection is made."""

    code = "unsafe_url"


class OutboundTimeout(OutboundHTTPError):
    code = "timeout"
    retryable = True


class OutboundConnectionError(OutboundHTTPError):
    code = "connection_error"
    retryable = True


class ResponseTooLarge(OutboundHTTPError):
    # The same request will produce the same large answer.
    code = "response_too_large"


class TooManyRedirects(OutboundHTTPError):
    code = "too_many_redirects"


class HTTPStatusError(OutboundHTTPError):
    """Raised by ``SafeResponse.raise_for_status``. 5xx, 408 and 429 are worth retrying; any
    other 4xx means the request itself is wrong and will fail again."""

    code = "http_status"

    def __init__(self, reason: Reason | str, *, status: int) -> None:
        super().__init__(reason)
        self.status = status
        self.retryable = status >= 500 or status in (408, 429)


# --- Response -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SafeResponse:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    url: str  # the final URL, after redirects
    redirects: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        return self.status >= 500 or self.status in (408, 429)

    @property
    def encoding(self) -> str:
        content_type = self.headers.get("content-type", "")
        for part in content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"'")
        return "utf-8"

    @property
    def text(self) -> str:
        try:
            return self.body.decode(self.encoding, errors="replace")
        except LookupError:  # an unknown charset name from the server
            return self.body.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return jsonlib.loads(self.body)

    def raise_for_status(self) -> SafeResponse:
        if self.status >= 400:
            host = urlsplit(self.url).hostname or ""
            raise HTTPStatusError(
                Reason("http.status", host=host, status=self.status), status=self.status
            )
        return self


# --- URL and address checks -----------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedURL:
    scheme: str
    host: str  # as it goes into the Host header and SNI (IDNA-encoded, no brackets)
    port: int
    addresses: tuple[IPAddress, ...]  # every address the host resolved to, all checked

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it is one of the IPv4-in-IPv6 forms
    a host or a gateway would translate (so ::ffff:127.0.0.1 is judged as 127.0.0.1)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in NAT64_PREFIX or (ip in IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


_LOOPBACK = Reason("http.address.loopback")
_SHARED = Reason("http.address.shared")
_PRIVATE = Reason("http.address.private")


def _refusal(ip: IPAddress, *, allow_private: bool) -> Reason | None:
    """Why ``ip`` must not be contacted, or None if it may be."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(str(ip).split("%", 1)[0])
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            reason = _refusal(embedded, allow_private=allow_private)
            return Reason("http.address.embedded", reason=reason) if reason else None
    if ip in METADATA_ADDRESSES:
        return Reason("http.address.metadata")
    if ip.is_unspecified:
        return Reason("http.address.unspecified")
    if ip.is_link_local:
        return Reason("http.address.link_local")
    if ip.is_multicast:
        return Reason("http.address.multicast")
    if ip.is_loopback:
        return None if allow_private else _LOOPBACK
    if isinstance(ip, ipaddress.IPv4Address) and ip in SHARED_ADDRESS_SPACE:
        return None if allow_private else _SHARED
    if ip.is_reserved or (
        isinstance(ip, ipaddress.IPv4Address) and ip in IETF_PROTOCOL_ASSIGNMENTS
    ):
        return Reason("http.address.reserved")
    if ip.is_private:
        return None if allow_private else _PRIVATE
    if not ip.is_global:
        return Reason("http.address.not_global")
    return None


def _host_allow_listed(host: str, port: int) -> bool:
    entries = getattr(settings, "OUTBOUND_HTTP_ALLOWED_HOSTS", None) or []
    bracketed = f"[{host}]" if ":" in host else host
    candidates = {host, bracketed, f"{bracketed}:{port}"}
    return any(str(entry).strip().lower() in candidates for entry in entries)


def _literal_address(host: str) -> IPAddress | None:
    """The address a numeric host means, without a DNS query. Besides the standard forms this
    accepts what inet_aton accepts (2130706433, 0x7f000001, 017700000001, 127.1), because
    that is what the resolver would turn them into."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host[-1:].isdigit() or host.lower().startswith("0x"):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _resolve(host: str, port: int) -> tuple[IPAddress, ...]:
    literal = _literal_address(host)
    if literal is not None:
        return (literal,)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OutboundConnectionError(
            Reason("http.dns_unresolved", host=host), "dns_error"
        ) from exc
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise OutboundConnectionError(Reason("http.dns_no_address", host=host), "dns_error")
    return tuple(addresses)


def check_url(url: str) -> ResolvedURL:
    """Check ``url`` and resolve its host; raise ``UnsafeURLError`` if it may not be contacted.

    Services call this to validate a URL a user typed (e.g. an integration's base URL) before
    saving it; ``safe_request`` calls it for every hop.
    """
    if not isinstance(url, str) or not url.strip():
        raise UnsafeURLError(Reason("http.url_empty"), "invalid_url")
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in url.strip()):
        raise UnsafeURLError(Reason("http.url_spaces"), "invalid_url")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(Reason("http.url_invalid"), "invalid_url") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURLError(
            Reason("http.scheme", scheme=scheme or Reason("http.no_scheme")),
            "scheme_not_allowed",
        )
    if "@" in parts.netloc:
        # Never echo the userinfo: it is a password.
        raise UnsafeURLError(Reason("http.userinfo"), "userinfo_not_allowed")
    raw_host = parts.hostname
    if not raw_host:
        raise UnsafeURLError(Reason("http.no_host"), "invalid_url")
    if ":" in raw_host:  # an IPv6 literal (urlsplit has removed the brackets)
        host = raw_host.lower()
    else:
        try:
            # One spelling for the allow-list, the Host header and SNI.
            host = raw_host.rstrip(".").encode("idna").decode("ascii").lower()
        except UnicodeError as exc:
            raise UnsafeURLError(Reason("http.host_invalid", host=raw_host), "invalid_url") from exc
    if not host:
        raise UnsafeURLError(Reason("http.no_host"), "invalid_url")
    port = port if port is not None else ALLOWED_SCHEMES[scheme]

    addresses = _resolve(host, port)
    if not _host_allow_listed(host, port):
        allow_private = bool(getattr(settings, "OUTBOUND_HTTP_ALLOW_PRIVATE", False))
        for ip in addresses:
            reason = _refusal(ip, allow_private=allow_private)
            if reason:
                shown = host if str(ip) == host else f"{host} ({ip})"
                raise UnsafeURLError(
                    Reason("http.refused", host=shown, reason=reason), "address_not_allowed"
                )
    else:
        # Metadata endpoints stay closed even for an allow-listed name.
        for ip in addresses:
            if ip in METADATA_ADDRESSES or (
                isinstance(ip, ipaddress.IPv6Address) and _embedded_ipv4(ip) in METADATA_ADDRESSES
            ):
                raise UnsafeURLError(
                    Reason("http.refused_metadata", host=host, ip=str(ip)), "address_not_allowed"
                )
    return ResolvedURL(scheme=scheme, host=host, port=port, addresses=addresses)


# --- Connections pinned to the checked address ----------------------------------------------


class _DeadlineReader(socket.SocketIO):
    """Socket reads that share one deadline. A per-read timeout alone lets a server that
    drips one byte every few seconds hold a worker for ever."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__(sock, "rb")
        self._deadline = deadline

    def readinto(self, buffer: Any) -> int | None:
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline reached")
        self._sock.settimeout(remaining)
        return super().readinto(buffer)


class _DeadlineSocket:
    """Just enough of a socket for ``HTTPResponse``, which only calls ``makefile``."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        # Like socket.makefile: the reader holds a reference, so the socket stays open
        # until the response is read even though http.client closes the connection object
        # as soon as it sees "Connection: close".
        self._sock._io_refs += 1  # type: ignore[attr-defined]
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(_DeadlineSocket(sock, deadline), *args, **kwargs)  # type: ignore[arg-type]


def _connect(addresses: tuple[IPAddress, ...], port: int, deadline: float) -> socket.socket:
    """Connect to the first checked address that answers."""
    last_error: OSError | None = None
    for ip in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline reached")
        # Not socket.create_connection: it would pass the address through getaddrinfo
        # again, and the address we checked is the one we connect to, nothing else.
        family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(remaining)
            sock.connect((str(ip), port))
        except TimeoutError:
            sock.close()
            raise
        except OSError as exc:
            sock.close()
            last_error = exc
        else:
            return sock
    assert last_error is not None
    raise last_error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: ResolvedURL, deadline: float) -> None:
        super().__init__(target.host, target.port, timeout=max(deadline - time.monotonic(), 0.001))
        self._target = target
        self.response_class = functools.partial(_DeadlineResponse, deadline=deadline)  # type: ignore[assignment]
        self._deadline = deadline

    def connect(self) -> None:
        self.sock = _connect(self._target.addresses, self._target.port, self._deadline)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: ResolvedURL, deadline: float) -> None:
        super().__init__(
            target.host,
            target.port,
            timeout=max(deadline - time.monotonic(), 0.001),
            context=ssl.create_default_context(),
        )
        self._target = target
        self.response_class = functools.partial(_DeadlineResponse, deadline=deadline)  # type: ignore[assignment]
        self._deadline = deadline

    def connect(self) -> None:
        sock = _connect(self._target.addresses, self._target.port, self._deadline)
        sock.settimeout(max(self._deadline - time.monotonic(), 0.001))
        # SNI and the certificate check use the name, not the pinned address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self._target.host)


# --- The request ----------------------------------------------------------------------------


def _target_path(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def _one_request(
    target: ResolvedURL,
    url: str,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    deadline: float,
    max_response_bytes: int,
) -> tuple[int, dict[str, str], bytes]:
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, deadline)
    where = f"{target.host}:{target.port}"
    try:
        try:
            connection.request(method, _target_path(url), body=body, headers=headers)
            response = connection.getresponse()
        except ssl.SSLError:
            raise  # SSLCertVerificationError is a ValueError too; handled below
        except ValueError:
            # http.client refuses header values with CR/LF: a caller bug, not a network error.
            # Not chained: its message quotes the value, which may be a credential.
            raise OutboundHTTPError(Reason("http.invalid_header"), "invalid_request") from None
        response_headers = {name.lower(): value for name, value in response.getheaders()}
        if response.status in REDIRECT_STATUSES:
            # The body of a redirect is never used; don't spend time or memory on it.
            return response.status, response_headers, b""
        declared = response_headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_response_bytes:
            raise ResponseTooLarge(
                Reason("http.too_large", where=where, size=int(declared), limit=max_response_bytes)
            )
        chunks: list[bytes] = []
        received = 0
        while True:
            chunk = response.read(CHUNK_SIZE)
            if not chunk:
                break
            received += len(chunk)
            if received > max_response_bytes:
                raise ResponseTooLarge(
                    Reason("http.too_large_streamed", where=where, limit=max_response_bytes)
                )
            chunks.append(chunk)
        return response.status, response_headers, b"".join(chunks)
    except TimeoutError as exc:
        raise OutboundTimeout(Reason("http.timeout", where=where)) from exc
    except ssl.SSLCertVerificationError as exc:
        # Retrying will not fix a certificate.
        raise OutboundHTTPError(
            Reason("http.tls", host=target.host, detail=exc.verify_message), "tls_error"
        ) from exc
    except (OSError, http.client.HTTPException) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise OutboundConnectionError(
            Reason("http.connection", where=where, detail=detail)
        ) from exc
    finally:
        connection.close()


def _encode_body(json: Any, data: bytes | str | None, headers: dict[str, str]) -> bytes | None:
    if json is not None and data is not None:
        raise ValueError("Give json or data, not both.")
    if json is not None:
        headers.setdefault("content-type", "application/json")
        return jsonlib.dumps(json, separators=(",", ":"), default=str).encode("utf-8")
    if isinstance(data, str):
        headers.setdefault("content-type", "text/plain; charset=utf-8")
        return data.encode("utf-8")
    return data


def safe_request(
    method: str,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    json: Any = None,
    data: bytes | str | None = None,
    timeout_s: float = 10.0,
    max_response_bytes: int = 1_000_000,
    max_redirects: int = 3,
) -> SafeResponse:
    """Send one HTTP request to a user-supplied URL, safely (see the module docstring).

    ``timeout_s`` bounds the whole call: connecting, sending, waiting and reading, across
    all redirects. Responses of any status are returned; call ``raise_for_status`` to turn
    4xx/5xx into ``HTTPStatusError``. Raises ``UnsafeURLError`` before any connection when a
    hop's address is not allowed, and ``OutboundTimeout``, ``OutboundConnectionError``,
    ``ResponseTooLarge`` or ``TooManyRedirects`` otherwise.
    """
    method = method.upper()
    deadline = time.monotonic() + timeout_s
    request_headers: dict[str, str] = {
        "user-agent": USER_AGENT,
        "accept": "application/json, */*;q=0.5",
        # We read the body as it comes; compressed answers would dodge the size limit.
        "accept-encoding": "identity",
        "connection": "close",
    }
    request_headers.update({str(k).lower(): str(v) for k, v in (headers or {}).items()})
    body = _encode_body(json, data, request_headers)

    redirects: list[str] = []
    current_url = url
    previous: ResolvedURL | None = None
    while True:
        target = check_url(current_url)
        if previous is not None and target.origin != previous.origin:
            request_headers = {
                k: v for k, v in request_headers.items() if k in CROSS_ORIGIN_SAFE_HEADERS
            }
            request_headers.update({"accept-encoding": "identity", "connection": "close"})
        status, response_headers, response_body = _one_request(
            target, current_url, method, request_headers, body, deadline, max_response_bytes
        )
        location = response_headers.get("location")
        if status not in REDIRECT_STATUSES or not location:
            logger.info(
                "outbound %s %s:%s -> %s (%d bytes, %d redirects)",
                method,
                target.host,
                target.port,
                status,
                len(response_body),
                len(redirects),
            )
            return SafeResponse(
                status=status,
                headers=response_headers,
                body=response_body,
                url=current_url,
                redirects=tuple(redirects),
            )
        if len(redirects) >= max_redirects:
            raise TooManyRedirects(Reason("http.redirects", host=target.host, max=max_redirects))
        redirects.append(current_url)
        current_url = urljoin(current_url, location.strip())
        # Browsers' rules: 303 always, and 301/302 after a POST, continue as a GET.
        if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
            method = "GET"
            body = None
            request_headers.pop("content-type", None)
        previous = target
