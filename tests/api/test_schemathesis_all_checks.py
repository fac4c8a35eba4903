"""schemathesis with every check against the live API (issue 25, 2).

The CLI an integrator would run, against the live server (a free port on loopback) with the
demo data: ``--checks all`` (response and status-code conformance, positive data accepted
where the schema can say it, negative data rejected, no server error, and the rest), all
four phases including the stateful one, bounded examples and a fixed seed
(``tests/api/schemathesis.toml``). Any failure fails the test, with schemathesis's own
report of it. ``API_FUZZ_EXAMPLES`` raises the number of cases per operation.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from rest_framework_simplejwt.tokens import AccessToken

from automation.demo import demo_load

pytestmark = [pytest.mark.slow]

CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """Generated integration hosts must not reach DNS: names do not resolve here."""
    settings.OUTBOUND_HTTP_ALLOWED_HOSTS = []
    settings.OUTBOUND_HTTP_ALLOW_PRIVATE = False

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def token(transactional_db: None) -> str:
    demo_load()
    user = User.objects.create_user(username="schemathesis", password="unused-pw-2511")
    user.groups.add(Group.objects.get_or_create(name="developer")[0])
    access = AccessToken.for_user(user)
    access.set_exp(lifetime=timedelta(hours=2))  # the run takes minutes, not the default 10
    return str(access)


def test_schemathesis_with_every_check_finds_nothing(
    live_server: Any, token: str, no_network: None, tmp_path: Path
) -> None:
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{live_server.url}/api/schema/",
        # Every check is on in the config file ([checks] enabled = true, i.e. --checks all):
        # naming them here would override its per-operation exceptions.
        "--header",
        f"Authorization: Bearer {token}",
        "--workers",
        "1",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    if os.environ.get("API_FUZZ_EXAMPLES"):
        command += ["--max-examples", os.environ["API_FUZZ_EXAMPLES"]]
    # The server runs in this process (live_server), so the CLI runs beside it, not in it.
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tmp_path,  # its cache too
    )

    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-20_000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in report, report[-3000:]
