"""Pass 4, references: what a document names outside itself, collected step by step and then
checked with one query per table.

What a step's config names comes from its step type (``StepType.references`` and, for a step
that ``acts_on_customers``, its recipients); this module never names a step type. It also
checks what only needs the document: addresses, relative paths, ``from_step`` and
``event_customer``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from automation.models import Integration
from automation.registry import StepType, step_types
from automation.step_config import EVENT_TYPES, GROUP_ALL, is_relative_path
from automation.validation.problems import Path, Problems
from customers.models import Customer, CustomerGroup
from templates_app.models import EmailTemplate

K = TypeVar("K", bound=Hashable)


@dataclass
class Refs:
    """References to rows, collected first and then checked with one query per table."""

    templates: list[tuple[Path, int]] = field(default_factory=list)
    template_names: list[tuple[Path, str]] = field(default_factory=list)
    groups: list[tuple[Path, str]] = field(default_factory=list)
    customers: list[tuple[Path, int]] = field(default_factory=list)
    integrations: list[tuple[Path, int]] = field(default_factory=list)
    staff_groups: list[tuple[Path, str]] = field(default_factory=list)
    from_steps: list[tuple[Path, int, int]] = field(default_factory=list)  # (path, own, ref)
    event_customers: list[Path] = field(default_factory=list)


#: What each kind of reference must be, and where ``Refs`` collects it.
_REFERENCE_TYPES: dict[str, type] = {
    "template": int,
    "template_name": str,
    "customer": int,
    "group": str,
    "integration": int,
    "staff_group": str,
    "email": str,
    "relative_path": str,
}


# --- Collecting ---------------------------------------------------------------------------


def usable(problems: Problems, path: Path, value: Any, kind: type) -> bool:
    """``value`` has type ``kind`` (bools are not ints) and no problem was found there."""
    if isinstance(value, bool) and kind is not bool:
        return False
    return isinstance(value, kind) and not problems.under(path)


def collect_references(
    cls: type[StepType],
    config: dict[str, Any],
    path: Path,
    own_order: int,
    problems: Problems,
    refs: Refs,
) -> None:
    """Collect what the step's config names (its step type's ``references`` and recipients)."""
    if cls.acts_on_customers:
        _collect_recipients(
            config.get("recipients"), (*path, "recipients"), own_order, problems, refs
        )
    for relative, kind, value in cls.reference_values(config):
        where = (*path, *relative)
        if not usable(problems, where, value, _REFERENCE_TYPES[kind]):
            continue
        if kind == "email":
            _check_email(value, where, problems)
        elif kind == "relative_path":
            if not is_relative_path(value):
                problems.add(
                    where,
                    "path_not_relative",
                    _(
                        "“%(value)s” must be a path under the integration's base URL, without "
                        "scheme, host or “..”."
                    )
                    % {"value": value},
                )
        elif kind == "group":
            if value != GROUP_ALL:
                refs.groups.append((where, value))
        else:
            getattr(refs, f"{kind}s").append((where, value))


def collect_condition_group(condition: Any, base: Path, problems: Problems, refs: Refs) -> None:
    """A step's condition may name a customer group (``condition_config.group``)."""
    group_path = (*base, "condition_config", "group")
    if (
        isinstance(condition, dict)
        and usable(problems, group_path, condition.get("group"), str)
        and condition["group"] != GROUP_ALL
    ):
        refs.groups.append((group_path, condition["group"]))


def _collect_recipients(
    recipients: Any, path: Path, own_order: int, problems: Problems, refs: Refs
) -> None:
    if not isinstance(recipients, dict):
        return
    group = recipients.get("group")
    if usable(problems, (*path, "group"), group, str) and group != GROUP_ALL:
        refs.groups.append(((*path, "group"), group))
    ids = recipients.get("customer_ids")
    if isinstance(ids, list):
        for i, pk in enumerate(ids):
            if usable(problems, (*path, "customer_ids", i), pk, int):
                refs.customers.append(((*path, "customer_ids", i), pk))
    from_step = recipients.get("from_step")
    if usable(problems, (*path, "from_step"), from_step, int):
        refs.from_steps.append(((*path, "from_step"), own_order, from_step))
    if recipients.get("event_customer") is True:
        refs.event_customers.append((*path, "event_customer"))


def _check_email(value: str | None, path: Path, problems: Problems) -> None:
    if value is None:
        return
    try:
        validate_email(value)
    except DjangoValidationError:
        problems.add(
            path, "invalid_email", _("“%(value)s” is not a valid email address.") % {"value": value}
        )


