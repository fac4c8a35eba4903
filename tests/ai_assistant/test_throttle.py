"""The per-user limit on the assistant's chat turns (ai_assistant/throttle.py), on a real Redis
cache and the real openai SDK against the loopback fake provider: the API's 429 with
Retry-After in the error shape, the chat page's notice, one user not limiting another, the
window passing, concurrent requests, staff, the offline parser and the settings."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from ai_assistant import throttle
from ai_assistant.models import AIRequestLog, ChatMessage, ChatSession
from ai_assistant.throttle import (
    AIThrottled,
    ai_throttle_hit,
    check_throttle_settings,
    parse_rate,
)
from tests.ai_assistant.fake_llm import FakeLLM, make_user, openai_completion
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db

PARSE = "/api/v1/workflow-automation/ai/parse-description"
SCRIPT = "/api/v1/workflow-automation/ai/execute-script"
TEXT = "Send bestillingsskjema mandag kl 09"
# The start of an hour (and so of a minute) far from the real clock, for the window tests.
HOUR_START = 3600 * 500_000


@pytest.fixture
def redis_cache(settings: Any, redis_url: str) -> Iterator[redis.Redis]:
    """The default cache on the test Redis, under a prefix of this test's own; yields a raw
    client for looking at the counters."""
    prefix = f"throttle-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(redis_url)
    client.prefix = prefix  # type: ignore[attr-defined]
    yield client
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


class Clock:
    """The throttle's clock, fixed: a test must not straddle the end of a minute."""

    def __init__(self, now: float) -> None:
        self.now = now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(HOUR_START + 5)
    monkeypatch.setattr(throttle, "_now", lambda: fixed.now)
    return fixed


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with FakeLLM() as server:
        yield server


@pytest.fixture
def paid(settings: Any, llm: FakeLLM, redis_cache: redis.Redis, clock: Clock) -> FakeLLM:
    """A paid provider (openai, against the fake) with small limits: 2 a minute, 20 an hour,
    five seconds into an hour by the throttle's clock."""
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test-0123456789"
    settings.OPENAI_BASE_URL = llm.openai_url
    settings.OPENAI_MODEL = "gpt-test"
    settings.AI_TIMEOUT_S = 5.0
    settings.AI_MAX_RETRIES = 0
    settings.AI_THROTTLE_BURST = "2/minute"
    settings.AI_THROTTLE_RATE = "20/hour"
    settings.AI_THROTTLE_EXEMPT_STAFF = False
    return llm


def question() -> Any:
    return openai_completion({"question": "Hvilke kunder skal få skjemaet?", "workflow": None})


def api_as(user: Any, *, language: str = "nb") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


def page_client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="nb")
    client.force_login(user)
    return client


def keys(client: redis.Redis) -> list[bytes]:
    return list(client.scan_iter(f"{client.prefix}:*"))  # type: ignore[attr-defined]


# --- The API ------------------------------------------------------------------------------------


def test_api_answers_429_with_retry_after_and_asks_no_provider(paid: FakeLLM):
    berit = make_user("berit", "business")
    api = api_as(berit)
    paid.queue(question(), question())

    first = api.post(PARSE, {"text": TEXT}, format="json")
    second = api.post(PARSE, {"text": TEXT}, format="json")
    messages_before = ChatMessage.objects.count()
    third = api.post(PARSE, {"text": TEXT}, format="json")

    assert (first.status_code, second.status_code) == (200, 200), first.content
    assert third.status_code == 429
    body = third.json()
    assert list(body) == ["errors"] and len(body["errors"]) == 1
    error = body["errors"][0]
    assert (error["path"], error["code"]) == ("", "throttled")
    assert error["message"] == (
        "Du har brukt assistenten mye på kort tid. Prøv igjen om 55 sekunder."
    )
    assert third["Retry-After"] == "55"  # the minute ends 55 s from now
    # Nothing reached the provider, nothing was stored or logged for the refused turn.
    assert len(paid.requests) == 2
    assert AIRequestLog.objects.count() == 2
    assert ChatSession.objects.count() == 2
    assert ChatMessage.objects.count() == messages_before


def test_api_message_follows_the_request_language(paid: FakeLLM):
    berit = make_user("berit", "business")
    for _ in range(2):
        ai_throttle_hit(user=berit)

    response = api_as(berit, language="en").post(PARSE, {"text": TEXT}, format="json")

    assert response.status_code == 429
    message = response.json()["errors"][0]["message"]
    assert message == "You have used the assistant a lot in a short time. Try again in 55 seconds."


def test_a_refused_turn_in_a_known_session_stores_nothing(paid: FakeLLM):
    berit = make_user("berit", "business")
    api = api_as(berit)
    paid.queue(question(), question())
    session_id = api.post(PARSE, {"text": TEXT}, format="json").json()["session_id"]
    api.post(PARSE, {"text": "Til alle kunder", "session_id": session_id}, format="json")

    refused = api.post(PARSE, {"text": "Og torsdag", "session_id": session_id}, format="json")

    assert refused.status_code == 429
    contents = list(
        ChatMessage.objects.filter(session_id=session_id, role="user").values_list(
            "content", flat=True
        )
    )
    assert contents == [TEXT, "Til alle kunder"]


