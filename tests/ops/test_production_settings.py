"""Production (DJANGO_DEBUG=false) refuses to start without its shared secrets; development
keeps generating them; `check --deploy` is clean under the documented environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SECRETS = ("SECRET_KEY", "JWT_SIGNING_KEY", "FIELD_ENCRYPTION_KEY", "WEBHOOK_SIGNING_SECRET")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean environment: none of the caller's secrets or settings leak in."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.update(extra)
    return env


def _all_secrets() -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "WEBHOOK_SIGNING_SECRET": secrets.token_urlsafe(32),
    }


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _manage_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return _run([PYTHON, "manage.py", "check"], env)


def test_production_without_secrets_refuses_to_start_naming_each(tmp_path):
    result = _manage_check(_env(tmp_path, DJANGO_DEBUG="false"))
    assert result.returncode != 0
    for name in SECRETS:
        assert name in result.stderr
    assert "ImproperlyConfigured" in result.stderr
    # Nothing was generated to paper over it.
    assert not any((tmp_path / "var").glob("*key*"))
    assert not (tmp_path / "var" / "webhook_signing_secret").exists()


@pytest.mark.parametrize("missing", SECRETS)
def test_production_names_exactly_the_missing_secret(tmp_path, missing):
    values = _all_secrets()
    del values[missing]
    result = _manage_check(_env(tmp_path, DJANGO_DEBUG="false", **values))
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()
    message = "\n".join(line for line in last if "needs these set" in line)
    assert missing in message
    for other in set(SECRETS) - {missing}:
        assert other not in message
    # The values that were given never appear in the message.
    for value in values.values():
        assert value not in result.stderr


def test_production_secrets_may_come_from_files(tmp_path):
    env = _env(tmp_path, DJANGO_DEBUG="false")
    for name, value in _all_secrets().items():
        path = tmp_path / name.lower()
        path.write_text(value + "\n")
        env[f"{name}_FILE"] = str(path)
    result = _manage_check(env)
    assert result.returncode == 0, result.stderr


def test_production_refuses_a_field_encryption_key_that_is_not_a_fernet_key(tmp_path):
    values = _all_secrets()
    values["FIELD_ENCRYPTION_KEY"] = Fernet.generate_key().decode() + ",not-a-key"
    result = _manage_check(_env(tmp_path, DJANGO_DEBUG="false", **values))
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEY: key(s) at position 1" in result.stderr
    assert "not-a-key" not in result.stderr


def test_every_kind_of_process_refuses(tmp_path):
    """gunicorn loads the WSGI app and celery the settings: both stop before serving."""
    env = _env(tmp_path, DJANGO_DEBUG="false")
    bin_dir = Path(PYTHON).parent
    gunicorn = _run([str(bin_dir / "gunicorn"), "--check-config", "config.wsgi"], env)
    assert gunicorn.returncode != 0
    assert "JWT_SIGNING_KEY" in gunicorn.stdout + gunicorn.stderr
    celery = _run([PYTHON, "-m", "celery", "-A", "config", "report"], env)
    assert celery.returncode != 0
    assert "WEBHOOK_SIGNING_SECRET" in celery.stdout + celery.stderr


def test_development_generates_each_secret_once_under_var(tmp_path):
    env = _env(tmp_path)  # no DJANGO_DEBUG: development
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECRET_KEY, s.SIMPLE_JWT['SIGNING_KEY'], s.WEBHOOK_SIGNING_SECRET)"
    )
    first = _run([PYTHON, "-c", script], {**env, "DJANGO_SETTINGS_MODULE": "config.settings"})
    assert first.returncode == 0, first.stderr
    second = _run([PYTHON, "-c", script], {**env, "DJANGO_SETTINGS_MODULE": "config.settings"})
    assert first.stdout == second.stdout  # kept, not regenerated
    for name in ("secret_key", "jwt_signing_key", "webhook_signing_secret"):
        assert (tmp_path / "var" / name).read_text().strip() in first.stdout


def test_check_deploy_is_clean_under_the_documented_production_environment():
    result = _run([str(ROOT / "scripts" / "check-deploy")], dict(os.environ))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_when_the_documented_environment_drops_a_protection(tmp_path):
    """The check can fail: without HSTS (the documented file minus one line) it warns."""
    env = _env(tmp_path, **_all_secrets())
    for line in (ROOT / "deploy" / "production.env").read_text().splitlines():
        if line and not line.startswith("#") and "_FILE=" not in line:
            key, _, value = line.partition("=")
            if key not in {"VAR_DIR", "STATIC_ROOT", "SECURE_HSTS_SECONDS"}:
                env[key] = value
    env["SECURE_HSTS_SECONDS"] = "0"
    result = _run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr
