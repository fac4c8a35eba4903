"""The editor page's nested parts, each as form rows in words (see ``editor_views``):

- a fixed moment (``trigger_config.at``) as a date and a wall-clock time in the workflow's
  time zone;
- a ``customer_filter`` condition as field / operator / value rows;
- order lines as product / quantity rows;
- a request body as name / value rows, with the variables the step type offers;
- the event that starts an event-based workflow, and a webhook's name.

Each part reads the posted fields into the document's shape and the document back into
the rows the template shows. What a value means is left to THE validator: text that is not a
date, a number or a product travels as typed and comes back as an error at its field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.http import QueryDict
from django.utils.translation import gettext_lazy

from automation.step_config import Condition
from customers.catalogue import CATALOGUE, product_get

__all__ = [
    "FILTER_FIELDS",
    "RowOp",
    "body_from",
    "body_is_rows",
    "body_rows",
    "body_text",
    "event_from",
    "filter_default",
    "filter_from",
    "filter_languages",
    "filter_rows",
    "filter_unused",
    "lines_from",
    "lines_rows",
    "moment_fields",
    "moment_from",
    "products",
    "row_op",
    "same_moment",
]

#: A row operation for one part of one step: (what, which row), e.g. ("remove", "2").
RowOp = tuple[str, str]

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
#: Most rows a part shows (the format allows 500 order lines; a form this long is unusable).
MAX_ROWS = 100


def row_op(op: str, part: str, index: int) -> RowOp | None:
    """The button pressed, when it is one of ``part``'s rows in step ``index``: an ``op`` of
    ``"<part>-<what>:<step index>[:<row>]"``."""
    head, _sep, rest = op.partition(":")
    what = head.removeprefix(f"{part}-")
    if what == head:
        return None
    step, _sep, row = rest.partition(":")
    return (what, row) if step == str(index) else None


def _count(post: QueryDict, name: str) -> int | None:
    """How many rows the form had; None when it had no such rows at all."""
    if name not in post:
        return None
    try:
        return max(0, min(int(post.get(name) or 0), MAX_ROWS))
    except ValueError:
        return 0


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Oslo")


# --- A fixed moment ----------------------------------------------------------------------------


def moment_from(date_text: str, time_text: str, zone_name: str) -> str:
    """``at`` as an ISO 8601 datetime with the offset the zone has on that date (summer or
    winter time). A wall-clock time that does not exist (inside the spring gap) is the
    moment it becomes, an hour later; one that exists twice (autumn) is the first. Text that
    is no date or time is passed on as typed: the validator says what is wrong."""
    date_text, time_text = date_text.strip(), time_text.strip()
    match = _TIME.match(time_text)
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        day = None
    if day is None or match is None:
        return f"{date_text}T{time_text}"
    zone = _zone(zone_name)
    local = dt.datetime.combine(day, dt.time(int(match[1]), int(match[2])), tzinfo=zone)
    # Through UTC and back: a time in the gap comes back as the moment it really is.
    real = local.astimezone(dt.UTC).astimezone(zone)
    return real.isoformat()


def same_moment(new: str, before: Any) -> bool:
    """Whether ``before`` (the stored ``at``) is the moment the form says, to the minute the
    form shows: then the stored text stays as it was written."""
    try:
        old = dt.datetime.fromisoformat(str(before))
        again = dt.datetime.fromisoformat(new)
    except ValueError:
        return False
    if old.tzinfo is None or again.tzinfo is None:
        return False
    return old.replace(second=0, microsecond=0) == again


def moment_fields(value: Any, zone_name: str) -> tuple[str, str]:
    """(date, time) the card shows for an ``at`` value, in the zone's wall-clock time."""
    text = str(value or "")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        date_text, _sep, time_text = text.partition("T")
        return date_text, time_text
    if moment.tzinfo is not None:
        moment = moment.astimezone(_zone(zone_name))
    return moment.date().isoformat(), moment.strftime("%H:%M")


# --- The customer filter -----------------------------------------------------------------------