def test_a_failed_provider_call_still_counts(paid: FakeLLM):
    berit = make_user("berit", "business")
    api = api_as(berit)
    # Nothing queued: the fake answers 500 (the SDK does not retry: AI_MAX_RETRIES 0).
    failed = [api.post(PARSE, {"text": TEXT}, format="json") for _ in range(2)]

    assert [r.json()["kind"] for r in failed] == ["error", "error"]
    assert api.post(PARSE, {"text": TEXT}, format="json").status_code == 429
    assert len(paid.requests) == 2


def test_bad_requests_are_not_counted(paid: FakeLLM):
    berit = make_user("berit", "business")
    api = api_as(berit)
    paid.queue(question(), question())

    assert api.post(PARSE, {"text": "   "}, format="json").status_code == 400
    unknown = api.post(PARSE, {"text": TEXT, "session_id": 999_999_999}, format="json")
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["code"] == "unknown_session"

    assert api.post(PARSE, {"text": TEXT}, format="json").status_code == 200
    assert api.post(PARSE, {"text": TEXT}, format="json").status_code == 200


def test_another_user_is_not_affected(paid: FakeLLM):
    berit = make_user("berit", "business")
    per = make_user("per", "business")
    for _ in range(2):
        ai_throttle_hit(user=berit)
    paid.queue(question())

    assert api_as(berit).post(PARSE, {"text": TEXT}, format="json").status_code == 429
    assert api_as(per).post(PARSE, {"text": TEXT}, format="json").status_code == 200


def test_the_script_endpoint_is_not_throttled(
    paid: FakeLLM, settings: Any, redis_cache: redis.Redis
):
    settings.AI_THROTTLE_BURST = "1/minute"
    dag = make_user("dag", "developer")
    api = api_as(dag)
    source = 'workflow("Tom")\n'

    statuses = [
        api.post(SCRIPT, {"language": "python", "source": source}, format="json").status_code
        for _ in range(4)
    ]

    assert 429 not in statuses
    assert keys(redis_cache) == []


def test_schema_documents_the_429_and_its_retry_after(redis_cache: redis.Redis):
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"][PARSE]["post"]

    throttled = operation["responses"]["429"]
    assert throttled["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert throttled["headers"]["Retry-After"]["schema"]["type"] == "integer"
    assert "429" not in schema["paths"][SCRIPT]["post"]["responses"]


# --- The chat page --------------------------------------------------------------------------------


def test_chat_fragment_shows_how_long_to_wait_and_stores_nothing(paid: FakeLLM):
    berit = make_user("berit", "business")
    for _ in range(2):
        ai_throttle_hit(user=berit)
    client = page_client(berit)

    response = client.post(
        reverse("ai_assistant:chat-message"),
        {"text": TEXT, "session": ""},
        HTTP_HX_REQUEST="true",
    )

    # 200: htmx swaps only successful answers; the notice is appended to the conversation.
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-kind="error"' in html and "<html" not in html
    assert "Du har brukt assistenten mye på kort tid. Prøv igjen om " in html
    assert "Meldingen din ble ikke sendt, men den står fortsatt i tekstfeltet." in html
    assert response["Retry-After"] == "55"
    assert not ChatSession.objects.exists() and not ChatMessage.objects.exists()
    assert paid.requests == []


def test_chat_page_without_htmx_keeps_the_text_in_the_box(paid: FakeLLM):
    berit = make_user("berit", "business")
    for _ in range(2):
        ai_throttle_hit(user=berit)
    client = page_client(berit)

    response = client.post(reverse("ai_assistant:chat-message"), {"text": TEXT, "session": ""})

    assert response.status_code == 429
    assert response["Retry-After"] == "55"
    html = response.content.decode()
    assert "<html" in html and "Prøv igjen om " in html
    assert f">{TEXT}</textarea>" in html
    assert not ChatMessage.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chat_in_the_browser_shows_the_notice_and_keeps_the_text(paid: FakeLLM, page_as: Any):
    page = page_as("business")
    user = User.objects.get(username="business-bruker")
    for _ in range(2):
        ai_throttle_hit(user=user)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page.live_server_url + "/assistent/")

    page.fill("#chat-text", TEXT)
    page.click("#chat-send")
    notice = page.wait_for_selector("#conversation .msg[data-kind=error]")

    assert "Prøv igjen om 55 sekunder." in notice.inner_text()
    assert page.input_value("#chat-text") == TEXT
    assert page.locator("#chat-failure").is_hidden()
    screenshot(page, "ai-chat-throttled")
    assert errors == []
    assert paid.requests == []


# --- The limiter ----------------------------------------------------------------------------------


