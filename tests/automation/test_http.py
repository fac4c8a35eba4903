"""automation.http: the outbound HTTP seam, against a real loopback server.

Every test runs under a socket guard: any connection to an address other than loopback
fails the test at once, so the SSRF refusals are proven to happen BEFORE connecting (and
nothing here ever sends traffic to 10.x or 169.254.x).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from automation import http as outbound

# --- A loopback HTTP server --------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        record = {
            "method": self.command,
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": body.decode("utf-8", errors="replace"),
        }
        self.server.requests.append(record)
        route = parts.path

        if route.startswith("/status/"):
            self._send(int(route.rsplit("/", 1)[1]), b'{"detail": "as asked"}')
        elif route == "/slow":
            time.sleep(float(query.get("s", "3")))
            self._send(200, b"late")
        elif route == "/drip":
            # Headers at once, then one byte at a time, never quite timing out per read.
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
        elif route == "/big":
            size = int(query["n"])
            self._send(200, b"a" * size)
        elif route == "/stream":
            # No Content-Length: the body ends when the connection closes, so only reading
            # can tell how big it is.
            size = int(query["n"])
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.end_headers()
            sent = 0
            try:
                while sent < size:
                    chunk = b"b" * min(65536, size - sent)
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
            self.server.stream_sent = sent
        elif route == "/redirect":
            self._send(int(query.get("code", "302")), headers={"Location": query["to"]})
        elif route.startswith("/chain/"):
            left = int(route.rsplit("/", 1)[1])
            if left == 0:
                self._send(200, b"end of chain")
            else:
                self._send(302, headers={"Location": f"/chain/{left - 1}"})
        else:
            self._send(
                200,
                json.dumps(record).encode(),
                {"Content-Type": "application/json; charset=utf-8"},
            )

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a sleeping handler must not hold up the test run's exit
    requests: list[dict[str, Any]]
    stream_sent: int

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up early (timeouts, size limits) are what these tests provoke.
        pass


class LoopbackServer:
    """A real HTTP server on 127.0.0.1 with an ephemeral port, in a thread."""

    def __init__(self) -> None:
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.requests = []
        self.httpd.stream_sent = 0
        self.port = self.httpd.server_address[1]
        self.host_port = f"127.0.0.1:{self.port}"
        self.base = f"http://{self.host_port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.httpd.requests

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer().start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def other_server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _fresh_requests(server: LoopbackServer, other_server: LoopbackServer) -> None:
    server.requests.clear()
    other_server.requests.clear()


@pytest.fixture
def allow_server(settings: Any, server: LoopbackServer) -> LoopbackServer:
    """Open exactly the test server's host:port; every other loopback port stays refused."""
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = False
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port]
    return server


class SocketGuard:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []


@pytest.fixture(autouse=True)
def socket_guard(monkeypatch: pytest.MonkeyPatch, settings: Any) -> SocketGuard:
    """Record every outgoing connection; fail the test on any non-loopback one."""
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = False
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = []
    guard = SocketGuard()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def check(address: Any) -> None:
        if isinstance(address, tuple):
            host, port = str(address[0]), int(address[1])
            guard.calls.append((host, port))
            if not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback:
                pytest.fail(f"the code under test connected to {host}:{port}")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        check(address)
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    return guard


# --- The SSRF table: refused before any connection ------------------------------------------


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://2130706433/", "127.0.0.1"),
        ("http://0x7f000001/", "127.0.0.1"),
        ("http://017700000001/", "127.0.0.1"),
        ("http://127.1/", "127.0.0.1"),
        ("http://localhost/", "localhost"),
        ("http://172.16.5.4:8080/", "172.16.5.4"),
        ("http://192.168.1.1/", "192.168.1.1"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("http://0.0.0.0/", "0.0.0.0"),
        ("http://224.0.0.1/", "224.0.0.1"),
        ("http://240.0.0.1/", "240.0.0.1"),
        ("http://169.254.10.10/", "169.254.10.10"),
        ("http://[fe80::1]/", "fe80::1"),
        ("http://[fd00:ec2::254]/", "fd00:ec2::254"),
        ("http://[fc00::5]/", "fc00::5"),
        ("http://[::ffff:127.0.0.1]/", "127.0.0.1"),
        ("http://[::ffff:169.254.169.254]/", "169.254.169.254"),
        ("http://[::ffff:10.0.0.1]/", "10.0.0.1"),
        ("https://127.0.0.1:8443/", "127.0.0.1"),
    ],
)
def test_internal_addresses_are_refused_before_connecting(
    url: str, named: str, socket_guard: SocketGuard
) -> None:
    with pytest.raises(outbound.UnsafeURLError) as caught:
        outbound.safe_request("GET", url, timeout_s=2)

    error = caught.value
    assert error.code == "address_not_allowed"
    assert error.retryable is False
    assert named in str(error)  # the user is told which address
    assert "Refused to connect" in str(error)
    assert socket_guard.calls == []


