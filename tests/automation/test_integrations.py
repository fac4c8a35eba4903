"""Integrations: validation, connection tests, encrypted credentials, key rotation and
requests, against a real loopback HTTP server (the test server from test_http)."""

from __future__ import annotations

import base64
import ipaddress
import json
import logging
import os
import socket
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from automation import crypto
from automation import http as outbound
from automation.integrations import (
    IntegrationUnavailable,
    IntegrationValidationError,
    integration_create,
    integration_public_dict,
    integration_request,
    integration_test,
    integration_update,
    integration_url,
)
from automation.models import Integration
from tests.automation.test_http import LoopbackServer

pytestmark = pytest.mark.django_db

TOKEN = "tok-3f9a-very-secret-0001"
PASSWORD = "pw-correct-horse-battery"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """These tests read the messages in English (the reader's language decides)."""
    with translation.override("en"):
        yield


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
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port]

    # Nothing in these tests may leave the machine; a refused URL must not even connect.
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if isinstance(address, tuple):
            host = str(address[0])
            if not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback:
                pytest.fail(f"the code under test connected to {host}:{address[1]}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture
def user() -> Any:
    return get_user_model().objects.create_user(username="dev", password="x-unused-x")


def create(server: LoopbackServer, **overrides: Any) -> Integration:
    kwargs: dict[str, Any] = {
        "name": "ERP",
        "base_url": server.url("/api/v2"),
        "auth_type": "bearer",
        "credentials": {"token": TOKEN},
        "headers": {"Accept-Language": "nb"},
        "created_by": None,
    }
    kwargs.update(overrides)
    return integration_create(**kwargs)


def error_codes(exc: IntegrationValidationError) -> dict[str, str]:
    return {e["path"]: e["code"] for e in exc.errors}


# --- Creating ------------------------------------------------------------------------------


def test_create_tests_the_connection_and_stores_credentials_encrypted(
    server: LoopbackServer, user: Any
) -> None:
    integration = create(server, created_by=user)

    test_request = server.requests[-1]
    assert test_request["path"] == "/api/v2"
    assert test_request["headers"]["authorization"] == f"Bearer {TOKEN}"
    assert test_request["headers"]["accept-language"] == "nb"

    stored = Integration.objects.get(pk=integration.pk)
    assert TOKEN not in stored.credentials_encrypted
    assert crypto.decrypt_json(stored.credentials_encrypted) == {"token": TOKEN}
    assert stored.last_test_ok is True
    assert stored.last_tested_at is not None
    assert stored.created_by == user


def test_public_dict_never_contains_the_secret(server: LoopbackServer) -> None:
    integration = create(
        server, auth_type="basic", credentials={"username": "api", "password": PASSWORD}
    )
    public = integration_public_dict(integration)

    dumped = json.dumps(public)
    assert PASSWORD not in dumped
    assert integration.credentials_encrypted not in dumped
    assert "credentials" not in {k for k in public if k != "has_credentials"}
    assert public["has_credentials"] is True
    assert public["auth_type"] == "basic"
    assert public["base_url"] == server.url("/api/v2")
    assert public["last_test_ok"] is True


def test_integration_without_auth_has_no_credentials(server: LoopbackServer) -> None:
    integration = create(server, auth_type="none", credentials={})
    assert integration.credentials_encrypted == ""
    assert integration_public_dict(integration)["has_credentials"] is False
    assert "authorization" not in server.requests[-1]["headers"]


@pytest.mark.parametrize(
    ("path", "expected_in_message"),
    [
        ("/status/500", "server error (HTTP 500)"),
        ("/status/401", "rejected the credentials (HTTP 401)"),
        ("/status/403", "rejected the credentials (HTTP 403)"),
    ],
)
def test_create_refuses_when_the_connection_test_fails_and_saves_nothing(
    server: LoopbackServer, path: str, expected_in_message: str
) -> None:
    with pytest.raises(IntegrationValidationError) as caught:
        create(server, base_url=server.url(path))

    assert error_codes(caught.value) == {"/base_url": "connection_test_failed"}
    assert expected_in_message in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert Integration.objects.count() == 0


def test_create_refuses_an_unreachable_server(settings: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{closed_port}"]

    with pytest.raises(IntegrationValidationError) as caught:
        integration_create(
            name="Gone",
            base_url=f"http://127.0.0.1:{closed_port}/",
            auth_type="bearer",
            credentials={"token": TOKEN},
            headers=None,
            created_by=None,
        )
    assert "Connection test failed: Could not talk to" in str(caught.value)
    assert Integration.objects.count() == 0


def test_a_404_at_the_root_still_counts_as_reachable(server: LoopbackServer) -> None:
    integration = create(server, base_url=server.url("/status/404"))
    assert integration.last_test_ok is True


@pytest.mark.parametrize(
    "base_url",
    [
        "http://169.254.169.254/latest/meta-data",
        "http://127.0.0.1/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://2130706433/",
        "http://localhost/",
    ],
)
def test_create_refuses_internal_addresses_without_connecting(
    server: LoopbackServer, base_url: str
) -> None:
    with pytest.raises(IntegrationValidationError) as caught:
        create(server, base_url=base_url)
    assert error_codes(caught.value) == {"/base_url": "address_not_allowed"}
    assert "Refused to connect" in str(caught.value)
    assert server.requests == []
    assert Integration.objects.count() == 0


@pytest.mark.parametrize(
    "base_url",
    [f"http://127.0.0.1:1/api?key={TOKEN}", "ftp://example.com/", "http://u:p@example.com/"],
)
def test_create_refuses_urls_with_queries_other_schemes_or_userinfo(
    settings: Any, base_url: str
) -> None:
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = ["127.0.0.1:1"]
    with pytest.raises(IntegrationValidationError) as caught:
        integration_create(
            name="X",
            base_url=base_url,
            auth_type="none",
            credentials={},
            headers=None,
            created_by=None,
        )
    assert "/base_url" in error_codes(caught.value)
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("auth_type", "credentials", "expected"),
    [
        ("bearer", {}, {"/credentials/token": "required"}),
        ("bearer", {"token": ""}, {"/credentials/token": "required"}),
        ("basic", {"username": "api"}, {"/credentials/password": "required"}),
        (
            "basic",
            {"username": "a:b", "password": PASSWORD},
            {"/credentials/username": "invalid_value"},
        ),
        (
            "header",
            {"header": "X-Api-Key", "value": TOKEN, "extra": "1"},
            {"/credentials/extra": "unknown_field"},
        ),
        (
            "header",
            {"header": "Bad Header", "value": TOKEN},
            {"/credentials/header": "invalid_value"},
        ),
        ("header", {"header": "Host", "value": TOKEN}, {"/credentials/header": "invalid_value"}),
        ("none", {"token": TOKEN}, {"/credentials/token": "unknown_field"}),
        ("bearer", {"token": f"{TOKEN}\r\nX-Evil: 1"}, {"/credentials/token": "invalid_value"}),
        ("oauth", {}, {"/auth_type": "invalid_choice"}),
    ],
)
def test_credentials_must_have_the_shape_of_the_auth_type(
    server: LoopbackServer, auth_type: str, credentials: dict[str, str], expected: dict[str, str]
) -> None:
    with pytest.raises(IntegrationValidationError) as caught:
        create(server, auth_type=auth_type, credentials=credentials)
    assert error_codes(caught.value) == expected
    assert TOKEN not in str(caught.value)
    assert PASSWORD not in str(caught.value)
    assert server.requests == []  # invalid input never reaches the network


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {TOKEN}"},
        {"X-Api-Key": TOKEN},
        {"X-Auth-Token": TOKEN},
        {"Cookie": f"session={TOKEN}"},
        {"X-Custom": f"Bearer {TOKEN}"},
    ],
)
def test_extra_headers_must_not_carry_secrets(
    server: LoopbackServer, headers: dict[str, str]
) -> None:
    with pytest.raises(IntegrationValidationError) as caught:
        create(server, headers=headers)
    assert set(error_codes(caught.value).values()) == {"secret_header"}
    assert TOKEN not in str(caught.value)
    assert Integration.objects.count() == 0


