"""accounts.backends.RoleModelBackend: a page request reads the signed-in user and their role
in one statement; sign-in, inactive users and older sessions behave as with ModelBackend."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, authenticate, get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.roles import role_of

PASSWORD = "correct horse battery staple"


@pytest.fixture
def developer(db: None) -> Any:
    user = get_user_model().objects.create_user(username="dev", password=PASSWORD)
    user.groups.add(Group.objects.get(name="developer"))
    return user


def _signed_in(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_signing_in_records_this_backend(developer: Any) -> None:
    client = _signed_in(developer)
    assert client.session[BACKEND_SESSION_KEY] == "accounts.backends.RoleModelBackend"


def test_a_page_reads_the_user_and_the_role_in_one_statement(developer: Any) -> None:
    client = _signed_in(developer)
    client.get("/kjoringer/")  # warm: the first request may read more

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/kjoringer/")

    assert response.status_code == 200
    statements = [q["sql"] for q in queries]
    assert not [s for s in statements if s.lstrip().startswith('SELECT "auth_group"')], statements
    user_reads = [s for s in statements if '"auth_user"' in s or "auth_user u" in s]
    assert len(user_reads) == 1, user_reads


def test_a_role_taken_away_counts_from_the_next_request(developer: Any) -> None:
    client = _signed_in(developer)
    assert role_of(client.get("/kjoringer/").wsgi_request.user) == "developer"
    developer.groups.clear()
    assert role_of(client.get("/kjoringer/").wsgi_request.user) is None


def test_an_inactive_users_session_no_longer_signs_them_in(developer: Any) -> None:
    client = _signed_in(developer)
    get_user_model().objects.filter(pk=developer.pk).update(is_active=False)
    response = client.get("/kjoringer/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_session_of_djangos_own_backend_still_works(developer: Any) -> None:
    client = Client()
    client.force_login(developer, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/kjoringer/").status_code == 200


def test_a_wrong_password_is_checked_once_not_once_per_backend(developer: Any) -> None:
    model = get_user_model()
    with mock.patch.object(model, "check_password", autospec=True, return_value=False) as check:
        assert authenticate(username="dev", password="wrong") is None
    assert check.call_count == 1
    user = authenticate(username="dev", password=PASSWORD)
    assert user == developer and role_of(user) == "developer"


@pytest.mark.parametrize("user_id", ["not-a-number", None, [1], "12.5"])
def test_a_session_holding_no_user_id_signs_nobody_in(developer: Any, user_id: Any) -> None:
    from accounts.backends import RoleModelBackend

    assert RoleModelBackend().get_user(user_id) is None
    assert RoleModelBackend().get_user(str(developer.pk)) == developer
