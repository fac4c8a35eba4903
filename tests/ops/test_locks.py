"""The two locks: production's holds the runtime packages only, development's adds the tools
at the same versions, and both are resolved for every supported Python."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^ ;\\]+)(?: ;([^\\]*))?", re.MULTILINE)


def _pins(name: str) -> dict[tuple[str, str], str]:
    """{(package, marker): version}"""
    text = (ROOT / name).read_text()
    return {
        (m.group(1).lower(), (m.group(3) or "").strip()): m.group(2) for m in PIN.finditer(text)
    }


def test_production_installs_no_development_tools():
    runtime = {package for package, _ in _pins("requirements.lock")}
    for tool in ("playwright", "schemathesis", "ruff", "pytest", "hypothesis", "flower"):
        assert tool not in runtime
    for needed in ("django", "gunicorn", "celery", "django-health-check", "prometheus-client"):
        assert needed in runtime


def test_development_has_every_runtime_pin_at_the_same_version():
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    # Same version; the marker may be wider in development, where a tool needs the package on
    # every platform (h11: production needs it only where httpcore does).
    dev_versions = {package: version for (package, _marker), version in dev.items()}
    assert {p: dev_versions.get(p) for (p, _m) in runtime} == {
        p: v for (p, _m), v in runtime.items()
    }
    assert {"playwright", "schemathesis", "ruff", "flower"} <= {package for package, _ in dev}


def test_supported_pythons_agree_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    assert "3.11 3.12 3.13" in (ROOT / "scripts" / "setup").read_text()
    for lock in ("requirements.lock", "requirements-dev.lock"):
        header = (ROOT / lock).read_text().splitlines()[1]
        assert "--universal" in header and "--python-version 3.11" in header
    assert "dev" in project["optional-dependencies"]
    assert "flower" in project["optional-dependencies"]
