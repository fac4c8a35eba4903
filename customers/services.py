"""Every write to customers, groups and orders goes through here.

The admin, the API, the CSV import, the order form and workflow steps all call these
functions, so validation and the ``customer.created`` / ``order.created`` events happen the
same way whichever door the data came in by.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any, Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.recording import audit_changes, audit_record, audit_snapshot
from core.csv_export import csv_restore
from core.text import unstorable_text
from customers import events
from customers.models import Customer, CustomerGroup, Order
from customers.rows import CustomerRowChecker, Numbering


class _Unset(enum.Enum):
    UNSET = enum.auto()


#: "Leave this field as it is" in ``customer_update``; ``None`` is a real value there.
UNSET: Final = _Unset.UNSET


# --- Customer groups ------------------------------------------------------------------------

#: What the audit trail records of a group's changes.
GROUP_FIELDS = ("name", "slug", "description")


def customer_group_save(*, group: CustomerGroup) -> CustomerGroup:
    """Save a new or changed group whose fields the caller's form or serializer checked, and
    record it in the audit trail (its deletion is recorded by ``audit_track_deletes``)."""
    with transaction.atomic():
        stored = CustomerGroup.objects.filter(pk=group.pk).first() if group.pk else None
        before = audit_snapshot(stored, GROUP_FIELDS) if stored is not None else None
        group.save()
        changes = audit_changes(before, audit_snapshot(group, GROUP_FIELDS))
        if before is None:
            audit_record(action=AuditEvent.Action.CREATE, obj=group, changes=changes)
        elif changes:
            audit_record(action=AuditEvent.Action.UPDATE, obj=group, changes=changes)
    return group


# --- Customers ------------------------------------------------------------------------------


def customer_create(
    *,
    name: str,
    email: str,
    active: bool = True,
    language: str = Customer.Language.NB,
    groups: Iterable[CustomerGroup] = (),
    external_id: str | None = None,
    phone: str = "",
) -> Customer:
    customer = Customer(
        name=name.strip(),
        email=email.strip(),
        active=active,
        language=language,
        external_id=(external_id or "").strip() or None,
        phone=phone.strip(),
    )
    # full_clean also checks the external_id constraint, so a duplicate is a ValidationError
    # the caller can show, not an IntegrityError.
    customer.full_clean()
    with transaction.atomic():
        customer.save()
        groups = list(groups)
        if groups:
            customer.groups.set(groups)
        _publish_customer_created(customer)
    return customer


def customer_update(
    *,
    customer: Customer,
    name: str | _Unset = UNSET,
    email: str | _Unset = UNSET,
    active: bool | _Unset = UNSET,
    language: str | _Unset = UNSET,
    groups: Iterable[CustomerGroup] | _Unset = UNSET,
    external_id: str | _Unset | None = UNSET,
    phone: str | _Unset = UNSET,
) -> Customer:
    """Change the given fields; the ones left out keep their value."""
    changes: dict[str, Any] = {}
    if not isinstance(name, _Unset):
        changes["name"] = name.strip()
    if not isinstance(email, _Unset):
        changes["email"] = email.strip()
    if not isinstance(active, _Unset):
        changes["active"] = active
    if not isinstance(language, _Unset):
        changes["language"] = language
    if not isinstance(external_id, _Unset):
        changes["external_id"] = (external_id or "").strip() or None
    if not isinstance(phone, _Unset):
        changes["phone"] = phone.strip()
    for attr, value in changes.items():
        setattr(customer, attr, value)
    customer.full_clean()
    with transaction.atomic():
        if changes:
            customer.save(update_fields=[*changes, "updated_at"])
        if not isinstance(groups, _Unset):
            customer.groups.set(list(groups))
    return customer


def customers_unsubscribe(*, customers: QuerySet[Customer]) -> int:
    """Mark customers as unsubscribed from non-transactional email; returns how many changed.

    Customers who already unsubscribed keep their original date: it is the consent record.
    """
    return customers.filter(unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now(), updated_at=timezone.now()
    )


def customers_resubscribe(*, customers: QuerySet[Customer]) -> int:
    return customers.filter(unsubscribed_at__isnull=False).update(
        unsubscribed_at=None, updated_at=timezone.now()
    )


def _publish_customer_created(customer: Customer) -> None:
    events.publish(
        events.CUSTOMER_CREATED,
        {"customer_id": customer.pk, "event_id": f"{events.CUSTOMER_CREATED}:{customer.pk}"},
    )


# --- Orders ---------------------------------------------------------------------------------

_LINE_KEYS: Final = frozenset({"sku", "name", "quantity"})


def order_lines_validate(lines: Any) -> list[dict[str, Any]]:
    """Return the lines in their stored shape, or raise a ValidationError on ``lines``.

    Public so that forms (the admin's, the order form's) can show these errors next to the
    field before anything is saved.
    """
    if not isinstance(lines, list):
        raise ValidationError(
            {"lines": _("Lines must be a list of {sku, quantity, name} objects.")},
            code="invalid",
        )
    problems: list[str] = []
    cleaned: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not isinstance(line, dict):
            problems.append(
                _("Line %(number)d must be an object with sku and quantity.") % {"number": number}
            )
            continue
        unknown = sorted(set(line) - _LINE_KEYS)
        if unknown:
            problems.append(
                _("Line %(number)d has unknown keys: %(keys)s.")
                % {"number": number, "keys": ", ".join(map(str, unknown))}
            )
        sku = line.get("sku")
        if not isinstance(sku, str) or not sku.strip():
            problems.append(_("Line %(number)d needs a sku (text).") % {"number": number})
        quantity = line.get("quantity")
        # bool is an int in Python; True must not order one of something.
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            problems.append(
                _("Line %(number)d needs a quantity that is a whole number above 0.")
                % {"number": number}
            )
        name = line.get("name", "")
        if not isinstance(name, str):
            problems.append(_("Line %(number)d: name must be text.") % {"number": number})
        if not problems:
            cleaned_line: dict[str, Any] = {"sku": sku.strip(), "quantity": quantity}
            if name.strip():
                cleaned_line["name"] = name.strip()
            cleaned.append(cleaned_line)
    if problems:
        raise ValidationError({"lines": problems}, code="invalid")
    return cleaned


def order_create(
    *,
    customer: Customer,
    lines: list[dict[str, Any]],
    source: str,
    status: str = Order.Status.PLACED,
    created_at: datetime | None = None,
    note: str = "",
    external_id: str | None = None,
    references_checked: bool = False,
) -> Order:
    """Validate and save an order, publishing ``order.created``.

    ``references_checked``: the caller read ``customer`` and looked for an order with this
    ``external_id`` itself, in its own transaction (a workflow step, under its execution's
    lock), so the two queries that would check them again are left out; the database's
    foreign key and unique constraint still guard both.
    """
    # Report the lines' problems and the other fields' together, as a form would.
    errors: dict[str, list[str]] = {}
    try:
        cleaned_lines = order_lines_validate(lines)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        cleaned_lines = []
    order = Order(
        customer=customer,
        lines=cleaned_lines,
        source=source,
        status=status,
        created_at=created_at or timezone.now(),
        note=note,
        external_id=(external_id or "").strip() or None,
    )
    try:
        if references_checked:
            order.full_clean(
                exclude=["lines", "customer"], validate_unique=False, validate_constraints=False
            )
        else:
            order.full_clean(exclude=["lines"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        order.save()
        events.publish(
            events.ORDER_CREATED,
            {
                "order_id": order.pk,
                "customer_id": customer.pk,
                "event_id": f"{events.ORDER_CREATED}:{order.pk}",
            },
        )
    return order


# --- CSV import -----------------------------------------------------------------------------

CSV_COLUMNS: Final = ("name", "email", "language", "groups", "external_id", "active", "phone")
CSV_REQUIRED_COLUMNS: Final = ("name", "email")
# SANN/USANN is what Norwegian Excel writes for a TRUE/FALSE cell.
_TRUE: Final = frozenset({"true", "ja", "1", "yes", "sann"})
_FALSE: Final = frozenset({"false", "nei", "0", "no", "usann"})
_GROUP_SEPARATORS: Final = re.compile(r"[,;]")


@dataclass(frozen=True)
class ImportProblem:
    #: The row as a spreadsheet numbers it (the header is row 1); None for the whole file.
    row: int | None
    #: The column the problem is in; empty when it is about the row or the file.
    field: str
    message: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    name: str
    email: str
    language: str | None
    groups: list[CustomerGroup] | None
    external_id: str | None
    active: bool | None
    phone: str | None


def customer_import_csv(*, file: IO[bytes] | IO[str]) -> ImportReport:
    """Create or update customers from a CSV file: all rows or none.

    Every row is checked before anything is written, and every problem is reported, so the
    user can fix the whole file in one go. A row whose external_id is already known updates
    that customer; an empty optional cell leaves the customer's value as it is.
    """
    report = ImportReport()
    text = _read_text(file, report)
    if text is None:
        return report
    with transaction.atomic():
        rows = _parse_rows(text, report)
        if not report.ok:
            return report
        existing = {
            c.external_id: c
            for c in Customer.objects.select_for_update().filter(
                external_id__in=[r.external_id for r in rows if r.external_id]
            )
        }
        _write_rows(rows, existing, report)
    return report


def _read_text(file: IO[bytes] | IO[str], report: ImportReport) -> str | None:
    text = _decoded(file.read(), report)
    if text is None:
        return None
    reason = unstorable_text(text)
    if reason:
        # A NUL is what a spreadsheet's binary file (.xlsx) or UTF-16 without a BOM looks like
        # decoded as text; no column could store it either.
        position = next(i for i, char in enumerate(text) if unstorable_text(char))
        report.errors.append(
            ImportProblem(
                None,
                "",
                _(
                    "Line %(line)d of the file contains a NUL character or invalid Unicode: it "
                    "is not a CSV text file. Save it as CSV UTF-8."
                )
                % {"line": text.count("\n", 0, position) + 1},
            )
        )
        return None
    return text


def _decoded(raw: bytes | str, report: ImportReport) -> str | None:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" is UTF-16 with a BOM.
        try:
            return raw.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Excel's plain "CSV" format is Windows-1252 in Norway; accept it rather than make every
    # user learn about "CSV UTF-8".
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        report.errors.append(
            ImportProblem(None, "", _("The file is not UTF-8 text. Save it as CSV UTF-8."))
        )
        return None


def _parse_rows(text: str, report: ImportReport) -> list[_Row]:
    errors = report.errors
    first_line = text.split("\n", 1)[0]
    # Decided by the header alone: a ;-file may well have commas inside its group cells.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        errors.append(
            ImportProblem(
                reader.line_num,
                "",
                _("The file is not valid CSV: %(error)s") % {"error": exc},
            )
        )
        return []
    if not records or not any(cell.strip() for cell in records[0]):
        errors.append(ImportProblem(1, "", _("The file is empty; it needs a header row.")))
        return []

    header = [cell.strip().lower() for cell in records[0]]
    for position, column in enumerate(header):
        if column and column not in CSV_COLUMNS:
            errors.append(
                ImportProblem(
                    1,
                    column,
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join(CSV_COLUMNS)},
                )
            )
        elif column and column in header[:position]:
            errors.append(ImportProblem(1, column, _("This column appears more than once.")))
    for column in CSV_REQUIRED_COLUMNS:
        if column not in header:
            errors.append(ImportProblem(1, column, _("This required column is missing.")))
    if errors:
        return []

    all_groups = list(CustomerGroup.objects.all())
    groups_by_key: dict[str, CustomerGroup] = {}
    for group in all_groups:
        groups_by_key.setdefault(group.name.casefold(), group)
    # Slugs win over names: they are unique, names are not.
    for group in all_groups:
        groups_by_key[group.slug.casefold()] = group

    # Slugs and names as people type them in a spreadsheet (the API takes slugs only).
    checker = CustomerRowChecker(
        numbering=Numbering.ROWS, find_group=lambda key: groups_by_key.get(key.casefold())
    )
    rows: list[_Row] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # Spreadsheets like to leave empty rows at the end.
        if len(record) > len(header) and any(cell.strip() for cell in record[len(header) :]):
            errors.append(
                ImportProblem(number, "", _("The row has more cells than the header has columns."))
            )
            continue
        # A cell we wrote with a leading "'" against spreadsheet formulas (core.csv_export)
        # imports as the value it stood for.
        cells = {
            column: (csv_restore(record[i].lstrip()).strip() if i < len(record) else "")
            for i, column in enumerate(header)
            if column
        }
        rows.append(_parse_row(number, cells, checker, errors))
    if not rows and not errors:
        errors.append(ImportProblem(None, "", _("The file has no customer rows.")))
    return rows


def _parse_row(
    number: int,
    cells: dict[str, str],
    checker: CustomerRowChecker,
    errors: list[ImportProblem],
) -> _Row:
    """Read the row's cells as values and check them with the shared customer-row rules.

    Name and email are always given (their columns are required); an empty optional cell is
    left out, so it leaves an existing customer's value as it is.
    """
    item: dict[str, Any] = {"name": cells.get("name", ""), "email": cells.get("email", "")}
    if cells.get("external_id"):
        item["external_id"] = cells["external_id"]
    active_problem: ImportProblem | None = None
    if cells.get("active"):
        value = cells["active"].lower()
        if value in _TRUE:
            item["active"] = True
        elif value in _FALSE:
            item["active"] = False
        else:
            active_problem = ImportProblem(
                number,
                "active",
                _("“%(value)s” is not yes or no; use true/false, ja/nei or 1/0.")
                % {"value": cells["active"]},
            )
    if cells.get("language"):
        # Any case as typed; a value that is no language is reported as it was written.
        language = cells["language"].lower()
        item["language"] = language if language in Customer.Language.values else cells["language"]
    if cells.get("groups"):
        keys = [part.strip() for part in _GROUP_SEPARATORS.split(cells["groups"])]
        item["groups"] = [key for key in keys if key]
    if cells.get("phone"):
        item["phone"] = cells["phone"]

    row = checker.check(item, number=number)
    errors.extend(ImportProblem(number, problem.field, problem.message) for problem in row.problems)
    if active_problem is not None:
        errors.append(active_problem)
    values = row.values
    return _Row(
        number=number,
        name=values.get("name", ""),
        email=values.get("email", ""),
        language=values.get("language"),
        groups=row.groups,
        external_id=row.external_id,
        active=values.get("active"),
        phone=values.get("phone"),
    )


def _write_rows(rows: list[_Row], existing: dict[str, Customer], report: ImportReport) -> None:
    now = timezone.now()
    to_create: list[tuple[Customer, _Row]] = []
    to_update: list[tuple[Customer, _Row]] = []
    for row in rows:
        customer = existing.get(row.external_id) if row.external_id else None
        if customer is None:
            customer = Customer(
                name=row.name,
                email=row.email,
                external_id=row.external_id,
                language=row.language or Customer.Language.NB,
                active=True if row.active is None else row.active,
                phone=row.phone or "",
            )
            to_create.append((customer, row))
        else:
            customer.name = row.name
            customer.email = row.email
            customer.updated_at = now
            if row.language is not None:
                customer.language = row.language
            if row.active is not None:
                customer.active = row.active
            if row.phone is not None:
                customer.phone = row.phone
            to_update.append((customer, row))

    Customer.objects.bulk_create([customer for customer, _row in to_create], batch_size=500)
    Customer.objects.bulk_update(
        [customer for customer, _row in to_update],
        ["name", "email", "language", "active", "phone", "updated_at"],
        batch_size=500,
    )

    # Groups: a row that names groups sets exactly those; a row without leaves them alone.
    through = Customer.groups.through
    regrouped = [(customer, row.groups) for customer, row in to_create + to_update if row.groups]
    through.objects.filter(customer_id__in=[customer.pk for customer, _g in regrouped]).delete()
    through.objects.bulk_create(
        [
            through(customer_id=customer.pk, customergroup_id=group.pk)
            for customer, groups in regrouped
            for group in groups
        ],
        batch_size=1000,
    )

    for customer, _row in to_create:
        _publish_customer_created(customer)
    report.created = len(to_create)
    report.updated = len(to_update)
