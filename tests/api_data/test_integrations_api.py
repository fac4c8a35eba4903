"""Integrations over the API: developers only, connection tested, internal addresses
refused, and no response ever carries a secret."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from audit.models import AuditEvent
from audit.recording import HIDDEN
from automation.models import Integration, WorkflowStep
from tests.api_data.conftest import as_text, error_paths, url
from tests.automation.factories import WorkflowDefinitionFactory
from tests.automation.test_http import LoopbackServer

pytestmark = pytest.mark.django_db

TOKEN = "tok-api-7c1e-very-secret-0042"
PASSWORD = "pw-api-staple-horse-0042"
Api = Callable[[str | None], Any]


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _setup(settings: Any, server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.requests.clear()
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = False
    # Exactly the loopback server's host:port; every other internal address stays refused.
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port]
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple):
            host = str(address[0])
            if not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback:
                pytest.fail(f"the code under test connected to {host}:{address[1]}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


class Recording:
    """A client that keeps every response, so a test can check all of them for secrets."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.responses: list[Any] = []

    def __getattr__(self, method: str) -> Callable[..., Any]:
        call = getattr(self.client, method)

        def record(*args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("format", "json")
            response = call(*args, **kwargs)
            self.responses.append(response)
            return response

        return record

    def assert_no_secrets(self, *secrets: str) -> None:
        assert self.responses
        for response in self.responses:
            text = as_text(response)
            for secret in secrets:
                assert secret not in text, f"{response.request['PATH_INFO']} leaked a secret"


@pytest.fixture
def dev(api: Api) -> Recording:
    return Recording(api("developer"))


def payload(server: LoopbackServer, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "ERP",
        "base_url": server.url("/api/v2"),
        "auth_type": "bearer",
        "credentials": {"token": TOKEN},
        "headers": {"Accept-Language": "nb"},
    }
    data.update(overrides)
    return data


def test_developer_creates_an_integration_after_a_connection_test(
    dev: Recording, server: LoopbackServer, role_users: dict[str, Any]
) -> None:
    response = dev.post(url("integrations"), payload(server))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["has_credentials"] is True
    assert body["last_test_ok"] is True
    assert body["created_by"] == role_users["developer"].pk
    assert "credentials" not in body
    # The connection test reached the server with the token...
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {TOKEN}"
    # ...which is stored encrypted.
    stored = Integration.objects.get(pk=body["id"])
    assert TOKEN not in stored.credentials_encrypted
    dev.assert_no_secrets(TOKEN)


def test_no_response_ever_contains_the_secret(
    dev: Recording, api: Api, server: LoopbackServer
) -> None:
    created = dev.post(
        url("integrations"),
        payload(server, auth_type="basic", credentials={"username": "u", "password": PASSWORD}),
    )
    pk = created.json()["id"]
    dev.get(url("integrations"))
    dev.get(url(f"integrations/{pk}"))
    dev.patch(url(f"integrations/{pk}"), {"name": "ERP 2"})
    dev.patch(url(f"integrations/{pk}"), {"base_url": server.url("/status/500")})  # refused
    dev.put(
        url(f"integrations/{pk}"),
        {
            "name": "ERP 3",
            "base_url": server.url("/api/v3"),
            "auth_type": "bearer",
            "credentials": {"token": TOKEN},
        },
    )
    dev.post(url(f"integrations/{pk}/test"))
    dev.post(url("integrations"), payload(server, name="ERP 3"))  # duplicate name
    dev.post(url("integrations"), payload(server, name="x", base_url=server.url("/status/401")))
    viewer = Recording(api("viewer"))
    viewer.get(url("integrations"))
    viewer.get(url(f"integrations/{pk}"))

    dev.assert_no_secrets(TOKEN, PASSWORD)
    viewer.assert_no_secrets(TOKEN, PASSWORD)
    assert [r.status_code for r in dev.responses] == [201, 200, 200, 200, 400, 200, 200, 400, 400]


def test_business_and_viewer_cannot_create_or_change_integrations(
    api: Api, server: LoopbackServer
) -> None:
    integration = Integration.objects.create(name="Existing", base_url=server.url("/"))

    for role in ("viewer", "business"):
        client = api(role)
        assert client.post(url("integrations"), payload(server), format="json").status_code == 403
        assert (
            client.patch(url(f"integrations/{integration.pk}"), {"name": "x"}, format="json")
        ).status_code == 403
        assert client.post(url(f"integrations/{integration.pk}/test")).status_code == 403
        assert client.delete(url(f"integrations/{integration.pk}")).status_code == 403
        # Reading is allowed: the public view holds no secrets.
        assert client.get(url(f"integrations/{integration.pk}")).status_code == 200
    assert api(None).get(url("integrations")).status_code == 401
    assert Integration.objects.count() == 1
    assert server.requests == []


@pytest.mark.parametrize(
    ("base_url", "named"),
    [
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://2130706433/", "127.0.0.1"),
    ],
)
def test_internal_addresses_are_refused_and_nothing_is_saved(
    dev: Recording, base_url: str, named: str
) -> None:
    response = dev.post(
        url("integrations"),
        {
            "name": "Sneaky",
            "base_url": base_url,
            "auth_type": "bearer",
            "credentials": {"token": TOKEN},
        },
    )

    assert response.status_code == 400
    assert error_paths(response) == {"/base_url": "address_not_allowed"}
    message = response.json()["errors"][0]["message"]
    assert named in message
    assert "Nektet" in message  # in the reader's language: Norwegian unless asked otherwise
    assert not Integration.objects.exists()
    dev.assert_no_secrets(TOKEN)


class _RedirectToMetadata(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_redirect_to_an_internal_address_is_refused(dev: Recording, settings: Any) -> None:
    # A base URL may not carry a query string, so this peer redirects every path.
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _RedirectToMetadata)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host_port = f"127.0.0.1:{httpd.server_address[1]}"
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [host_port]
    try:
        response = dev.post(
            url("integrations"),
            {"name": "Redirecting", "base_url": f"http://{host_port}/api", "auth_type": "none"},
        )
    finally:
        httpd.shutdown()
        httpd.server_close()

    assert response.status_code == 400
    assert error_paths(response) == {"/base_url": "connection_test_failed"}
    assert "169.254.169.254" in response.json()["errors"][0]["message"]
    assert not Integration.objects.exists()


def test_a_failing_connection_test_saves_nothing(dev: Recording, server: LoopbackServer) -> None:
    response = dev.post(url("integrations"), payload(server, base_url=server.url("/status/401")))

    assert response.status_code == 400
    assert error_paths(response) == {"/base_url": "connection_test_failed"}
    assert not Integration.objects.exists()


def test_invalid_fields_are_all_reported(dev: Recording, server: LoopbackServer) -> None:
    response = dev.post(
        url("integrations"),
        {
            "name": "ERP",
            "base_url": server.url("/api"),
            "auth_type": "basic",
            "credentials": {"username": "a:b"},
            "headers": {"X-Api-Key": "k"},
        },
    )

    assert response.status_code == 400
    assert error_paths(response) == {
        "/credentials/username": "invalid_value",
        "/credentials/password": "required",
        "/headers/X-Api-Key": "secret_header",
    }
    assert server.requests == []


def test_test_endpoint_reports_and_records_the_outcome(
    dev: Recording, server: LoopbackServer
) -> None:
    pk = dev.post(url("integrations"), payload(server)).json()["id"]

    response = dev.post(url(f"integrations/{pk}/test"))

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["status"] == 200
    assert Integration.objects.get(pk=pk).last_test_ok is True
    assert dev.post(url("integrations/999999/test")).status_code == 404


def test_update_keeps_credentials_on_the_same_host(dev: Recording, server: LoopbackServer) -> None:
    pk = dev.post(url("integrations"), payload(server)).json()["id"]
    server.requests.clear()

    response = dev.patch(url(f"integrations/{pk}"), {"base_url": server.url("/api/v3")})

    assert response.status_code == 200, response.content
    assert response.json()["base_url"].endswith("/api/v3")
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {TOKEN}"


def test_delete_refused_while_a_step_calls_the_integration(
    dev: Recording, server: LoopbackServer
) -> None:
    used = Integration.objects.create(name="Used", base_url=server.url("/"))
    unused = Integration.objects.create(name="Unused", base_url=server.url("/"))
    WorkflowStep.objects.create(
        workflow=WorkflowDefinitionFactory(),
        step_order=1,
        step_type="call_integration",
        action_config={"integration_id": used.pk, "method": "GET", "path": "/"},
    )

    refused = dev.delete(url(f"integrations/{used.pk}"))
    deleted = dev.delete(url(f"integrations/{unused.pk}"))

    assert refused.status_code == 409
    assert error_paths(refused) == {"": "integration_in_use"}
    assert deleted.status_code == 204
    assert list(Integration.objects.all()) == [used]


def test_the_audit_trail_records_integration_changes_without_any_secret(
    dev: Recording, server: LoopbackServer, role_users: dict[str, Any]
) -> None:
    created = dev.post(
        url("integrations"),
        payload(
            server,
            auth_type="basic",
            credentials={"username": "u", "password": PASSWORD},
        ),
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    first_ciphertext = Integration.objects.get(pk=pk).credentials_encrypted
    replaced = dev.put(
        url(f"integrations/{pk}"),
        {
            "name": "ERP 2",
            "base_url": server.url("/api/v3"),
            "auth_type": "bearer",
            "credentials": {"token": TOKEN},
        },
    )
    second_ciphertext = Integration.objects.get(pk=pk).credentials_encrypted
    assert dev.delete(url(f"integrations/{pk}")).status_code == 204

    events = list(AuditEvent.objects.filter(object_type="automation.integration").order_by("pk"))
    assert [e.action for e in events] == ["create", "update", "delete"]
    assert {e.entry_point for e in events} == {"api"}
    assert {e.actor_id for e in events} == {role_users["developer"].pk}
    assert events[0].changes["credentials"] == {"old": None, "new": HIDDEN}
    assert events[1].changes["credentials"] == {"old": HIDDEN, "new": HIDDEN}
    assert events[1].changes["name"] == {"old": "ERP", "new": "ERP 2"}
    # Every column of every row, as PostgreSQL stores it: no secret, no ciphertext.
    with connection.cursor() as cursor:
        cursor.execute("SELECT row_to_json(e)::text FROM audit_auditevent e")
        table = "\n".join(row[0] for row in cursor.fetchall())
    assert replaced.status_code == 200, replaced.content
    for secret in (TOKEN, PASSWORD, first_ciphertext, second_ciphertext, "gAAAA"):
        assert secret not in table
