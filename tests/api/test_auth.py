"""JWT auth: tokens, refresh, and that tampered or missing credentials get 401, not 403."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import jwt
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from tests.api.conftest import BASE, assert_error

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
WORKFLOWS = f"{BASE}/workflows"


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _claims(user: Any) -> dict[str, Any]:
    return dict(AccessToken.for_user(user).payload)


def _alg_none(user: Any) -> str:
    return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(user))}."


def _expired(user: Any) -> str:
    token = AccessToken.for_user(user)
    token.set_exp(from_time=timezone.now() - timedelta(hours=1))
    return str(token)


def _wrong_key(user: Any) -> str:
    return jwt.encode(_claims(user), "not-the-signing-key-" * 3, algorithm="HS256")


def _secret_key(user: Any) -> str:
    # Signed with SECRET_KEY: must not work, the JWT key is a separate secret.
    return jwt.encode(_claims(user), settings.SECRET_KEY, algorithm="HS256")


def _other_user(user: Any) -> str:
    # A valid signature over different claims: swap in another user id, keep the signature.
    header, _payload, signature = str(AccessToken.for_user(user)).split(".")
    return f"{header}.{_b64({**_claims(user), 'user_id': str(user.pk + 1000)})}.{signature}"


def _refresh_as_access(user: Any) -> str:
    return str(RefreshToken.for_user(user))


def _hs512(user: Any) -> str:
    return jwt.encode(_claims(user), settings.SIMPLE_JWT["SIGNING_KEY"], algorithm="HS512")


TAMPERED: dict[str, Callable[[Any], str]] = {
    "alg_none": _alg_none,
    "expired": _expired,
    "wrong_key": _wrong_key,
    "secret_key": _secret_key,
    "payload_swapped": _other_user,
    "refresh_token": _refresh_as_access,
    "other_algorithm": _hs512,
    "garbage": lambda user: "garbage",
    "three_garbage_parts": lambda user: "abc.def.ghi",
}


@pytest.mark.parametrize("kind", sorted(TAMPERED))
def test_tampered_tokens_get_401(kind: str, user_for: Callable[[str | None], Any]) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {TAMPERED[kind](user_for('staff'))}")

    response = client.get(WORKFLOWS)

    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_valid_token_of_the_same_user_works(user_for: Callable[[str | None], Any]) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user_for('staff'))}")
    assert client.get(WORKFLOWS).status_code == 200


def test_no_credentials_is_401_and_no_role_is_403(client_for: Callable[..., APIClient]) -> None:
    assert_error(APIClient().get(WORKFLOWS), 401, "not_authenticated")
    body = assert_error(client_for(None).get(WORKFLOWS), 403, "permission_denied")
    assert "viewer" in body["errors"][0]["message"]


def test_inactive_user_token_is_refused(user_for: Callable[[str | None], Any]) -> None:
    user = user_for("developer")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    user.is_active = False
    user.save()
    assert_error(client.get(WORKFLOWS), 401, "not_authenticated")


def test_a_token_of_a_deleted_user_is_refused(user_for: Callable[[str | None], Any]) -> None:
    user = user_for("developer")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    user.delete()
    assert_error(client.get(WORKFLOWS), 401, "not_authenticated")


def test_a_role_taken_away_counts_from_the_next_request(
    user_for: Callable[[str | None], Any],
) -> None:
    # The user and their role are read together on every request (one statement), never
    # carried in the token: a role removed now is gone for the token already issued.
    user = user_for("developer")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    assert client.get(WORKFLOWS).status_code == 200
    user.groups.clear()
    assert_error(client.get(WORKFLOWS), 403, "permission_denied")
    user.groups.add(Group.objects.get(name="viewer"))
    assert client.get(WORKFLOWS).status_code == 200
    assert client.post(WORKFLOWS, {}, format="json").status_code == 403


def test_a_token_checked_once_still_expires(
    user_for: Callable[[str | None], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The signature is checked once per process and the token kept; its expiry is checked
    # again on every request, against the time of that request.
    import datetime as dt

    from accounts import authentication

    user = user_for("viewer")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    assert client.get(WORKFLOWS).status_code == 200
    assert len(authentication._verified) >= 1

    later = authentication.aware_utcnow() + dt.timedelta(minutes=11)
    monkeypatch.setattr(authentication, "aware_utcnow", lambda: later)
    monkeypatch.setattr("rest_framework_simplejwt.tokens.aware_utcnow", lambda: later)
    assert_error(client.get(WORKFLOWS), 401, "not_authenticated")


def test_token_and_refresh(user_for: Callable[[str | None], Any]) -> None:
    user = user_for("viewer")
    client = APIClient()

    response = client.post(
        "/api/v1/auth/token", {"username": user.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200, response.json()
    tokens = response.json()
    access = AccessToken(tokens["access"])
    lifetime = access["exp"] - access["iat"]
    assert lifetime == 10 * 60

    refreshed = client.post("/api/v1/auth/refresh", {"refresh": tokens["refresh"]}, format="json")
    assert refreshed.status_code == 200
    # Rotation: a new refresh token comes with the new access token.
    assert set(refreshed.json()) == {"access", "refresh"}
    assert refreshed.json()["refresh"] != tokens["refresh"]

    client.credentials(HTTP_AUTHORIZATION=f"Bearer {refreshed.json()['access']}")
    assert client.get(WORKFLOWS).status_code == 200


def test_wrong_password_and_missing_fields(user_for: Callable[[str | None], Any]) -> None:
    user = user_for("viewer")
    client = APIClient()
    wrong = client.post(
        "/api/v1/auth/token", {"username": user.username, "password": "nope"}, format="json"
    )
    assert_error(wrong, 401, "not_authenticated")

    missing = client.post("/api/v1/auth/token", {"username": user.username}, format="json")
    assert_error(missing, 400, "required", path="/password")

    bad_refresh = client.post("/api/v1/auth/refresh", {"refresh": "garbage"}, format="json")
    assert_error(bad_refresh, 401, "not_authenticated")


def test_the_jwt_signing_key_is_not_the_secret_key() -> None:
    assert settings.SIMPLE_JWT["SIGNING_KEY"]
    assert settings.SIMPLE_JWT["SIGNING_KEY"] != settings.SECRET_KEY
    assert settings.SIMPLE_JWT["ALGORITHM"] == "HS256"


def test_session_auth_works_for_our_pages(user_for: Callable[[str | None], Any]) -> None:
    client = APIClient()
    client.force_login(user_for("viewer"))
    assert client.get(WORKFLOWS).status_code == 200
    # Session-authenticated writes need the CSRF token, like any form of our pages.
    csrf_client = APIClient(enforce_csrf_checks=True)
    csrf_client.force_login(user_for("business"))
    assert_error(csrf_client.post(WORKFLOWS, {}, format="json"), 403, "permission_denied")
