"""Encryption of stored secrets (integration credentials).

The key is separate from ``SECRET_KEY`` on purpose: SECRET_KEY signs sessions and tokens and
tends to be shared with more systems (and rotated for other reasons); a leak of one must not
open the other, and rotating SECRET_KEY must not make stored credentials unreadable.

Keys come from the ``FIELD_ENCRYPTION_KEYS`` setting, newest first (environment:
``FIELD_ENCRYPTION_KEY`` as a comma-separated list, or ``FIELD_ENCRYPTION_KEY_FILE``). With
none configured, a key is generated once into ``var/field_encryption_key`` so a laptop works
with zero configuration; deployments on several machines must configure the key, or each
machine would invent its own.

Rotation: put a new key first and keep the old ones after it; everything still decrypts,
new writes use the new key, and ``manage.py reencrypt_credentials`` moves stored values
over, after which the old key can be removed.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = [
    "DecryptionError",
    "decrypt_json",
    "encrypt_json",
    "encrypted_with_newest_key",
    "generated_fernet_key",
    "rotate",
]


class DecryptionError(Exception):
    """A stored value cannot be read with the configured keys. The message never contains
    the token or any part of a key."""


def generated_fernet_key(path: Path) -> str:
    """A development key kept in ``var/``: created on first use, never committed."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = Fernet.generate_key().decode("ascii")
    # Create exclusively (and private) so two processes starting at once agree on one key.
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as fh:
            fh.write(value)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    return value


def _configured_keys() -> tuple[str, ...]:
    keys = tuple(str(k).strip() for k in getattr(settings, "FIELD_ENCRYPTION_KEYS", []) or [])
    keys = tuple(k for k in keys if k)
    if keys:
        return keys
    path = getattr(settings, "FIELD_ENCRYPTION_KEY_PATH", None) or (
        Path(settings.VAR_DIR) / "field_encryption_key"
    )
    return (generated_fernet_key(Path(path)),)


@functools.lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    try:
        fernets = [Fernet(key.encode("ascii")) for key in keys]
    except (ValueError, UnicodeError) as exc:
        # Which position is wrong helps; the key itself must not appear in the message.
        bad = next(i for i, key in enumerate(keys) if not _valid_key(key))
        raise ImproperlyConfigured(
            f"FIELD_ENCRYPTION_KEYS[{bad}] is not a valid Fernet key (32 url-safe base64 "
            "bytes; make one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')."
        ) from exc
    return MultiFernet(fernets), fernets[0]


def _valid_key(key: str) -> bool:
    try:
        Fernet(key.encode("ascii"))
    except (ValueError, UnicodeError):
        return False
    return True


def _keyring() -> tuple[MultiFernet, Fernet]:
    return _fernets(_configured_keys())


def encrypt_json(data: dict[str, Any]) -> str:
    """Encrypt a JSON-serialisable dict with the newest key."""
    multi, _newest = _keyring()
    return multi.encrypt(json.dumps(data, separators=(",", ":")).encode("utf-8")).decode("ascii")


def decrypt_json(token: str) -> dict[str, Any]:
    """Decrypt a value written by ``encrypt_json`` with any configured key."""
    multi, _newest = _keyring()
    try:
        plain = multi.decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError(
            "Stored credentials cannot be decrypted with the configured FIELD_ENCRYPTION_KEYS "
            "(was the key that encrypted them removed?)."
        ) from exc
    data = json.loads(plain)
    if not isinstance(data, dict):
        raise DecryptionError("Stored credentials are not a JSON object.")
    return data


def encrypted_with_newest_key(token: str) -> bool:
    """Whether ``token`` already uses the newest key (so re-encrypting it can be skipped)."""
    _multi, newest = _keyring()
    try:
        newest.decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeError):
        return False
    return True


def rotate(token: str) -> str:
    """Re-encrypt ``token`` with the newest key (it may have been written with any key)."""
    multi, _newest = _keyring()
    try:
        return multi.rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError(
            "Stored credentials cannot be decrypted with the configured FIELD_ENCRYPTION_KEYS."
        ) from exc
