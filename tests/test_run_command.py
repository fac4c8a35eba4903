"""The README's run command starts web, worker and beat on the zero-config defaults."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _zero_config_env(var_dir: Path, port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith(("PYTEST", "TEST_"))
    }
    env.update(
        {
            "VAR_DIR": str(var_dir),
            "PORT": str(port),
            "FLOWER_PORT": str(_free_port()),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


@pytest.mark.slow
def test_procfile_serves_pages_and_starts_worker_and_beat(tmp_path: Path) -> None:
    port = _free_port()
    env = _zero_config_env(tmp_path / "var", port)
    subprocess.run(
        [VENV_BIN / "python", "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    log_path = tmp_path / "honcho.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [VENV_BIN / "honcho", "start", "-f", "Procfile"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        home = admin = None
        while time.monotonic() < deadline:
            try:
                home = _get(f"http://127.0.0.1:{port}/")
                admin = _get(f"http://127.0.0.1:{port}/admin/")  # redirects to the login page
            except OSError:
                time.sleep(0.5)
                continue
            output = log_path.read_text(errors="replace")
            if all(m in output for m in ("ready.", "beat: Starting", "Visit me at")):
                break
            time.sleep(0.5)
        output = log_path.read_text(errors="replace")
        assert home and home[0] == 200, output
        assert admin and admin[0] == 200 and 'name="password"' in admin[1], output
        assert "ready." in output, "the Celery worker did not start:\n" + output
        assert "beat: Starting" in output, "Celery beat did not start:\n" + output
        assert "Visit me at http://127.0.0.1:" in output, "Flower did not start:\n" + output
        # Zero configuration keeps every file under VAR_DIR.
        assert (tmp_path / "var" / "db.sqlite3").exists()
        assert (tmp_path / "var" / "celery" / "broker").is_dir()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_benchmark_runner_prints_one_json_object_per_result(tmp_path: Path) -> None:
    import json

    env = _zero_config_env(tmp_path / "var", 0)
    out = subprocess.run(
        [VENV_BIN / "python", "-m", "benchmarks", "action_log_claim", "--quick"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert results
    for result in results:
        assert set(result) == {"benchmark", "metric", "value", "baseline", "ratio", "conditions"}
        assert result["baseline"] > 0