def test_duplicate_names_are_refused(server: LoopbackServer) -> None:
    create(server)
    with pytest.raises(IntegrationValidationError) as caught:
        create(server)
    assert error_codes(caught.value) == {"/name": "duplicate_name"}


def test_basic_and_header_auth_are_sent_as_configured(server: LoopbackServer) -> None:
    create(
        server, name="B", auth_type="basic", credentials={"username": "api", "password": PASSWORD}
    )
    expected = base64.b64encode(f"api:{PASSWORD}".encode()).decode()
    assert server.requests[-1]["headers"]["authorization"] == f"Basic {expected}"

    create(
        server, name="H", auth_type="header", credentials={"header": "X-Api-Key", "value": TOKEN}
    )
    assert server.requests[-1]["headers"]["x-api-key"] == TOKEN


# --- Testing and updating -------------------------------------------------------------------


def test_integration_test_records_the_outcome(server: LoopbackServer) -> None:
    integration = create(server, base_url=server.url("/status/503"), test_connection=False)
    assert integration.last_test_ok is None

    result = integration_test(integration=integration)

    assert result.ok is False
    assert result.status == 503
    stored = Integration.objects.get(pk=integration.pk)
    assert stored.last_test_ok is False
    assert stored.last_tested_at == result.tested_at


