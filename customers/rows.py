"""One validator for a customer row, whichever door the row comes in by.

The CSV import (``services.customer_import_csv``) and the API's bulk upsert
(``sync.customers_bulk_upsert``) check every row of a batch with one ``CustomerRowChecker``
before anything is written, so a row is accepted or refused for the same reasons, with the
same codes and messages, through either door. A door only reads its own format into a row of
values: the CSV import reads text cells (``ja``/``SANN`` for true, ``butikker; kafeer`` with
groups by name or slug, the language in any case); the API takes the JSON values as sent
(groups by slug). The rules are here:

- text fields follow the model's fields (required, length, email address) and are stripped;
  ``active`` is a boolean, ``language`` one of the languages, ``groups`` existing groups;
- ``name`` and ``email`` are required for a new customer; a known customer (by
  ``external_id``) keeps the fields a row leaves out;
- within one batch no two rows have the same ``external_id`` or (ignoring case) email.

Each problem's path is a JSON Pointer inside the row (``/email``, ``/groups/1``): the API puts
the item's index in front of it, the CSV import reports the row number and the column.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.pointer import pointer
from customers.models import Customer, CustomerGroup

#: The fields a row may give, in the order they are checked.
CUSTOMER_ROW_FIELDS: Final = (
    "external_id",
    "name",
    "email",
    "active",
    "language",
    "groups",
    "phone",
)
#: Required when the row creates a customer.
_REQUIRED_FOR_NEW: Final = ("name", "email")

RowPath = tuple[str | int, ...]


class Numbering(enum.Enum):
    """How the batch's rows are named when one row's problem points at another."""

    #: A file's rows as a spreadsheet numbers them (the header is row 1).
    ROWS = "rows"
    #: A JSON list's items, by JSON Pointer (``/3``).
    ITEMS = "items"


@dataclass(frozen=True)
class RowProblem:
    #: Where in the row: ``("email",)``, ``("groups", 1)``.
    path: RowPath
    code: str
    message: str

    @property
    def field(self) -> str:
        """The field (CSV column) the problem is in."""
        return str(self.path[0]) if self.path else ""

    def as_error(self, *prefix: object) -> dict[str, str]:
        """In the error shape, its path under ``prefix`` (the item's index in a list)."""
        return {"path": pointer(*prefix, *self.path), "code": self.code, "message": self.message}


@dataclass
class CustomerRow:
    """One checked row: what to write, or why not (``problems``)."""

    external_id: str | None = None
    #: ``name``, ``email``, ``active``, ``language``, ``phone``: only those the row gives.
    values: dict[str, Any] = field(default_factory=dict)
    #: Exactly these groups; None: the row leaves the customer's groups as they are.
    groups: list[CustomerGroup] | None = None
    problems: list[RowProblem] = field(default_factory=list)

    def problem(self, path: RowPath, code: str, message: str) -> None:
        self.problems.append(RowProblem(path, code, message))


class _Absent(enum.Enum):
    ABSENT = enum.auto()


_ABSENT: Final = _Absent.ABSENT


def _by_slug() -> Callable[[Any], CustomerGroup | None]:
    by_slug = {group.slug: group for group in CustomerGroup.objects.all()}

    def find(value: Any) -> CustomerGroup | None:
        return by_slug.get(value) if isinstance(value, str) else None

    return find


class CustomerRowChecker:
    """Checks the rows of one batch (a CSV file, a bulk request), row by row.

    ``external_id_required``: the batch is keyed by external id (the bulk upsert).
    ``known_external_ids``: the external ids of customers that exist; a row naming one
    updates that customer, any other row creates one. ``find_group``: the group a value of
    ``groups`` names, or None; by default an exact slug.
    """

    def __init__(
        self,
        *,
        numbering: Numbering,
        external_id_required: bool = False,
        known_external_ids: Container[str] = frozenset(),
        find_group: Callable[[Any], CustomerGroup | None] | None = None,
    ) -> None:
        self._numbering = numbering
        self._external_id_required = external_id_required
        self._known = known_external_ids
        self._find_group = find_group or _by_slug()
        # Where each value that must be unique within the batch was seen first.
        self._first_external_id: dict[str, int] = {}
        self._first_email: dict[str, int] = {}

    def check(self, item: Mapping[str, Any], *, number: int) -> CustomerRow:
        """Check one row; ``number`` is its place in the batch (row number or list index).

        Keys other than ``CUSTOMER_ROW_FIELDS`` are the door's to refuse; they are ignored.
        """
        row = CustomerRow()
        row.external_id = self._external_id(item, number, row)
        for key in ("name", "email"):
            self._text(item, key, row)
        self._email_once(number, row)
        self._active(item, row)
        self._language(item, row)
        self._groups(item, row)
        self._text(item, "phone", row)
        self._required_for_new(item, row)
        return row

    # --- Fields -------------------------------------------------------------------------------

    def _external_id(self, item: Mapping[str, Any], number: int, row: CustomerRow) -> str | None:
        value = item.get("external_id")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # business systems often key customers by number
        if not isinstance(value, str) or not value.strip():
            if self._external_id_required:
                row.problem(
                    ("external_id",),
                    "required",
                    _("%(field)s is required.") % {"field": "external_id"},
                )
            return None
        cleaned = self._model_clean("external_id", value.strip(), row)
        if cleaned is None:
            return None
        first = self._first_external_id.setdefault(cleaned, number)
        if first != number:
            row.problem(("external_id",), "duplicate", self._also_at("external_id", first))
            return None
        return cleaned

    def _text(self, item: Mapping[str, Any], key: str, row: CustomerRow) -> None:
        value = item.get(key, _ABSENT)
        if value is _ABSENT:
            return
        if not isinstance(value, str):
            row.problem((key,), "invalid_type", _("%(field)s must be text.") % {"field": key})
            return
        cleaned = self._model_clean(key, value.strip(), row)
        if cleaned is not None:
            row.values[key] = cleaned

    def _email_once(self, number: int, row: CustomerRow) -> None:
        email = row.values.get("email")
        if not email:
            return
        first = self._first_email.setdefault(email.casefold(), number)
        if first != number:
            row.problem(("email",), "duplicate", self._also_at("email", first))

    def _active(self, item: Mapping[str, Any], row: CustomerRow) -> None:
        value = item.get("active", _ABSENT)
        if value is _ABSENT:
            return
        if not isinstance(value, bool):
            row.problem(
                ("active",),
                "invalid_type",
                _("%(field)s must be true or false.") % {"field": "active"},
            )
            return
        row.values["active"] = value

    def _language(self, item: Mapping[str, Any], row: CustomerRow) -> None:
        value = item.get("language", _ABSENT)
        if value is _ABSENT:
            return
        if not isinstance(value, str):
            row.problem(
                ("language",), "invalid_type", _("%(field)s must be text.") % {"field": "language"}
            )
            return
        if value.strip() not in Customer.Language.values:
            row.problem(
                ("language",),
                "invalid_choice",
                _("Unknown language “%(value)s”; use nb or en.") % {"value": value},
            )
            return
        row.values["language"] = value.strip()

    def _groups(self, item: Mapping[str, Any], row: CustomerRow) -> None:
        value = item.get("groups", _ABSENT)
        if value is _ABSENT:
            return
        if not isinstance(value, list):
            row.problem(
                ("groups",),
                "invalid_type",
                _("%(field)s must be a list of group slugs.") % {"field": "groups"},
            )
            return
        groups: list[CustomerGroup] = []
        for position, key in enumerate(value):
            group = self._find_group(key)
            if group is None:
                row.problem(
                    ("groups", position),
                    "unknown_group",
                    _("Unknown group “%(group)s”.") % {"group": key},
                )
            elif group not in groups:
                groups.append(group)
        row.groups = groups

    def _required_for_new(self, item: Mapping[str, Any], row: CustomerRow) -> None:
        if row.external_id is None and self._external_id_required:
            return  # without its key the row is neither new nor known: that is its problem
        if row.external_id is not None and row.external_id in self._known:
            return
        for key in _REQUIRED_FOR_NEW:
            if key not in item:
                row.problem(
                    (key,),
                    "required",
                    _("%(field)s is required for a new customer.") % {"field": key},
                )

    # --- Helpers ------------------------------------------------------------------------------

    def _model_clean(self, key: str, value: str, row: CustomerRow) -> Any:
        """The model field's own checks (blank, length, email address); None when it fails.
        Django's messages are translated already."""
        try:
            return Customer._meta.get_field(key).clean(value, None)
        except ValidationError as exc:
            for error in exc.error_list:
                for message in error.messages:
                    row.problem((key,), error.code or "invalid", message)
            return None

    def _also_at(self, key: str, first: int) -> str:
        if self._numbering is Numbering.ROWS:
            if key == "email":
                return _("This email is also on row %(row)d.") % {"row": first}
            return _("This external id is also on row %(row)d.") % {"row": first}
        if key == "email":
            return _("This email is also at %(pointer)s.") % {"pointer": pointer(first)}
        return _("This external id is also at %(pointer)s.") % {"pointer": pointer(first)}
