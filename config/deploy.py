"""What production (``DJANGO_DEBUG=false``) demands before a process may start.

Every process imports the settings first (web, worker, beat, ``manage.py``), so refusing here
refuses everywhere, before anything is served or consumed.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

#: Variables every production process needs, with how to make a value for each. The same
#: value must reach every machine: a per-machine value breaks what another machine signed or
#: encrypted (links, tokens, integration credentials, webhook signatures).
PRODUCTION_SECRETS = {
    "SECRET_KEY": "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
    "JWT_SIGNING_KEY": "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
    "FIELD_ENCRYPTION_KEY": (
        "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
    ),
    "WEBHOOK_SIGNING_SECRET": "python -c 'import secrets; print(secrets.token_urlsafe(32))'",
}


def throwaway_secrets() -> dict[str, str]:
    """A fresh value for each of PRODUCTION_SECRETS: for runs with production settings that
    keep nothing (benchmarks, checks); never for a real deployment."""
    import secrets

    from cryptography.fernet import Fernet

    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "WEBHOOK_SIGNING_SECRET": secrets.token_urlsafe(32),
    }


def missing_production_secrets(values: dict[str, str]) -> list[str]:
    """The names of ``PRODUCTION_SECRETS`` whose value is empty, in their documented order."""
    return [name for name in PRODUCTION_SECRETS if not (values.get(name) or "").strip()]


def invalid_field_encryption_keys(value: str) -> list[int]:
    """Positions (0 = newest) of the comma-separated keys that are not Fernet keys."""
    from cryptography.fernet import Fernet

    bad = []
    for position, key in enumerate(k.strip() for k in value.split(",") if k.strip()):
        try:
            Fernet(key.encode("ascii"))
        except (ValueError, UnicodeError):
            bad.append(position)
    return bad


def require_production_secrets(values: dict[str, str]) -> None:
    """Raise ``ImproperlyConfigured`` naming every missing (or unusable) secret at once, so an
    operator fixes them in one round instead of one per restart. Values never appear."""
    problems = []
    missing = missing_production_secrets(values)
    if missing:
        problems.append(
            "DJANGO_DEBUG=false needs these set (as a variable or a NAME_FILE naming a file), "
            "the same on every machine: " + ", ".join(missing) + "."
        )
        problems += [f"  {name}: make one with {PRODUCTION_SECRETS[name]}" for name in missing]
    bad = invalid_field_encryption_keys(values.get("FIELD_ENCRYPTION_KEY") or "")
    if bad:
        problems.append(
            "FIELD_ENCRYPTION_KEY: key(s) at position "
            + ", ".join(str(position) for position in bad)
            + " are not Fernet keys (32 url-safe base64 bytes)."
        )
    if problems:
        raise ImproperlyConfigured("\n".join(problems))