def test_metadata_address_is_named_as_such() -> None:
    with pytest.raises(outbound.UnsafeURLError, match="cloud metadata"):
        outbound.safe_request("GET", "http://169.254.169.254/latest/meta-data")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("file:///etc/passwd", "scheme_not_allowed"),
        ("ftp://example.com/", "scheme_not_allowed"),
        ("gopher://127.0.0.1:6379/_INFO", "scheme_not_allowed"),
        ("javascript:alert(1)", "scheme_not_allowed"),
        ("//example.com/", "scheme_not_allowed"),
        ("http:///path-only", "invalid_url"),
        ("http://example.com:99999/", "invalid_url"),
        ("http://exa mple.com/", "invalid_url"),
        ("http://example.com/\r\nHost: evil", "invalid_url"),
        ("", "invalid_url"),
    ],
)
def test_malformed_and_non_http_urls_are_refused(
    url: str, code: str, socket_guard: SocketGuard
) -> None:
    with pytest.raises(outbound.UnsafeURLError) as caught:
        outbound.safe_request("GET", url)
    assert caught.value.code == code
    assert socket_guard.calls == []


def test_userinfo_is_refused_without_echoing_the_password(socket_guard: SocketGuard) -> None:
    with pytest.raises(outbound.UnsafeURLError) as caught:
        outbound.safe_request("GET", "http://admin:hunter2@example.com/")
    assert caught.value.code == "userinfo_not_allowed"
    assert "hunter2" not in str(caught.value)
    assert socket_guard.calls == []


def test_a_name_with_any_private_address_is_refused(
    monkeypatch: pytest.MonkeyPatch, socket_guard: SocketGuard
) -> None:
    def fake_getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        assert host == "mixed.example"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(outbound.UnsafeURLError, match=r"mixed\.example \(10\.1\.2\.3\)"):
        outbound.safe_request("GET", "https://mixed.example/api")
    assert socket_guard.calls == []


def test_unresolvable_name_is_a_retryable_connection_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(outbound.OutboundConnectionError) as caught:
        outbound.safe_request("GET", "https://nowhere.invalid/")
    assert caught.value.code == "dns_error"
    assert caught.value.retryable is True


# --- Redirects are checked hop by hop -------------------------------------------------------


def test_redirect_to_metadata_is_refused_at_the_redirect(
    allow_server: LoopbackServer, socket_guard: SocketGuard
) -> None:
    url = allow_server.url("/redirect?to=http://169.254.169.254/latest/meta-data")
    with pytest.raises(outbound.UnsafeURLError, match=r"169\.254\.169\.254"):
        outbound.safe_request("GET", url)
    # Only the allowed first hop was contacted.
    assert socket_guard.calls == [("127.0.0.1", allow_server.port)]


def test_redirect_to_another_loopback_port_is_refused(
    allow_server: LoopbackServer, other_server: LoopbackServer, socket_guard: SocketGuard
) -> None:
    target = other_server.url("/echo")
    with pytest.raises(outbound.UnsafeURLError, match="loopback"):
        outbound.safe_request("GET", allow_server.url(f"/redirect?to={target}&code=307"))
    assert other_server.requests == []
    assert socket_guard.calls == [("127.0.0.1", allow_server.port)]


def test_redirect_chain_within_the_limit_is_followed(allow_server: LoopbackServer) -> None:
    response = outbound.safe_request("GET", allow_server.url("/chain/3"), max_redirects=3)
    assert response.status == 200
    assert response.text == "end of chain"
    assert response.url == allow_server.url("/chain/0")
    assert len(response.redirects) == 3


def test_too_many_redirects_stop(allow_server: LoopbackServer) -> None:
    with pytest.raises(outbound.TooManyRedirects) as caught:
        outbound.safe_request("GET", allow_server.url("/chain/5"), max_redirects=3)
    assert caught.value.retryable is False
    assert len(allow_server.requests) == 4  # the first request and three redirects


def test_see_other_after_post_continues_as_get_without_body(
    allow_server: LoopbackServer,
) -> None:
    url = allow_server.url(f"/redirect?code=303&to={allow_server.url('/echo')}")
    response = outbound.safe_request("POST", url, json={"a": 1})
    assert response.json()["method"] == "GET"
    assert response.json()["body"] == ""


def test_cross_origin_redirect_drops_credentials(
    settings: Any, server: LoopbackServer, other_server: LoopbackServer
) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port, other_server.host_port]
    url = server.url(f"/redirect?to={other_server.url('/echo')}")
    response = outbound.safe_request(
        "GET", url, headers={"Authorization": "Bearer s3cret", "X-Api-Key": "k3y"}
    )
    seen = response.json()["headers"]
    assert "authorization" not in seen
    assert "x-api-key" not in seen
    assert seen["user-agent"] == outbound.USER_AGENT
    # The first, same-origin hop did get them.
    assert server.requests[0]["headers"]["authorization"] == "Bearer s3cret"


def test_same_origin_redirect_keeps_credentials(allow_server: LoopbackServer) -> None:
    url = allow_server.url(f"/redirect?to={allow_server.url('/echo')}")
    response = outbound.safe_request("GET", url, headers={"Authorization": "Bearer s3cret"})
    assert response.json()["headers"]["authorization"] == "Bearer s3cret"


# --- Ordinary requests ----------------------------------------------------------------------


def test_get_returns_status_headers_body_and_json(allow_server: LoopbackServer) -> None:
    response = outbound.safe_request("GET", allow_server.url("/echo?x=1"))
    assert response.status == 200
    assert response.ok
    assert response.headers["content-type"].startswith("application/json")
    assert response.url == allow_server.url("/echo?x=1")
    data = response.json()
    assert data["path"] == "/echo?x=1"
    assert data["headers"]["host"] == allow_server.host_port
    assert data["headers"]["accept-encoding"] == "identity"
    assert json.loads(response.text) == data


def test_post_sends_json_body(allow_server: LoopbackServer) -> None:
    response = outbound.safe_request(
        "post", allow_server.url("/echo"), json={"order": 42, "name": "Kaffe"}
    )
    data = response.json()
    assert data["method"] == "POST"
    assert json.loads(data["body"]) == {"order": 42, "name": "Kaffe"}
    assert data["headers"]["content-type"] == "application/json"


@pytest.mark.parametrize(("status", "retryable"), [(404, False), (400, False), (503, True)])
def test_error_statuses_are_returned_and_classified(
    allow_server: LoopbackServer, status: int, retryable: bool
) -> None:
    response = outbound.safe_request("GET", allow_server.url(f"/status/{status}"))
    assert response.status == status
    assert response.retryable is retryable
    with pytest.raises(outbound.HTTPStatusError) as caught:
        response.raise_for_status()
    assert caught.value.retryable is retryable
    assert caught.value.status == status


def test_slow_server_times_out(allow_server: LoopbackServer) -> None:
    started = time.monotonic()
    with pytest.raises(outbound.OutboundTimeout) as caught:
        outbound.safe_request("GET", allow_server.url("/slow?s=3"), timeout_s=0.5)
    assert time.monotonic() - started < 2
    assert caught.value.retryable is True
    assert caught.value.code == "timeout"


def test_a_dripping_server_cannot_outlast_the_total_deadline(
    allow_server: LoopbackServer,
) -> None:
    # Each byte arrives well within the timeout; only a deadline for the whole call stops it.
    started = time.monotonic()
    with pytest.raises(outbound.OutboundTimeout):
        outbound.safe_request("GET", allow_server.url("/drip"), timeout_s=1.0)
    assert time.monotonic() - started < 3


def test_response_declared_too_large_is_refused(allow_server: LoopbackServer) -> None:
    with pytest.raises(outbound.ResponseTooLarge) as caught:
        outbound.safe_request(
            "GET", allow_server.url("/big?n=2000000"), max_response_bytes=1_000_000
        )
    assert caught.value.retryable is False


def test_streamed_response_is_cut_off_at_the_limit(allow_server: LoopbackServer) -> None:
    with pytest.raises(outbound.ResponseTooLarge):
        outbound.safe_request(
            "GET", allow_server.url("/stream?n=50000000"), max_response_bytes=100_000
        )


def test_response_at_the_limit_is_accepted(allow_server: LoopbackServer) -> None:
    response = outbound.safe_request(
        "GET", allow_server.url("/stream?n=100000"), max_response_bytes=100_000
    )
    assert len(response.body) == 100_000


