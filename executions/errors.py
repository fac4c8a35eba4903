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