def test_the_limit_resets_when_its_window_has_passed(paid: FakeLLM, clock: Clock):
    berit = make_user("berit", "business")
    clock.now = HOUR_START + 5
    ai_throttle_hit(user=berit)
    clock.now += 30
    ai_throttle_hit(user=berit)

    clock.now += 10
    with pytest.raises(AIThrottled) as refused:
        ai_throttle_hit(user=berit)
    assert refused.value.retry_after_s == 15  # the minute ends at HOUR_START + 60

    clock.now += 15  # the next minute
    ai_throttle_hit(user=berit)


def test_a_refused_turn_does_not_use_up_the_other_limit(paid: FakeLLM, settings: Any, clock: Clock):
    settings.AI_THROTTLE_RATE = "3/hour"
    berit = make_user("berit", "business")
    clock.now = HOUR_START
    ai_throttle_hit(user=berit)
    ai_throttle_hit(user=berit)
    for _ in range(3):
        with pytest.raises(AIThrottled):
            ai_throttle_hit(user=berit)  # the burst: 2 a minute

    clock.now = HOUR_START + 60
    ai_throttle_hit(user=berit)  # the hour's third
    clock.now = HOUR_START + 61
    with pytest.raises(AIThrottled) as refused:
        ai_throttle_hit(user=berit)
    assert refused.value.retry_after_s == 3600 - 61


def test_counters_expire_after_their_window(paid: FakeLLM, redis_cache: redis.Redis):
    berit = make_user("berit", "business")
    ai_throttle_hit(user=berit)

    found = keys(redis_cache)
    assert len(found) == 2  # the burst's minute and the hour
    ttls = sorted(redis_cache.ttl(key) for key in found)
    assert 0 < ttls[0] <= 60 + 60 and 60 + 60 < ttls[1] <= 3600 + 60


def test_concurrent_turns_pass_exactly_the_limit(paid: FakeLLM, settings: Any):
    settings.AI_THROTTLE_BURST = "7/minute"
    berit = make_user("berit", "business")
    threads_n, attempts = 12, 4
    barrier = threading.Barrier(threads_n)
    passed: list[int] = []
    refused: list[int] = []
    lock = threading.Lock()

    def hammer() -> None:
        barrier.wait()
        for _ in range(attempts):
            try:
                ai_throttle_hit(user=berit)
            except AIThrottled:
                outcome = refused
            else:
                outcome = passed
            with lock:
                outcome.append(1)
        cache.close()

    threads = [threading.Thread(target=hammer) for _ in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(passed) == 7
    assert len(refused) == threads_n * attempts - 7


# --- Who and when ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "0", "0/minute"])
def test_an_empty_or_zero_setting_turns_the_limit_off(
    paid: FakeLLM, settings: Any, redis_cache: redis.Redis, value: str
):
    settings.AI_THROTTLE_BURST = value
    settings.AI_THROTTLE_RATE = value
    berit = make_user("berit", "business")

    for _ in range(10):
        ai_throttle_hit(user=berit)

    assert keys(redis_cache) == []


def test_the_offline_parser_is_not_limited(paid: FakeLLM, settings: Any):
    settings.AI_PROVIDER = "offline"
    berit = make_user("berit", "business")
    api = api_as(berit)

    statuses = [api.post(PARSE, {"text": TEXT}, format="json").status_code for _ in range(4)]

    assert statuses == [200] * 4


def test_staff_are_limited_unless_exempt(paid: FakeLLM, settings: Any):
    staff = User.objects.create(username="sjef", is_staff=True, is_superuser=True)
    for _ in range(2):
        ai_throttle_hit(user=staff)
    with pytest.raises(AIThrottled):
        ai_throttle_hit(user=staff)

    settings.AI_THROTTLE_EXEMPT_STAFF = True
    ai_throttle_hit(user=staff)

    berit = make_user("berit", "business")
    for _ in range(2):
        ai_throttle_hit(user=berit)
    with pytest.raises(AIThrottled):  # the exemption is for staff only
        ai_throttle_hit(user=berit)


def test_an_unreachable_cache_lets_turns_through(paid: FakeLLM, settings: Any, caplog: Any):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    berit = make_user("berit", "business")

    for _ in range(3):
        ai_throttle_hit(user=berit)

    assert "the cache failed" in caplog.text


def test_rates_are_parsed_and_a_mistyped_one_fails_the_system_check(settings: Any):
    assert parse_rate("20/hour").limit == 20 and parse_rate("20/hour").period_s == 3600
    assert parse_rate(" 5 / minute ").period_s == 60
    assert parse_rate("10/15min").period_s == 900
    assert parse_rate("100/day").period_s == 86400
    assert parse_rate("") is None and parse_rate("0") is None
    for bad in ("20 per hour", "20/fortnight", "-1/hour", "x/min", "20/0min"):
        with pytest.raises(ValueError):
            parse_rate(bad)
    assert check_throttle_settings() == []

    settings.AI_THROTTLE_RATE = "20 per hour"

    [error] = check_throttle_settings()
    assert error.id == "ai_assistant.E001" and "AI_THROTTLE_RATE" in error.msg
