"""Writes the integrator API needs beyond ``customers.services``: order updates and the
bulk upserts by ``external_id`` that business systems use to keep customers and orders in
sync.

A bulk upsert is all or nothing, like the CSV import: every item is checked before anything
is written, every problem is reported with a JSON Pointer into the submitted list
(``/3/email``), and the writes go through ``customer_create`` / ``customer_update`` /
``order_create`` so validation and the ``customer.created`` / ``order.created`` events are the
same as for any other door.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core.pointer import pointer
from customers.models import Customer, CustomerGroup, Order
from customers.rows import CUSTOMER_ROW_FIELDS, CustomerRowChecker, Numbering
from customers.services import (
    UNSET,
    customer_create,
    customer_update,
    order_create,
    order_lines_validate,
)

MAX_BULK_ITEMS: Final = 1000

CUSTOMER_SYNC_FIELDS: Final = CUSTOMER_ROW_FIELDS
ORDER_SYNC_FIELDS: Final = (
    "external_id",
    "customer_external_id",
    "lines",
    "status",
    "created_at",
    "note",
)

ApiError = dict[str, str]


class SyncValidationError(Exception):
    """Input that cannot be saved; ``errors`` in the workflow format's shape (path, code,
    message). Nothing has been written."""

    def __init__(self, errors: list[ApiError]) -> None:
        super().__init__("; ".join(f"{e['path']}: {e['message']}" for e in errors))
        self.errors = errors

    def as_api_errors(self) -> list[ApiError]:
        return list(self.errors)


class UpsertOutcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"


@dataclass
class UpsertReport:
    created: int = 0
    updated: int = 0
    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, *, external_id: str, pk: int, outcome: UpsertOutcome) -> None:
        if outcome is UpsertOutcome.CREATED:
            self.created += 1
        else:
            self.updated += 1
        self.items.append({"external_id": external_id, "id": pk, "outcome": outcome.value})

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "items": self.items}


#: Conditional unique constraints report as whole-object errors; name the field instead.
_CONSTRAINT_FIELDS: Final = {
    "customer_external_id_unique": ("external_id", "Another customer has this external id."),
    "order_external_id_unique": ("external_id", "Another order has this external id."),
}


def validation_error_items(exc: ValidationError, *prefix: object) -> list[ApiError]:
    """A Django ValidationError as error items, one per message, under ``prefix``."""
    items: list[ApiError] = []
    if hasattr(exc, "error_dict"):
        for field_name, errors in exc.error_dict.items():
            path = pointer(*prefix) if field_name == "__all__" else pointer(*prefix, field_name)
            for error in errors:
                for message in error.messages:
                    constraint = next((n for n in _CONSTRAINT_FIELDS if n in message), None)
                    if field_name == "__all__" and constraint is not None:
                        constraint_field, friendly = _CONSTRAINT_FIELDS[constraint]
                        items.append(
                            {
                                "path": pointer(*prefix, constraint_field),
                                "code": "duplicate",
                                "message": friendly,
                            }
                        )
                        continue
                    items.append(
                        {"path": path, "code": error.code or "invalid", "message": message}
                    )
    else:
        for error in exc.error_list:
            for message in error.messages:
                items.append(
                    {"path": pointer(*prefix), "code": error.code or "invalid", "message": message}
                )
    return items


# --- Orders -----------------------------------------------------------------------------------


class _Keep(enum.Enum):
    KEEP = enum.auto()


KEEP: Final = _Keep.KEEP


def order_update(
    *,
    order: Order,
    customer: Customer | _Keep = KEEP,
    lines: list[dict[str, Any]] | _Keep = KEEP,
    status: str | _Keep = KEEP,
    created_at: datetime | _Keep = KEEP,
    note: str | _Keep = KEEP,
    external_id: str | _Keep | None = KEEP,
) -> Order:
    """Change the given fields of an order; raises ValidationError (all fields' problems) and
    leaves the row unchanged when invalid."""
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    if not isinstance(lines, _Keep):
        try:
            changes["lines"] = order_lines_validate(lines)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if not isinstance(customer, _Keep):
        changes["customer"] = customer
    if not isinstance(status, _Keep):
        changes["status"] = status
    if not isinstance(created_at, _Keep):
        changes["created_at"] = created_at
    if not isinstance(note, _Keep):
        changes["note"] = note
    if not isinstance(external_id, _Keep):
        changes["external_id"] = (external_id or "").strip() or None
    candidate = Order.objects.get(pk=order.pk)
    for attr, value in changes.items():
        setattr(candidate, attr, value)
    try:
        candidate.full_clean(exclude=["lines"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    if changes:
        with transaction.atomic():
            candidate.save(update_fields=list(changes))
    for attr in changes:
        setattr(order, attr, getattr(candidate, attr))
    return order


# --- Shared checks ----------------------------------------------------------------------------


def _check_list(items: Any) -> list[Any]:
    if not isinstance(items, list):
        raise SyncValidationError(
            [{"path": "", "code": "invalid_type", "message": "Send a JSON array of items."}]
        )
    if not items:
        raise SyncValidationError(
            [{"path": "", "code": "empty", "message": "Send at least one item."}]
        )
    if len(items) > MAX_BULK_ITEMS:
        raise SyncValidationError(
            [
                {
                    "path": "",
                    "code": "too_many_items",
                    "message": f"At most {MAX_BULK_ITEMS} items per request; send "
                    f"{len(items)} in several requests.",
                }
            ]
        )
    return items


def _check_item_keys(
    index: int, item: Any, allowed: tuple[str, ...], errors: list[ApiError]
) -> bool:
    if not isinstance(item, dict):
        errors.append(
            {"path": pointer(index), "code": "invalid_type", "message": "Each item is an object."}
        )
        return False
    for key in item:
        if key not in allowed:
            errors.append(
                {
                    "path": pointer(index, key),
                    "code": "unknown_field",
                    "message": f"Unknown field; the fields are: {', '.join(allowed)}.",
                }
            )
    return True


def _external_id(
    index: int,
    item: Mapping[str, Any],
    key: str,
    seen: dict[str, int] | None,
    errors: list[ApiError],
) -> str | None:
    value = item.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        errors.append(
            {"path": pointer(index, key), "code": "required", "message": f"{key} is required."}
        )
        return None
    value = value.strip()
    if len(value) > 100:
        errors.append(
            {
                "path": pointer(index, key),
                "code": "too_long",
                "message": f"{key} is longer than 100 characters.",
            }
        )
        return None
    if seen is not None:
        if value in seen:
            errors.append(
                {
                    "path": pointer(index, key),
                    "code": "duplicate",
                    "message": f"This {key} is also at {pointer(seen[value])}.",
                }
            )
            return None
        seen[value] = index
    return value


def _typed(
    index: int,
    item: Mapping[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    label: str,
    errors: list[ApiError],
) -> Any:
    """The value of ``key`` when present and of ``kind``; UNSET when absent or wrong."""
    if key not in item:
        return UNSET
    value = item[key]
    # bool is an int: true must not pass as a number, nor 1 as a boolean.
    wrong_bool = isinstance(value, bool) and kind is not bool
    if wrong_bool or not isinstance(value, kind):
        errors.append(
            {
                "path": pointer(index, key),
                "code": "invalid_type",
                "message": f"{key} must be {label}.",
            }
        )
        return UNSET
    return value


# --- Customers --------------------------------------------------------------------------------


@dataclass
class _CustomerRow:
    index: int
    external_id: str
    values: dict[str, Any]
    groups: list[CustomerGroup] | None


def customers_bulk_upsert(*, items: Any) -> UpsertReport:
    """Create or update customers keyed by ``external_id``: all items or none.

    Fields left out of an item keep their value on update; ``name`` and ``email`` are
    required for a new customer. ``groups`` (slugs) sets exactly those groups.
    """
    items = _check_list(items)
    errors: list[ApiError] = []
    external_ids = [
        str(item.get("external_id")).strip()
        for item in items
        if isinstance(item, dict) and item.get("external_id") is not None
    ]
    existing = {c.external_id: c for c in Customer.objects.filter(external_id__in=external_ids)}

    # The rules of a customer row are the CSV import's too (customers.rows).
    checker = CustomerRowChecker(
        numbering=Numbering.ITEMS, external_id_required=True, known_external_ids=existing
    )
    rows: list[_CustomerRow] = []
    for index, item in enumerate(items):
        if not _check_item_keys(index, item, CUSTOMER_SYNC_FIELDS, errors):
            continue
        row = checker.check(item, number=index)
        errors.extend(problem.as_error(index) for problem in row.problems)
        if row.external_id is not None:
            rows.append(_CustomerRow(index, row.external_id, row.values, row.groups))
    if errors:
        raise SyncValidationError(errors)

    report = UpsertReport()
    try:
        with transaction.atomic():
            locked = {
                c.external_id: c
                for c in Customer.objects.select_for_update().filter(
                    external_id__in=[row.external_id for row in rows]
                )
            }
            for row in rows:
                _write_customer(row, locked.get(row.external_id), report)
    except _RowFailed as failed:
        raise SyncValidationError(failed.errors) from None
    return report


class _RowFailed(Exception):
    def __init__(self, errors: list[ApiError]) -> None:
        super().__init__(errors)
        self.errors = errors


def _write_customer(row: _CustomerRow, current: Customer | None, report: UpsertReport) -> None:
    groups = row.groups if row.groups is not None else UNSET
    try:
        if current is None:
            customer = customer_create(
                external_id=row.external_id,
                groups=row.groups or (),
                **row.values,
            )
            outcome = UpsertOutcome.CREATED
        else:
            customer = customer_update(customer=current, groups=groups, **row.values)
            outcome = UpsertOutcome.UPDATED
    except ValidationError as exc:
        # Only a concurrent writer can get here (everything was checked above): the whole
        # request is rolled back and the item named.
        raise _RowFailed(validation_error_items(exc, row.index)) from exc
    report.add(external_id=row.external_id, pk=customer.pk, outcome=outcome)


# --- Orders -----------------------------------------------------------------------------------


@dataclass
class _OrderRow:
    index: int
    external_id: str
    customer: Customer
    values: dict[str, Any]


def orders_bulk_upsert(*, items: Any) -> UpsertReport:
    """Create or update orders keyed by ``external_id``: all items or none.

    Each item names its customer by ``customer_external_id``. Fields left out keep their
    value on update; ``lines`` is required for a new order. New orders get source ``api``.
    """
    items = _check_list(items)
    check = _OrderCheck.read(items)
    rows: list[_OrderRow] = []
    for index, item in enumerate(items):
        row = check.row(index, item)
        if row is not None:
            rows.append(row)
    if check.errors:
        raise SyncValidationError(check.errors)
    return _write_orders(rows)


@dataclass
class _OrderCheck:
    """Checks order items one at a time against what is read once for all of them (their
    customers, the orders that exist); what is wrong piles up in ``errors``."""

    customers: dict[str, Customer]
    existing: dict[str, Order]
    errors: list[ApiError] = field(default_factory=list)
    #: external_id -> the index of the first item that has it
    seen: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, items: list[Any]) -> _OrderCheck:
        customer_keys = {
            str(item.get("customer_external_id")).strip()
            for item in items
            if isinstance(item, dict) and item.get("customer_external_id") is not None
        }
        customers = {
            c.external_id: c for c in Customer.objects.filter(external_id__in=customer_keys)
        }
        order_keys = [
            str(item.get("external_id")).strip()
            for item in items
            if isinstance(item, dict) and item.get("external_id") is not None
        ]
        existing = {o.external_id: o for o in Order.objects.filter(external_id__in=order_keys)}
        return cls(customers=customers, existing=existing)

    def row(self, index: int, item: Any) -> _OrderRow | None:
        """The item as a row to write, or None when it cannot be written."""
        if not _check_item_keys(index, item, ORDER_SYNC_FIELDS, self.errors):
            return None
        external_id = _external_id(index, item, "external_id", self.seen, self.errors)
        customer = self._customer(index, item)
        values: dict[str, Any] = {}
        lines = self._lines(index, item, external_id)
        if lines is not UNSET:
            values["lines"] = lines
        status = self._status(index, item)
        if status is not UNSET:
            values["status"] = status
        created_at = self._created_at(index, item)
        if created_at is not UNSET:
            values["created_at"] = created_at
        note = _typed(index, item, "note", str, "text", self.errors)
        if note is not UNSET:
            values["note"] = note
        if external_id is not None and customer is not None:
            return _OrderRow(index, external_id, customer, values)
        return None

    def _customer(self, index: int, item: Mapping[str, Any]) -> Customer | None:
        customer_key = _external_id(index, item, "customer_external_id", None, self.errors)
        customer = self.customers.get(customer_key) if customer_key else None
        if customer_key and customer is None:
            self.errors.append(
                {
                    "path": pointer(index, "customer_external_id"),
                    "code": "unknown_customer",
                    "message": f"No customer has the external id {customer_key!r}.",
                }
            )
        return customer

    def _lines(self, index: int, item: Mapping[str, Any], external_id: str | None) -> Any:
        """The checked order lines; UNSET when absent (required for a new order) or wrong."""
        if "lines" in item:
            try:
                return order_lines_validate(item["lines"])
            except ValidationError as exc:
                self.errors.extend(validation_error_items(exc, index))
        elif external_id is not None and external_id not in self.existing:
            self.errors.append(
                {
                    "path": pointer(index, "lines"),
                    "code": "required",
                    "message": "lines is required for a new order.",
                }
            )
        return UNSET

    def _status(self, index: int, item: Mapping[str, Any]) -> Any:
        status = _typed(index, item, "status", str, "text", self.errors)
        if status is not UNSET and status not in Order.Status.values:
            self.errors.append(
                {
                    "path": pointer(index, "status"),
                    "code": "invalid_choice",
                    "message": f"status must be one of: {', '.join(Order.Status.values)}.",
                }
            )
            return UNSET
        return status

    def _created_at(self, index: int, item: Mapping[str, Any]) -> Any:
        created_at = _typed(
            index, item, "created_at", str, "an ISO 8601 date and time", self.errors
        )
        if created_at is UNSET:
            return UNSET
        parsed = _parse_datetime(created_at)
        if parsed is None:
            self.errors.append(
                {
                    "path": pointer(index, "created_at"),
                    "code": "invalid_datetime",
                    "message": "created_at must be an ISO 8601 date and time.",
                }
            )
            return UNSET
        return parsed


def _write_orders(rows: list[_OrderRow]) -> UpsertReport:
    """Write checked rows in one transaction, each order locked; all or none."""
    report = UpsertReport()
    try:
        with transaction.atomic():
            locked = {
                o.external_id: o
                for o in Order.objects.select_for_update().filter(
                    external_id__in=[row.external_id for row in rows]
                )
            }
            for row in rows:
                _write_order(row, locked.get(row.external_id), report)
    except _RowFailed as failed:
        raise SyncValidationError(failed.errors) from None
    return report


def _write_order(row: _OrderRow, current: Order | None, report: UpsertReport) -> None:
    try:
        if current is None:
            order = order_create(
                customer=row.customer,
                lines=row.values.get("lines", []),
                source=Order.Source.API,
                status=row.values.get("status", Order.Status.PLACED),
                created_at=row.values.get("created_at"),
                note=row.values.get("note", ""),
                external_id=row.external_id,
            )
            outcome = UpsertOutcome.CREATED
        else:
            order = order_update(order=current, customer=row.customer, **row.values)
            outcome = UpsertOutcome.UPDATED
    except ValidationError as exc:
        raise _RowFailed(validation_error_items(exc, row.index)) from exc
    report.add(external_id=row.external_id, pk=order.pk, outcome=outcome)


def _parse_datetime(value: str) -> datetime | None:
    try:
        parsed = parse_datetime(value.strip())
    except ValueError:
        return None
    if parsed is None:
        return None
    try:
        if timezone.is_naive(parsed):
            # Business systems often send local wall-clock time: read it in our time zone.
            parsed = timezone.make_aware(parsed)
        # In UTC: the database refuses some offsets Python accepts (up to +-24 h).
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