#: The fields a customer_filter may check, in the order the rows show them; the format's
#: only operator is "is".
FILTER_FIELDS: tuple[tuple[str, Any], ...] = (
    ("group", gettext_lazy("Customer group")),
    ("active", gettext_lazy("Active")),
    ("language", gettext_lazy("Language")),
)
FILTER_LABELS = dict(FILTER_FIELDS)
LANGUAGE_LABELS = {"nb": gettext_lazy("Norwegian"), "en": gettext_lazy("English")}


def filter_languages() -> list[tuple[str, Any]]:
    """The languages the format allows a filter to check, read from its schema."""
    schema = Condition.model_json_schema()["properties"]["language"]
    options = schema.get("enum") or [
        option["const"] for option in schema.get("anyOf", []) if "const" in option
    ]
    return [(code, LANGUAGE_LABELS.get(code, code)) for code in options]


def _filter_value(field: str, text: str) -> Any:
    if field == "active":
        return {"yes": True, "no": False}.get(text, text)
    return text


def filter_from(
    post: QueryDict, prefix: str, base: Mapping[str, Any], op: RowOp | None
) -> dict[str, Any]:
    """A customer_filter condition from its rows. Fresh (the check was just chosen): the
    stored filter, or one empty group row to fill in. ``op``: ("add", "") adds a row for a
    field no row checks yet, ("remove", field) leaves that field's row out."""
    count = _count(post, f"{prefix}filter_count")
    condition: dict[str, Any] = {"check": "customer_filter"}
    if count is None:
        stored = dict(base.get("condition_config") or {})
        if stored.get("check") == "customer_filter":
            return stored
        condition["group"] = ""
        return condition
    known = dict(FILTER_FIELDS)
    for row in range(count):
        field = post.get(f"{prefix}filter-{row}-field") or ""
        if field in known and op != ("remove", field):
            text = (post.get(f"{prefix}filter-{row}-value") or "").strip()
            condition[field] = _filter_value(field, text)
    if op is not None and op[0] == "add" and (unused := filter_unused(condition)):
        condition[unused] = filter_default(unused)
    return condition


