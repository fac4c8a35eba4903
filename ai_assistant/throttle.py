"""Per-user limits on the assistant's chat turns: every turn may cost money at the provider.

One limiter for every entry point: ``ai_parse_description`` (the service behind the REST
endpoint and the chat page) counts a turn here before it stores anything or asks the
provider, so a throttled turn leaves no trace (no chat message, no ``AIRequestLog`` row) and a
turn whose provider call fails still counts.

Rules (settings, from the environment; ``""`` or a count of 0 turns a rule off):

- ``AI_THROTTLE_RATE`` (default ``20/hour``): the sustained limit;
- ``AI_THROTTLE_BURST`` (default ``5/minute``): a short burst limit;
- ``AI_THROTTLE_EXEMPT_STAFF`` (default false): staff and superusers are not limited.

Only paid providers are limited: the offline parser runs in-process and costs nothing.

Each rule is a fixed window aligned to the clock (``5/minute``: at most 5 turns per clock
minute), counted in the default Django cache (Redis in production, so every web process shares
the count) with ``add`` (SET NX with the window's expiry) and ``incr`` (Redis INCR): of any
number of simultaneous requests exactly the allowed number get a count within the limit. A
turn refused by one rule is taken back from every rule, so refused turns do not use up the
limit. Because the window is in the key, a counter is never incremented after its window, and
its expiry only has to outlast the window.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext, ngettext

from accounts.roles import STAFF, user_has_role
from ai_assistant.providers import provider_name
from core.errors import DomainError

__all__ = [
    "AIThrottled",
    "Rate",
    "ai_throttle_applies",
    "ai_throttle_hit",
    "ai_throttle_rates",
    "parse_rate",
    "wait_text",
]

logger = logging.getLogger(__name__)

# Providers that cost nothing per call.
FREE_PROVIDERS = frozenset({"offline"})
# A counter outlives its window by this much, so that web servers whose clocks differ a little
# still find it.
CLOCK_SLACK_S = 60
KEY_PREFIX = "ai-throttle"

_UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` turns per ``period_s`` seconds; ``name`` keeps two rules with the same
    period apart in the cache."""

    name: str
    limit: int
    period_s: int


def parse_rate(value: str, *, name: str = "rate") -> Rate | None:
    """``"20/hour"``, ``"5/minute"``, ``"100/day"``, ``"10/15min"`` as a ``Rate``; ``""``,
    ``"0"`` or a count of 0 as ``None`` (no limit). Raises ``ValueError`` for anything else."""
    text = (value or "").strip().lower()
    if text in ("", "0"):
        return None
    match = _RATE.match(text)
    if match is None or match.group(3) not in _UNITS:
        raise ValueError(
            f"{value!r} is not a rate: write N/unit or N/<k>unit with unit second, minute, "
            "hour or day (e.g. 20/hour, 10/15min), or leave it empty for no limit"
        )
    count, multiple, unit = match.groups()
    period = int(multiple or 1) * _UNITS[unit]
    if period <= 0:
        raise ValueError(f"{value!r}: the period must be longer than 0")
    if int(count) == 0:
        return None
    return Rate(name=name, limit=int(count), period_s=period)


def ai_throttle_rates() -> list[Rate]:
    """The configured rules, burst first."""
    rates = []
    for name, setting in (("burst", "AI_THROTTLE_BURST"), ("rate", "AI_THROTTLE_RATE")):
        try:
            rate = parse_rate(str(getattr(settings, setting, "") or ""), name=name)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{setting}: {exc}") from exc
        if rate is not None:
            rates.append(rate)
    return rates


@checks.register()
def check_throttle_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """A mistyped rate stops ``manage.py check`` (and the server's start), not the first chat
    turn."""
    try:
        ai_throttle_rates()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="ai_assistant.E001")]
    return []


def wait_text(seconds: int) -> str:
    """How long to wait, for people: "45 sekunder", "12 minutter", "2 timer" (rounded up)."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    if seconds <= 90 * 60:
        minutes = math.ceil(seconds / 60)
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(seconds / 3600)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


class AIThrottled(DomainError):
    """The user has used up a limit. The API answers 429 with ``Retry-After``; the chat page
    shows the message and keeps the text."""

    status_code = 429

    def __init__(self, retry_after_s: int) -> None:
        self.retry_after_s = max(1, int(retry_after_s))
        message = gettext(
            "You have used the assistant a lot in a short time. Try again in %(wait)s."
        ) % {"wait": wait_text(self.retry_after_s)}
        super().__init__([{"path": "", "code": "throttled", "message": message}])

    def response_headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after_s)}


def ai_throttle_applies(user: Any) -> bool:
    """Whether ``user``'s next turn is counted: a paid provider is configured, and the user is
    not exempt staff."""
    try:
        name = provider_name()
    except ValueError:
        # A misspelt AI_PROVIDER: no provider will be asked; the turn reports the error.
        return False
    if name in FREE_PROVIDERS:
        return False
    return not (getattr(settings, "AI_THROTTLE_EXEMPT_STAFF", False) and user_has_role(user, STAFF))


def _key(rate: Rate, user: Any, window: int) -> str:
    return f"{KEY_PREFIX}:{rate.name}:{rate.period_s}:{user.pk}:{window}"


def _increment(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:
        # Evicted between add and incr (the in-memory cache culls when full): start again.
        cache.add(key, 0, timeout)
        return cache.incr(key)


def _take_back(key: str) -> None:
    with contextlib.suppress(ValueError):  # gone already: nothing to take back
        cache.decr(key)


def _now() -> float:
    """The clock the windows follow (tests set a fixed one, so that no test straddles the end
    of a minute)."""
    return time.time()


def ai_throttle_hit(*, user: Any) -> None:
    """Count one chat turn for ``user`` against every rule, or raise ``AIThrottled`` (with the
    seconds until the exceeded windows end) and count nothing.

    A cache that cannot be reached lets the turn through (logged): the assistant keeps
    working while Redis is down, at the price of no limit for that time.
    """
    if not ai_throttle_applies(user):
        return
    rates = ai_throttle_rates()
    if not rates:
        return
    now = _now()
    counted: list[str] = []
    # Seconds until the end of each window whose limit this turn would exceed.
    exceeded: list[float] = []
    try:
        for rate in rates:
            window = int(now // rate.period_s)
            key = _key(rate, user, window)
            count = _increment(key, rate.period_s + CLOCK_SLACK_S)
            counted.append(key)
            if count > rate.limit:
                exceeded.append((window + 1) * rate.period_s - now)
        if exceeded:
            for key in counted:
                _take_back(key)
    except Exception:
        logger.exception("AI throttle: the cache failed; the turn is let through")
        return
    if exceeded:
        retry_after = math.ceil(max(exceeded))
        logger.info("AI throttle: user %s refused for %d s", user.pk, retry_after)
        raise AIThrottled(retry_after)
