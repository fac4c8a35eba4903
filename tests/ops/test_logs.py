"""LOG_FORMAT=json: one JSON object per line, carrying the ids of the run, step and customer
the event concerns (from the step's context and the caller's extra=)."""

from __future__ import annotations

import io
import json
import logging

from executions.signals import step_run
from ops.logs import ContextFilter, JsonFormatter, log_context


def _logger() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("tests.ops.json")
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger, stream


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_step_s_events_carry_execution_step_and_customer():
    logger, stream = _logger()
    logger.info("before")
    with step_run("send_email", execution_id=7, step_order=2):
        logger.warning("email to customer %s failed: %s", 41, "550", extra={"customer_id": 41})
    logger.info("after")
    before, event, after = _lines(stream)
    assert event["message"] == "email to customer 41 failed: 550"
    assert (event["execution_id"], event["step"], event["customer_id"]) == (7, 2, 41)
    assert {"time", "level", "logger"} <= set(event) and event["level"] == "WARNING"
    assert "execution_id" not in before and "execution_id" not in after


def test_an_exception_stays_on_one_line():
    logger, stream = _logger()
    with log_context(execution_id=3):
        try:
            raise ValueError("boom\nsecond line")
        except ValueError:
            logger.exception("step crashed")
    (line,) = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["execution_id"] == 3
    assert "ValueError: boom" in record["exc_info"]


def test_the_setting_switches_the_console_to_json(settings):
    assert settings.LOGGING["formatters"]["json"]["()"] == "ops.logs.JsonFormatter"
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["context"]
