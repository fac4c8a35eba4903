"""A web process enqueues the engine's tasks by name: they must be registered there too, not
only in workers (Celery's autodiscovery runs where a worker imports the task modules).

Checked in a fresh interpreter, since this test process has imported everything by now."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from executions import queueing

ROOT = Path(__file__).resolve().parents[2]


def test_a_process_that_only_set_up_django_knows_the_tasks_it_enqueues() -> None:
    names = [queueing.RUN_TASK, queueing.STEP_WORK_TASK, queueing.ALERT_TASK]
    script = (
        "import django; django.setup()\n"
        "from celery import current_app\n"
        f"missing = [n for n in {names!r} if n not in current_app.tasks]\n"
        "print(missing)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
