"""Recovery in seconds after each fault, with a real worker (scenarios in tests/e2e/faults.py).

Each test strikes one fault mid-run, ends it, and checks that the run completes with no
customer emailed twice and at most one `unknown` per sending process; it prints the time from
the fault's end to the run moving again and to completion (no timing assertion: the
benchmark ``python -m benchmarks recovery`` repeats them and reports percentiles).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.db import connection

from tests.e2e.faults import Outcome, Rig, run_scenario

pytestmark = [pytest.mark.worker, pytest.mark.slow]


@pytest.fixture
def rig(transactional_db, redis_url, tmp_path) -> Iterator[Rig]:
    if connection.vendor != "postgresql":
        pytest.skip("worker tests need PostgreSQL")
    if not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        pytest.skip("worker tests need Redis as the broker")
    from config.celery import app

    app.control.purge()
    rig = Rig(tmp_path)
    try:
        yield rig
    finally:
        rig.close()
        app.control.purge()


def _check(outcome: Outcome, *, max_unknown: int) -> None:
    print(outcome.line())
    assert outcome.duplicates == []
    assert sum(outcome.statuses.values()) == outcome.customers  # one final row each
    assert set(outcome.statuses) <= {"success", "unknown"}
    assert outcome.statuses.get("unknown", 0) <= max_unknown
    # Every `success` reached the sink; an `unknown` may or may not have.
    assert outcome.statuses.get("success", 0) <= outcome.delivered <= outcome.customers


def test_every_worker_process_killed_the_leases_bring_the_work_back(rig: Rig) -> None:
    outcome = run_scenario(rig, "sigkill")
    _check(outcome, max_unknown=outcome.processes)  # one per killed sending process
    assert outcome.recovered_s is not None  # the dead processes' parts were taken over


def test_redis_killed_and_restarted_empty_everything_is_enqueued_again(rig: Rig) -> None:
    outcome = run_scenario(rig, "redis")
    _check(outcome, max_unknown=0)  # no sender died
    assert any(r.broker_lost for _, r in rig.beat.rounds)


def test_postgresql_away_for_20_s_the_tasks_retry_and_the_run_completes(rig: Rig) -> None:
    outcome = run_scenario(rig, "postgres")
    # A success recorded with the next claim is lost with it: one per sending process.
    _check(outcome, max_unknown=outcome.processes)


def test_the_mail_server_refusing_connections_for_60_s_costs_nobody_an_email(rig: Rig) -> None:
    outcome = run_scenario(rig, "smtp")
    _check(outcome, max_unknown=outcome.processes)


def test_a_worker_killed_while_its_run_sends_a_small_step_itself_is_taken_over(rig: Rig) -> None:
    # Eight customers: the run sends them itself, under a lease (WORKFLOW_EMAILS_IN_RUN), with
    # no batch message anywhere; killed at the third, the lease brings the rest back.
    outcome = run_scenario(rig, "sigkill", customers=8, strike_at=3)
    _check(outcome, max_unknown=1)  # the one customer whose send the kill cut
    assert outcome.recovered_s is not None