# --- Checking -----------------------------------------------------------------------------


def check_refs(
    refs: Refs,
    problems: Problems,
    orders: dict[int, str],
    seen_orders: set[int],
) -> dict[str, int]:
    """Check every reference; return template name -> id for the names that resolved."""
    _report_missing(
        refs.templates,
        lambda pks: EmailTemplate.objects.filter(pk__in=pks).values_list("pk", flat=True),
        problems,
        "unknown_template",
        lambda pk: _("Email template %(id)s does not exist") % {"id": pk},
    )
    by_name = _template_ids_by_name(refs.template_names, problems)
    _report_missing(
        refs.groups,
        lambda slugs: CustomerGroup.objects.filter(slug__in=slugs).values_list("slug", flat=True),
        problems,
        "unknown_group",
        lambda slug: (
            _("No customer group “%(slug)s”; use “all” or an existing group.") % {"slug": slug}
        ),
    )
    _report_missing(
        refs.customers,
        lambda pks: Customer.objects.filter(pk__in=pks).values_list("pk", flat=True),
        problems,
        "unknown_customer",
        lambda pk: _("Customer %(id)s does not exist.") % {"id": pk},
    )
    _check_integrations(refs.integrations, problems)
    _report_missing(
        refs.staff_groups,
        lambda names: Group.objects.filter(name__in=names).values_list("name", flat=True),
        problems,
        "unknown_staff_group",
        lambda name: _("No group of users is called “%(name)s”.") % {"name": name},
    )
    _check_from_steps(refs.from_steps, problems, orders, seen_orders)
    return by_name


def _report_missing(
    found: list[tuple[Path, K]],
    existing: Callable[[set[K]], Iterable[K]],
    problems: Problems,
    code: str,
    message: Callable[[K], str],
) -> None:
    """One query for every value in ``found``; a problem at each path whose value is missing."""
    if not found:
        return
    known = set(existing({value for _p, value in found}))
    for path, value in found:
        if value not in known:
            problems.add(path, code, message(value))


def _template_ids_by_name(found: list[tuple[Path, str]], problems: Problems) -> dict[str, int]:
    if not found:
        return {}
    names = {name for _p, name in found}
    by_name = dict(EmailTemplate.objects.filter(name__in=names).values_list("name", "pk"))
    for path, name in found:
        if name not in by_name:
            problems.add(
                path,
                "unknown_template",
                _("No email template is called “%(name)s”.") % {"name": name},
            )
    return by_name


def _check_integrations(found: list[tuple[Path, int]], problems: Problems) -> None:
    if not found:
        return
    active = dict(
        Integration.objects.filter(pk__in={pk for _p, pk in found}).values_list("pk", "is_active")
    )
    for path, pk in found:
        if pk not in active:
            problems.add(
                path,
                "unknown_integration",
                _("Integration %(id)s does not exist.") % {"id": pk},
            )
        elif not active[pk]:
            problems.add(
                path,
                "inactive_integration",
                _("Integration %(id)s is switched off.") % {"id": pk},
            )


def _check_from_steps(
    found: list[tuple[Path, int, int]],
    problems: Problems,
    orders: dict[int, str],
    seen_orders: set[int],
) -> None:
    registry = step_types()
    for path, own, ref in found:
        if ref in seen_orders and ref not in orders:
            continue  # that step's own step_type is already reported as unknown
        if ref not in orders:
            problems.add(path, "from_step_unknown", _("There is no step %(n)s.") % {"n": ref})
        elif ref >= own:
            problems.add(
                path,
                "from_step_not_earlier",
                _("from_step must name an earlier step than this one (%(n)s).") % {"n": own},
            )
        elif not registry[orders[ref]].yields_customers:
            problems.add(
                path,
                "from_step_no_customers",
                _("Step %(n)s (%(type)s) does not produce a set of customers.")
                % {"n": ref, "type": orders[ref]},
            )


def check_event_customers(doc: dict[str, Any], refs: Refs, problems: Problems) -> None:
    """``event_customer`` needs an event that can carry a customer: every event type does
    (a webhook names one in its data), a schedule or a manual run has none."""
    event = doc.get("event") if isinstance(doc.get("event"), dict) else {}
    if event.get("type") in EVENT_TYPES:
        return
    for path in refs.event_customers:
        problems.add(
            path,
            "event_customer_unavailable",
            _(
                "event_customer is only available in a workflow started by an event "
                "(order.created, customer.created or a webhook that names its customer)."
            ),
        )