def filter_rows(condition: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per field the filter checks: the field, its value as the form's option and
    the fields the row may switch to (not those another row checks)."""
    used = [field for field, _label in FILTER_FIELDS if field in condition]
    rows = []
    for field in used:
        value = condition[field]
        if field == "active" and isinstance(value, bool):
            value = "yes" if value else "no"
        rows.append(
            {
                "field": field,
                "value": "" if value is None else str(value),
                "fields": [(f, label) for f, label in FILTER_FIELDS if f == field or f not in used],
            }
        )
    return rows


def filter_unused(condition: Mapping[str, Any]) -> str | None:
    """The first field no row checks yet (what "add a row" adds)."""
    return next((field for field, _label in FILTER_FIELDS if field not in condition), None)


def filter_default(field: str) -> Any:
    return {"group": "", "active": True, "language": "nb"}[field]


# --- Order lines -------------------------------------------------------------------------------


def products(language: str, lines: list[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(sku, what the picker says) for the catalogue, and for any SKU a line names that
    the catalogue does not have (so that a line is never changed by opening the form)."""
    choices = [
        (p.sku, f"{p.display_name(language)} ({p.display_unit(language)}), {p.sku}")
        for p in CATALOGUE
    ]
    known = {p.sku for p in CATALOGUE}
    for line in lines:
        sku = str(line.get("sku") or "")
        if sku and sku not in known:
            known.add(sku)
            name = line.get("name")
            choices.append((sku, f"{name}, {sku}" if name else sku))
    return choices


def lines_from(
    post: QueryDict, name: str, base_lines: list[Mapping[str, Any]], op: RowOp | None
) -> list[dict[str, Any]]:
    """Order lines from their rows: product and quantity; a line keeps the name it had, a
    new product gets the catalogue's (stored on the order for the warehouse). Fresh (lines
    were just chosen): the stored lines, or one row to fill in. ``op``: ("add", "") adds a
    row, ("remove", row) leaves one out."""
    count = _count(post, f"{name}_count")
    if count is None:
        return [dict(line) for line in base_lines] or [{"sku": "", "quantity": 1}]
    names = {str(line.get("sku")): line.get("name") for line in base_lines}
    lines = []
    for row in range(count):
        if op == ("remove", str(row)):
            continue
        sku = (post.get(f"{name}-{row}-sku") or "").strip()
        quantity = _number(post.get(f"{name}-{row}-quantity"))
        line: dict[str, Any] = {"sku": sku, "quantity": quantity}
        product = product_get(sku)
        label = names.get(sku, product.name if product else None)
        if label:
            line["name"] = label
        lines.append(line)
    if op is not None and op[0] == "add" and len(lines) < MAX_ROWS:
        lines.append({"sku": "", "quantity": 1})
    return lines


def lines_rows(lines: Any) -> list[dict[str, str]]:
    if not isinstance(lines, list):
        return []
    return [
        {"sku": str(line.get("sku") or ""), "quantity": str(line.get("quantity", ""))}
        for line in lines
        if isinstance(line, Mapping)
    ]


def _number(value: Any) -> int | str:
    text = str(value or "").strip()
    try:
        return int(text)
    except ValueError:
        return text


# --- A request body ----------------------------------------------------------------------------


def body_is_rows(body: Any) -> bool:
    """Whether the rows can show the body: none yet, or an object of plain values."""
    if body is None:
        return True
    return isinstance(body, dict) and all(
        value is None or isinstance(value, str | int | float | bool) for value in body.values()
    )


def _typed(text: str, before: Any, present: bool) -> Any:
    """The row's text; a number, yes/no or null the body had stays one while its text still
    says so (a new field is text)."""
    if not present or isinstance(before, str):
        return text
    try:
        again = json.loads(text)
    except ValueError:
        return text
    if (before is None and again is None) or (before is not None and type(again) is type(before)):
        return again
    return text


def body_from(post: QueryDict, name: str, base: Any, op: RowOp | None) -> Any:
    """A body object from its name/value rows (the last one is blank, for a new field);
    None (no body) when every row is empty. ``op``: ("remove", row) leaves a row out,
    ("var", row) adds the variable chosen in that row to its value as ``{{ name }}``."""
    count = _count(post, f"{name}_count")
    if count is None or not body_is_rows(base):
        return base
    before = base if isinstance(base, dict) else {}
    body: dict[str, Any] = {}
    for row in range(count):
        if op == ("remove", str(row)):
            continue
        key = (post.get(f"{name}-{row}-key") or "").strip()
        text = post.get(f"{name}-{row}-value") or ""
        variable = post.get(f"{name}-{row}-var") or ""
        if op == ("var", str(row)) and re.fullmatch(r"[a-z_]+", variable):
            text = f"{text}{' ' if text and not text.endswith(' ') else ''}{{{{ {variable} }}}}"
        if not key and not text.strip():
            continue
        body[key] = _typed(text, before.get(key), key in before)
    return body or None


def body_rows(body: Any) -> list[dict[str, str]]:
    if not isinstance(body, dict):
        return []
    return [
        {"key": key, "value": value if isinstance(value, str) else json.dumps(value)}
        for key, value in body.items()
    ]


def body_text(body: Any) -> str:
    """A body the rows cannot show (a list, nested objects, plain text), as it is sent."""
    return body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, indent=2)


# --- The event ---------------------------------------------------------------------------------


def event_from(post: QueryDict, stored: Mapping[str, Any] | None) -> dict[str, Any]:
    """The event from its select (and a webhook's name); the event's other options stay."""
    stored = dict(stored or {})
    kind = post.get("event_type")
    if kind is None:
        return stored
    event = {key: value for key, value in stored.items() if key not in ("type", "name")}
    event = {"type": kind, **event}
    if kind == "webhook":
        name = (post.get("event_name") or "").strip()
        if name:
            event["name"] = name
    return event
