"""Errors a step raises to tell the engine what kind of failure it met."""

from __future__ import annotations


class StepError(Exception):
    """Base class: a step could not do its work."""


class RetryableStepError(StepError):
    """A transient failure (network, 4xx SMTP reply, timeout): try again later."""


class PermanentStepError(StepError):
    """A failure that retrying cannot fix (missing template, SMTP 5xx): fail now."""


class RetryLater(Exception):
    """Raised by the engine to its task wrapper: re-run this task after `countdown` seconds."""

    def __init__(self, countdown: float) -> None:
        super().__init__(f"retry in {countdown:.0f}s")
        self.countdown = countdown
