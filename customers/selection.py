"""Which customers a workflow step acts on: its recipients resolved to customers, narrowed by
a condition on their orders or attributes. The engine, the preview and the reports all use
these rules, so a preview counts exactly whom a run would reach."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, QuerySet

from core.reasons import Reason, ReasonError
from customers.models import Customer, Order

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Orders that count as "the customer ordered": not drafts (e.g. a standing order the workflow
# itself prepared) and not cancelled ones.
COUNTED_ORDER_STATUSES = [
    Order.Status.PLACED,
    Order.Status.CONFIRMED,
    Order.Status.DELIVERED,
]


class SelectionError(ReasonError, ValueError):
    """A definition the validator should have refused (a stale row, a hand-edited one)."""


def resolve_recipients(
    recipients: dict[str, Any],
    *,
    outputs: dict[str, list[int]],
    event: dict[str, Any] | None = None,
) -> QuerySet:
    """Customers named by a `recipients` object. Inactive customers are never included;
    unsubscribed and suppressed ones are, so that the step can log why it skips them."""
    customers = Customer.objects.filter(active=True)
    if "group" in recipients:
        group = recipients["group"]
        return customers if group == "all" else customers.filter(groups__slug=group).distinct()
    if "customer_ids" in recipients:
        return customers.filter(pk__in=recipients["customer_ids"])
    if "from_step" in recipients:
        return customers.filter(pk__in=outputs.get(str(recipients["from_step"]), []))
    if recipients.get("event_customer"):
        customer_id = (event or {}).get("customer_id")
        return customers.filter(pk=customer_id) if customer_id else customers.none()
    raise SelectionError(Reason("selection.unknown_recipients", recipients=repr(recipients)))


def event_customer_named(*, customer_id: int | None = None, email: str | None = None) -> int | None:
    """The id of the customer an outside event names, or None when it names none we know.

    ``customer_id`` is kept when such a customer exists, active or not: whether they get
    anything is decided when a step runs (``resolve_recipients`` leaves inactive customers
    out). ``email`` matches an active customer's address whatever its case; an address that
    no active customer or several have names nobody (never a guess between two).
    """
    if customer_id is not None:
        return customer_id if Customer.objects.filter(pk=customer_id).exists() else None
    if email:
        ids = list(
            Customer.objects.filter(active=True, email__iexact=email.strip()).values_list(
                "pk", flat=True
            )[:2]
        )
        return ids[0] if len(ids) == 1 else None
    return None


def window_start(
    condition: dict[str, Any], *, execution_start: datetime, now: datetime, timezone: str
) -> datetime:
    """The start of the order window of an orders_missing / has_ordered check."""
    if "days_back" in condition:
        return now - timedelta(days=int(condition["days_back"]))
    since = condition.get("since", "execution_start")
    if since == "execution_start":
        return execution_start
    if since.startswith("last_"):
        weekday = WEEKDAYS.index(since.removeprefix("last_"))
        local_now = now.astimezone(ZoneInfo(timezone))
        days_ago = (local_now.weekday() - weekday) % 7
        day = (local_now - timedelta(days=days_ago)).date()
        return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(timezone))
    raise SelectionError(Reason("selection.unknown_window", window=repr(since)))


def apply_condition(
    customers: QuerySet,
    condition: dict[str, Any],
    *,
    execution_start: datetime,
    now: datetime,
    timezone: str,
) -> QuerySet:
    check = condition.get("check")
    if check in ("orders_missing", "has_ordered"):
        start = window_start(condition, execution_start=execution_start, now=now, timezone=timezone)
        ordered = Order.objects.filter(
            customer=OuterRef("pk"),
            created_at__gte=start,
            status__in=COUNTED_ORDER_STATUSES,
        )
        if check == "orders_missing":
            return customers.filter(~Exists(ordered))
        return customers.filter(Exists(ordered))
    if check == "customer_filter":
        if "group" in condition and condition["group"] != "all":
            customers = customers.filter(groups__slug=condition["group"]).distinct()
        if "active" in condition:
            customers = customers.filter(active=condition["active"])
        if "language" in condition:
            customers = customers.filter(language=condition["language"])
        return customers
    raise SelectionError(Reason("selection.unknown_check", check=repr(check)))
