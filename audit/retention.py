"""How long the audit trail keeps its events: ``settings.AUDIT_RETENTION_DAYS`` (400 days by
default; 0 keeps them for ever).

``audit_prune`` deletes the older events oldest first, in batches of at most ``batch_size``
rows, each batch its own short transaction: a large backlog (the first prune of a years-old
trail) never holds one long lock or builds one huge statement, and the services that record
new events meanwhile are not kept waiting. Beat runs it once a day (``audit.tasks``);
operators run ``manage.py prune_audit``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent

__all__ = ["BATCH_SIZE", "PruneResult", "audit_prune", "audit_retention_cutoff"]

logger = logging.getLogger(__name__)

#: Rows one batch deletes at most.
BATCH_SIZE = 1000


@dataclass(frozen=True)
class PruneResult:
    #: Events older than this were deleted; None when the trail is kept for ever.
    cutoff: dt.datetime | None
    deleted: int = 0
    batches: int = 0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cutoff"] = self.cutoff.isoformat() if self.cutoff else None
        return data


def audit_retention_cutoff(
    *, days: int | None = None, now: dt.datetime | None = None
) -> dt.datetime | None:
    """The moment before which events are deleted: ``days`` (``AUDIT_RETENTION_DAYS`` when
    not given) before ``now``; None for 0 (keep for ever). Raises ``ValueError`` when
    negative."""
    if days is None:
        days = int(settings.AUDIT_RETENTION_DAYS)
    if days < 0:
        raise ValueError(f"the audit retention must be 0 (keep for ever) or more days, not {days}")
    if days == 0:
        return None
    return (now or timezone.now()) - dt.timedelta(days=days)


def _older_than(cutoff: dt.datetime) -> Any:
    return AuditEvent.objects.filter(at__lt=cutoff)


def _delete_batch(cutoff: dt.datetime, batch_size: int) -> int:
    with transaction.atomic():
        ids = list(
            _older_than(cutoff).order_by("at", "pk").values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return 0
        deleted, _by_model = AuditEvent.objects.filter(pk__in=ids).delete()
    return deleted


def audit_prune(
    *,
    days: int | None = None,
    batch_size: int = BATCH_SIZE,
    max_batches: int | None = None,
    dry_run: bool = False,
) -> PruneResult:
    """Delete the events older than the retention (``days``, else the setting), in batches
    of at most ``batch_size``, until none is left or ``max_batches`` batches ran.
    ``dry_run`` deletes nothing and says how many events would go."""
    if batch_size < 1:
        raise ValueError(f"the batch size must be at least 1, not {batch_size}")
    cutoff = audit_retention_cutoff(days=days)
    if cutoff is None:
        return PruneResult(cutoff=None)
    if dry_run:
        return PruneResult(cutoff=cutoff, deleted=_older_than(cutoff).count())
    deleted = batches = 0
    while max_batches is None or batches < max_batches:
        count = _delete_batch(cutoff, batch_size)
        if not count:
            break
        deleted += count
        batches += 1
        if count < batch_size:
            break
    if deleted:
        logger.info("Deleted %s audit events older than %s", deleted, cutoff.isoformat())
    return PruneResult(cutoff=cutoff, deleted=deleted, batches=batches)
