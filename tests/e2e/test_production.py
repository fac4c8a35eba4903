"""The README's production run, end to end: scripts/production_check.py starts two gunicorn
web processes, two Celery workers and beat with deploy/production.env's settings on one
PostgreSQL and one Redis, from a copy of the source without node_modules, and runs the
running example (form on Monday, reminder on Thursday to who did not order) through them
against an SMTP sink on loopback. See the script for every check it makes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.worker]


def test_two_web_and_two_worker_processes_run_the_running_example(redis_url):
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the production check on PostgreSQL")
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "production_check.py"),
            "--database-url",
            database_url,
            "--redis-url",
            redis_url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0 and summary["ok"], (
        json.dumps(summary, indent=2) + "\n" + result.stderr[-6000:]
    )
    assert summary["readyz"]["status"] == "ready"
    assert summary["forms"] > summary["reminders"] == summary["forms"] - summary["ordered"] > 0
    # The forms, the reminders and the demo's confirmation of each order placed meanwhile.
    assert (
        summary["metrics"]["emails_success"]
        == summary["forms"] + summary["reminders"] + summary["ordered"]
    )
    assert summary["log_lines_with_execution_id"] > 0
    # Nothing but the run's own emails: no error mails to the admins either.
    assert summary["other_emails"] == []