def test_refused_connection_is_retryable(settings: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{closed_port}"]
    with pytest.raises(outbound.OutboundConnectionError) as caught:
        outbound.safe_request("GET", f"http://127.0.0.1:{closed_port}/", timeout_s=2)
    assert caught.value.retryable is True
    assert f"127.0.0.1:{closed_port}" in str(caught.value)


def test_header_injection_is_refused_without_echoing_the_value(
    allow_server: LoopbackServer,
) -> None:
    with pytest.raises(outbound.OutboundHTTPError) as caught:
        outbound.safe_request(
            "GET", allow_server.url("/echo"), headers={"X-Note": "s3cret\r\nX-Evil: 1"}
        )
    assert caught.value.code == "invalid_request"
    assert "s3cret" not in str(caught.value)
    assert caught.value.__cause__ is None  # tracebacks must not carry the value either
    assert allow_server.requests == []


# --- The allow-list -------------------------------------------------------------------------


def test_allow_list_matches_the_exact_host_and_port(settings: Any, server: LoopbackServer) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port]
    # Same address, other spelling: not the allow-listed host.
    with pytest.raises(outbound.UnsafeURLError):
        outbound.safe_request("GET", f"http://localhost:{server.port}/echo")
    with pytest.raises(outbound.UnsafeURLError):
        outbound.safe_request("GET", f"http://[::ffff:127.0.0.1]:{server.port}/echo")


def test_allow_list_never_opens_metadata(settings: Any, socket_guard: SocketGuard) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = ["169.254.169.254", "169.254.169.254:80"]
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = True
    with pytest.raises(outbound.UnsafeURLError, match="metadata"):
        outbound.safe_request("GET", "http://169.254.169.254/latest/meta-data")
    assert socket_guard.calls == []


def test_allow_private_opens_loopback_but_not_link_local(
    settings: Any, server: LoopbackServer, socket_guard: SocketGuard
) -> None:
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = True
    assert outbound.safe_request("GET", server.url("/echo")).status == 200
    for url in ("http://169.254.1.1/", "http://[fe80::1]/", "http://0.0.0.0/"):
        with pytest.raises(outbound.UnsafeURLError):
            outbound.safe_request("GET", url)
    assert socket_guard.calls == [("127.0.0.1", server.port)]


def test_connection_goes_to_the_checked_address_not_a_new_lookup(
    settings: Any, monkeypatch: pytest.MonkeyPatch, server: LoopbackServer
) -> None:
    """DNS rebinding: the first answer is checked; a later answer (here: metadata) must not
    be what we connect to. The Host header keeps the name."""
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = True
    answers = iter(["127.0.0.1"])
    lookups: list[str] = []

    def rebinding_getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        lookups.append(host)
        address = next(answers, "169.254.169.254")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    response = outbound.safe_request("GET", f"http://api.rebind.test:{server.port}/echo")
    assert response.status == 200
    assert response.json()["headers"]["host"] == f"api.rebind.test:{server.port}"
    assert lookups == ["api.rebind.test"]


# --- HTTPS: pinned address, but the certificate is checked against the name -----------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LoopbackServer, str]]:
    """The loopback server behind TLS with a self-signed certificate for api.pinned.test."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "api.pinned.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("api.pinned.test")]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    srv = LoopbackServer()
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    srv.httpd.socket = server_context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.start()
    yield srv, str(cert_file)
    srv.stop()


@pytest.fixture
def trust_test_ca(
    monkeypatch: pytest.MonkeyPatch, tls_server: tuple[LoopbackServer, str]
) -> LoopbackServer:
    srv, cert_file = tls_server
    real = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda: real(cafile=cert_file))

    def resolve_test_name(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        assert host == "api.pinned.test"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve_test_name)
    return srv


def test_https_to_the_pinned_address_verifies_the_name(
    settings: Any, trust_test_ca: LoopbackServer
) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [f"api.pinned.test:{trust_test_ca.port}"]
    response = outbound.safe_request("GET", f"https://api.pinned.test:{trust_test_ca.port}/echo")
    assert response.status == 200
    assert response.json()["headers"]["host"] == f"api.pinned.test:{trust_test_ca.port}"


def test_https_certificate_for_another_name_is_refused(
    settings: Any, trust_test_ca: LoopbackServer
) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [trust_test_ca.host_port]
    with pytest.raises(outbound.OutboundHTTPError) as caught:
        outbound.safe_request("GET", f"https://{trust_test_ca.host_port}/echo")
    assert caught.value.code == "tls_error"
    assert caught.value.retryable is False