def test_integration_test_succeeds_against_a_working_server(server: LoopbackServer) -> None:
    integration = create(server, test_connection=False)
    result = integration_test(integration=integration)
    assert result.ok is True
    assert result.as_dict()["status"] == 200
    assert Integration.objects.get(pk=integration.pk).last_test_ok is True


def test_update_refuses_moving_stored_credentials_to_another_host(
    settings: Any, server: LoopbackServer
) -> None:
    integration = create(server)
    other = LoopbackServer().start()
    try:
        settings.OUTBOUND_HTTP_ALLOWED_HOSTS = [server.host_port, other.host_port]
        with pytest.raises(IntegrationValidationError) as caught:
            integration_update(integration=integration, base_url=other.url("/api"))
        assert error_codes(caught.value) == {"/credentials": "required"}
        assert other.requests == []  # the stored token was not sent anywhere

        # With the credentials entered again it is allowed.
        updated = integration_update(
            integration=integration, base_url=other.url("/api"), credentials={"token": "new"}
        )
        assert updated.base_url == other.url("/api")
        assert other.requests[-1]["headers"]["authorization"] == "Bearer new"
    finally:
        other.stop()


def test_update_on_the_same_host_keeps_the_stored_credentials(server: LoopbackServer) -> None:
    integration = create(server)
    updated = integration_update(integration=integration, base_url=server.url("/api/v3"))
    assert server.requests[-1]["path"] == "/api/v3"
    assert server.requests[-1]["headers"]["authorization"] == f"Bearer {TOKEN}"
    assert crypto.decrypt_json(updated.credentials_encrypted) == {"token": TOKEN}


def test_update_that_fails_the_connection_test_saves_nothing(server: LoopbackServer) -> None:
    integration = create(server)
    before = Integration.objects.get(pk=integration.pk)
    with pytest.raises(IntegrationValidationError):
        integration_update(
            integration=integration,
            name="Renamed",
            base_url=server.url("/status/500"),
        )
    after = Integration.objects.get(pk=integration.pk)
    assert (after.name, after.base_url, after.credentials_encrypted) == (
        before.name,
        before.base_url,
        before.credentials_encrypted,
    )


def test_update_of_name_only_does_not_call_out(server: LoopbackServer) -> None:
    integration = create(server)
    server.requests.clear()
    updated = integration_update(integration=integration, name="ERP (prod)", is_active=False)
    assert (updated.name, updated.is_active) == ("ERP (prod)", False)
    assert server.requests == []


# --- Requests -------------------------------------------------------------------------------


def test_request_joins_the_path_and_adds_auth(server: LoopbackServer) -> None:
    integration = create(server)
    response = integration_request(
        integration=integration, method="post", path="/orders?draft=1", body={"sku": "K-1"}
    )
    seen = response.json()
    assert seen["method"] == "POST"
    assert seen["path"] == "/api/v2/orders?draft=1"
    assert seen["headers"]["authorization"] == f"Bearer {TOKEN}"
    assert json.loads(seen["body"]) == {"sku": "K-1"}


@pytest.mark.parametrize(
    "path",
    [
        "../admin",
        "orders/../../admin",
        "%2e%2e/admin",
        "%252e%252e/admin",
        "..%2fadmin",
        "http://evil.example/",
        "//evil.example/x",
        "https:evil",
        "a\\..\\b",
        "orders#frag",
        "with space",
    ],
)
def test_request_paths_cannot_leave_the_base_url(server: LoopbackServer, path: str) -> None:
    integration = create(server)
    server.requests.clear()
    with pytest.raises(outbound.UnsafeURLError) as caught:
        integration_request(integration=integration, method="GET", path=path)
    assert caught.value.code == "path_not_allowed"
    assert server.requests == []


def test_integration_url_keeps_everything_under_the_base() -> None:
    assert integration_url("https://erp.example/api/", "orders") == "https://erp.example/api/orders"
    assert integration_url("https://erp.example/api", "/orders") == "https://erp.example/api/orders"
    assert integration_url("https://erp.example", "") == "https://erp.example/"
    assert (
        integration_url("https://erp.example/api", "/items:batch?x=a@b")
        == "https://erp.example/api/items:batch?x=a@b"
    )


