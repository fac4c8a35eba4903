"""Errors a step raises to tell the engine what kind of failure it met."""

from __future__ import annotations

from core.reasons import ReasonError


class StepError(ReasonError):
    """Base class: a step could not do its work. Raised with a ``Reason`` (or, for an
    outside system's own words, a plain string): the engine stores it in the execution's
    error (``core.reasons``)."""


class RetryableStepError(StepError):
    """A transient failure (network, 4xx SMTP reply, timeout): try again later."""


class PermanentStepError(StepError):
    """A failure that retrying cannot fix (missing template, SMTP 5xx): fail now."""


class RetryLater(Exception):
    """Raised by the engine to its task wrapper: re-run this task after `countdown` seconds."""

    def __init__(self, countdown: float) -> None:
        super().__init__(f"retry in {countdown:.0f}s")
        self.countdown = countdown


class ServiceUnavailable(RetryLater):
    """An outside service (the mail server) could not be reached at all, so nothing was
    attempted and no customer's attempts were counted: the task tries the whole part again
    after a short backoff of its own (``tasks.connection_retry_countdown``), for as long as
    the outage lasts."""

    def __init__(self, service: str, error: BaseException | None = None) -> None:
        super().__init__(0)
        self.service = service
        self.error = error
        self.args = (f"{service} unreachable: {error}",)
