"""``manage.py reencrypt_credentials``: move every stored credential to the newest key.

Run it after putting a new key first in ``FIELD_ENCRYPTION_KEYS``; once it reports that
nothing is left on an old key, the old key can be removed. Running it again changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from automation.crypto import DecryptionError, encrypted_with_newest_key, rotate
from automation.models import Integration


class Command(BaseCommand):
    help = (
        "Re-encrypt every integration's credentials with the newest key in "
        "FIELD_ENCRYPTION_KEYS. Safe to run any number of times."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = Integration.objects.exclude(credentials_encrypted="").values_list(
            "pk", "name", "credentials_encrypted"
        )
        reencrypted = current = 0
        unreadable: list[str] = []
        for pk, name, token in rows.iterator():
            if encrypted_with_newest_key(token):
                current += 1
                continue
            try:
                new_token = rotate(token)
            except DecryptionError:
                unreadable.append(name)
                continue
            # Compare-and-set: if someone saved new credentials meanwhile, theirs win (and
            # they were written with the newest key anyway).
            updated = Integration.objects.filter(pk=pk, credentials_encrypted=token).update(
                credentials_encrypted=new_token
            )
            if updated:
                reencrypted += 1
            else:
                current += 1
        self.stdout.write(
            f"Re-encrypted {reencrypted} integration(s); {current} already used the newest key."
        )
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} integration(s) could not be decrypted with any configured "
                f"key and were left unchanged: {', '.join(sorted(unreadable))}."
            )