def test_request_to_an_inactive_integration_is_refused(server: LoopbackServer) -> None:
    integration = create(server)
    integration_update(integration=integration, is_active=False)
    integration.refresh_from_db()
    with pytest.raises(IntegrationUnavailable) as caught:
        integration_request(integration=integration, method="GET", path="orders")
    assert caught.value.retryable is False


def test_request_errors_carry_retryable(server: LoopbackServer) -> None:
    integration = create(server, base_url=server.base)
    with pytest.raises(outbound.OutboundTimeout) as caught:
        integration_request(integration=integration, method="GET", path="slow?s=2", timeout_s=0.3)
    assert caught.value.retryable is True
    response = integration_request(integration=integration, method="GET", path="status/502")
    assert response.retryable is True


def test_secrets_never_reach_the_logs(
    server: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    integration = create(server)
    integration_request(integration=integration, method="GET", path="orders")
    integration_test(integration=integration)
    with pytest.raises(IntegrationValidationError):
        create(server, name="Bad", base_url=server.url("/status/401"))
    assert caplog.records  # the calls were logged ...
    assert TOKEN not in caplog.text  # ... without the token


# --- Encryption and rotation ----------------------------------------------------------------


def test_encrypt_decrypt_round_trip() -> None:
    token = crypto.encrypt_json({"token": TOKEN, "n": 1})
    assert TOKEN not in token
    assert crypto.decrypt_json(token) == {"token": TOKEN, "n": 1}


def test_decrypting_with_the_wrong_key_fails_without_leaking(settings: Any) -> None:
    token = crypto.encrypt_json({"token": TOKEN})
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionError) as caught:
        crypto.decrypt_json(token)
    assert token not in str(caught.value)


def test_rotation_old_tokens_still_decrypt_and_rotate_to_the_new_key(settings: Any) -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old_key]
    old_token = crypto.encrypt_json({"token": TOKEN})

    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    assert crypto.decrypt_json(old_token) == {"token": TOKEN}
    assert not crypto.encrypted_with_newest_key(old_token)
    rotated = crypto.rotate(old_token)
    assert crypto.encrypted_with_newest_key(rotated)

    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert crypto.decrypt_json(rotated) == {"token": TOKEN}


def test_reencrypt_command_moves_credentials_to_the_new_key(
    settings: Any, server: LoopbackServer
) -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old_key]
    integration = create(server)
    create(server, name="Open", auth_type="none", credentials={})

    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    out = StringIO()
    call_command("reencrypt_credentials", stdout=out)
    assert "Re-encrypted 1 integration(s); 0 already used the newest key." in out.getvalue()

    # Idempotent: nothing left to do.
    out = StringIO()
    call_command("reencrypt_credentials", stdout=out)
    assert "Re-encrypted 0 integration(s); 1 already used the newest key." in out.getvalue()

    # The old key can go now.
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    integration.refresh_from_db()
    assert crypto.decrypt_json(integration.credentials_encrypted) == {"token": TOKEN}
    response = integration_request(integration=integration, method="GET", path="ping")
    assert response.json()["headers"]["authorization"] == f"Bearer {TOKEN}"


def test_reencrypt_command_reports_credentials_no_key_can_read(
    settings: Any, server: LoopbackServer
) -> None:
    create(server)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="ERP"):
        call_command("reencrypt_credentials", stdout=StringIO())


def test_unreadable_credentials_make_requests_fail_permanently(
    settings: Any, server: LoopbackServer
) -> None:
    integration = create(server)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(IntegrationUnavailable) as caught:
        integration_request(integration=integration, method="GET", path="x")
    assert caught.value.code == "credentials_unreadable"
    assert caught.value.retryable is False
    assert integration_test(integration=integration).ok is False


def test_zero_config_generates_one_key_file(settings: Any, tmp_path: Any) -> None:
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.FIELD_ENCRYPTION_KEY_PATH = tmp_path / "field_encryption_key"

    token = crypto.encrypt_json({"a": 1})

    key = (tmp_path / "field_encryption_key").read_text()
    Fernet(key.encode())  # a valid Fernet key
    assert os.stat(tmp_path / "field_encryption_key").st_mode & 0o777 == 0o600
    assert crypto.decrypt_json(token) == {"a": 1}
    assert crypto.generated_fernet_key(tmp_path / "field_encryption_key") == key
    assert key not in (settings.SECRET_KEY or "")


def test_a_malformed_key_is_reported_without_showing_it(settings: Any) -> None:
    good = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [good, "not-a-key-but-secret"]
    with pytest.raises(ImproperlyConfigured, match=r"FIELD_ENCRYPTION_KEYS\[1\]") as caught:
        crypto.encrypt_json({})
    assert "not-a-key-but-secret" not in str(caught.value)
