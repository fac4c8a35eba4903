"""``manage.py prune_audit``: delete the audit events older than the retention now, as the
nightly task does (see audit.retention).

    manage.py prune_audit                 # AUDIT_RETENTION_DAYS (0: keep everything)
    manage.py prune_audit --days 90       # another retention, this once
    manage.py prune_audit --dry-run       # only count what would go
"""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from audit.retention import BATCH_SIZE, audit_prune


def _at_least(minimum: int) -> Any:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return parse


class Command(BaseCommand):
    help = (
        "Delete the audit events older than AUDIT_RETENTION_DAYS (or --days), oldest first, "
        "in batches. 0 days keeps everything. Safe to run any number of times."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=_at_least(0),
            default=None,
            help="Keep this many days instead of AUDIT_RETENTION_DAYS (0 keeps everything).",
        )
        parser.add_argument(
            "--batch-size",
            type=_at_least(1),
            default=BATCH_SIZE,
            help=f"Rows one delete statement removes at most (default {BATCH_SIZE}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = audit_prune(
                days=options["days"], batch_size=options["batch_size"], dry_run=options["dry_run"]
            )
        except ValueError as exc:  # a negative AUDIT_RETENTION_DAYS
            raise CommandError(str(exc)) from exc
        if result.cutoff is None:
            self.stdout.write("The retention is 0 days: the audit trail is kept for ever.")
            return
        before = timezone.localtime(result.cutoff).isoformat(timespec="seconds")
        if options["dry_run"]:
            self.stdout.write(f"Would delete {result.deleted} audit event(s) from before {before}.")
            return
        self.stdout.write(
            f"Deleted {result.deleted} audit event(s) from before {before} "
            f"in {result.batches} batch(es)."
        )
