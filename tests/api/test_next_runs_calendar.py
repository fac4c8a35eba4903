"""Next runs say what the holiday policy does (issue 19): a planned run on a closed day is
listed as moved (with the day it runs instead) or skipped, in the API and on the page."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from automation.closed_days import closed_day_create
from tests.api.conftest import BASE

pytestmark = pytest.mark.django_db

Doc = dict[str, Any]


def _next_monday() -> dt.date:
    today = timezone.localdate()
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


@pytest.fixture
def monday(doc: Doc, create_workflow: Callable[..., Doc]) -> Callable[[str], Doc]:
    def make(policy: str) -> Doc:
        data = copy.deepcopy(doc)
        data["schedule"]["holiday_policy"] = policy
        return create_workflow(data)

    return make


@pytest.mark.parametrize(
    ("policy", "runs_on"),
    [("next_business_day", dt.timedelta(days=1)), ("skip", None), ("run", dt.timedelta(0))],
)
def test_a_closed_monday_is_moved_or_skipped(
    viewer: APIClient, monday: Callable[[str], Doc], policy: str, runs_on: Any
) -> None:
    closed = _next_monday()
    closed_day_create(name="Inventar", start=closed, end=closed)
    workflow = monday(policy)

    body = viewer.get(
        f"{BASE}/workflows/{workflow['id']}/next-runs", {"count": 3}, HTTP_ACCEPT_LANGUAGE="nb"
    ).json()

    assert len(body["runs"]) == 3
    dates = [dt.date.fromisoformat(run[:10]) for run in body["runs"]]
    if policy == "run":
        assert closed in dates and body["adjusted"] == []
        return
    [adjusted] = body["adjusted"]
    assert adjusted["planned"].startswith(closed.isoformat())
    assert (adjusted["reason"], adjusted["name"]) == ("closed", "Inventar")
    if runs_on is None:
        assert adjusted["at"] is None and closed not in dates
    else:
        assert adjusted["at"].startswith((closed + runs_on).isoformat())
        assert closed + runs_on in dates


def test_the_workflow_page_shows_the_moved_run(
    client: Any, monday: Callable[[str], Doc], user_for: Callable[[str], Any]
) -> None:
    closed = _next_monday()
    closed_day_create(name="Inventar", start=closed, end=closed)
    workflow = monday("skip")
    client.force_login(user_for("viewer"))

    page = client.get(f"/arbeidsflyter/{workflow['id']}/").content.decode()

    assert 'class="skipped"' in page
    assert "hoppes over: Inventar" in page
