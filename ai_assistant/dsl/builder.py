"""The builder API and its interpreter: walks the ``ir`` tree and builds the workflow JSON.

The API is the same in both languages; Python spells names in snake_case and takes keyword
arguments, JavaScript spells them in camelCase and takes a trailing options object
(``sendEmail({template: 1, to: group("all")})``). Each function and method is listed in
``FUNCTIONS`` / ``METHODS`` with its parameters, so argument errors name what is allowed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ai_assistant.dsl.ir import (
    Assign,
    Call,
    Deadline,
    DictExpr,
    DslError,
    Expr,
    ExprStatement,
    ListExpr,
    Lit,
    Loc,
    Message,
    Name,
    Statement,
)
from automation.registry import DslParam, StepType, step_types

JSON = Any


def default_timezone() -> str:
    try:
        from django.conf import settings

        return str(settings.TIME_ZONE or "Europe/Oslo")
    except Exception:  # outside a configured Django project
        return "Europe/Oslo"


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "_" + m.group(1).lower(), name)


@dataclass(frozen=True)
class Signature:
    positional: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    #: Extra positional arguments are collected under this name (``customers(1, 2, 3)``).
    variadic: str | None = None


#: Most steps in one workflow.
MAX_STEPS = 50

COMMON_STEP_OPTIONS = ("name", "when", "condition", "trigger", "active", "max_retries", "order")

FUNCTIONS: dict[str, Signature] = {
    "workflow": Signature(("name",), ("name",), ("description", "schedule", "event")),
    "daily": Signature(
        ("time",),
        ("time",),
        ("weekdays_only", "business_days_only", "timezone", "holiday_policy"),
    ),
    "weekly": Signature(
        ("day", "time"),
        ("day", "time"),
        ("every_weeks", "anchor", "iso_weeks", "timezone", "holiday_policy"),
    ),
    "monthly": Signature(
        ("day_of_month", "time"),
        ("day_of_month", "time"),
        ("timezone", "holiday_policy"),
    ),
    "nth_weekday": Signature(
        ("weekday", "nth", "time"),
        ("weekday", "nth", "time"),
        ("timezone", "holiday_policy"),
    ),
    "business_day": Signature(("n", "time"), ("n", "time"), ("timezone", "holiday_policy")),
    "cron": Signature(("expression",), ("expression",), ("timezone", "holiday_policy")),
    "event": Signature(("type",), ("type",), ("options",)),
    "group": Signature(("slug",), ("slug",)),
    "everyone": Signature(),
    "customers": Signature(variadic="ids"),
    "from_step": Signature(("step",), ("step",)),
    "event_customer": Signature(),
    "on": Signature(("day", "time"), ("day", "time")),
    "at": Signature(("time",), ("time",)),
    "after": Signature(keywords=("minutes", "hours", "days")),
    "at_moment": Signature(("datetime",), ("datetime",)),
    "orders_missing": Signature(keywords=("since", "days_back")),
    "has_ordered": Signature(keywords=("since", "days_back")),
    "customer_filter": Signature(keywords=("group", "active", "language")),
    "line": Signature(("sku", "quantity"), ("sku", "quantity"), ("name",)),
}

#: The generic step method: any registered step type with its configs as dicts.
STEP_SIGNATURE = Signature(
    ("step_type",),
    ("step_type",),
    (
        "action",
        "trigger_config",
        "condition_config",
        "name",
        "trigger",
        "active",
        "max_retries",
        "order",
    ),
)
#: The common option a step's own config replaces (a check step's check is its condition).
_OWN_OPTION = {"condition_config": "condition", "trigger_config": "when"}


def step_signature(cls: type[StepType]) -> Signature:
    """The DSL method of a step type, from its ``dsl`` spec."""
    params = cls.dsl.params
    skipped = _OWN_OPTION.get(cls.config_field)
    return Signature(
        positional=tuple(p.name for p in params if p.positional),
        required=tuple(p.name for p in params if p.required),
        keywords=tuple(
            [p.name for p in params if not p.positional]
            + [o for o in COMMON_STEP_OPTIONS if o != skipped]
        ),
    )


def methods() -> dict[str, Signature]:
    """Every workflow method: one per registered step type, and ``step``."""
    table = {key: step_signature(cls) for key, cls in step_types().items()}
    table["step"] = STEP_SIGNATURE
    return table


#: The example each kind of argument names when it is misused (Python, JavaScript).
_EXAMPLES: dict[str, tuple[str, str]] = {
    "recipients": ('group("all")', 'group("all")'),
    "condition": ("orders_missing(days_back=7)", "ordersMissing({daysBack: 7})"),
    "trigger": ('on("friday", "10:00")', 'on("friday", "10:00")'),
}


@dataclass
class Value:
    """A value made by a builder function: a schedule, recipients, a trigger, ..."""

    kind: str
    data: dict[str, JSON]
    #: The function that made it, as the script spells it (named when it is misused).
    made_by: str = ""


#: A builder value of the kind expected (first) and of another kind (second), per kind;
#: each filled in with the option, an example call and the function that made the value.
_EXPECTED: dict[str, tuple[Promise, Promise]] = {
    "schedule": (
        gettext_lazy("%(option)s must be a schedule such as %(example)s."),
        gettext_lazy(
            "%(option)s must be a schedule such as %(example)s; %(function)s() makes something "
            "else."
        ),
    ),
    "event": (
        gettext_lazy("%(option)s must be an event such as %(example)s."),
        gettext_lazy(
            "%(option)s must be an event such as %(example)s; %(function)s() makes something else."
        ),
    ),
    "trigger": (
        gettext_lazy("%(option)s must be a time such as %(example)s."),
        gettext_lazy(
            "%(option)s must be a time such as %(example)s; %(function)s() makes something else."
        ),
    ),
    "condition": (
        gettext_lazy("%(option)s must be a check such as %(example)s."),
        gettext_lazy(
            "%(option)s must be a check such as %(example)s; %(function)s() makes something else."
        ),
    ),
    "recipients": (
        gettext_lazy("%(option)s must be recipients such as %(example)s."),
        gettext_lazy(
            "%(option)s must be recipients such as %(example)s; %(function)s() makes something "
            "else."
        ),
    ),
}


@dataclass
class WorkflowValue:
    name: JSON
    loc: Loc
    description: JSON = None
    schedule: dict[str, JSON] | None = None
    event: dict[str, JSON] | None = None
    steps: list[dict[str, JSON]] = field(default_factory=list)


@dataclass
class Arg:
    value: Any
    loc: Loc


class Interpreter:
    def __init__(self, language: str, deadline: Deadline) -> None:
        self.language = language
        self.deadline = deadline
        self.env: dict[str, Any] = {}
        self.workflow: WorkflowValue | None = None
        self.functions: dict[str, Callable[[dict[str, Arg], Loc], Any]] = {
            name: getattr(self, f"fn_{name}") for name in FUNCTIONS
        }

    # Names ------------------------------------------------------------------------------

    def spelled(self, name: str) -> str:
        return camel(name) if self.language == "javascript" else name

    def lookup(self, name: str, table: dict[str, Signature]) -> str | None:
        if self.language == "javascript":
            python = snake(name)
            return python if python in table and camel(python) == name else None
        return name if name in table else None

    def names(self, table: dict[str, Signature]) -> str:
        return ", ".join(self.spelled(n) for n in table)

    # Running ----------------------------------------------------------------------------

    def run(self, statements: list[Statement]) -> dict[str, JSON]:
        for statement in statements:
            self.deadline.check(statement.loc)
            if isinstance(statement, Assign):
                if self.lookup(statement.name, FUNCTIONS) or statement.name in FUNCTIONS:
                    raise DslError(
                        "not_allowed",
                        _("“%(name)s” is a builder function; pick another name.")
                        % {"name": statement.name},
                        statement.loc,
                    )
                self.env[statement.name] = self.eval(statement.value)
            elif isinstance(statement, ExprStatement):
                self.eval(statement.value)
        if self.workflow is None:
            example = (
                'workflow("Name", schedule=weekly("monday", "09:00"))'
                if self.language == "python"
                else 'workflow("Name", {schedule: weekly("monday", "09:00")})'
            )
            raise DslError(
                "no_workflow",
                _("The script does not create a workflow; start with %(example)s.")
                % {"example": example},
                Loc(1, 1),
            )
        return self.document(self.workflow)

    def eval(self, expr: Expr) -> Any:
        if isinstance(expr, Lit):
            return expr.value
        if isinstance(expr, ListExpr):
            return [self.eval(item) for item in expr.items]
        if isinstance(expr, DictExpr):
            out: dict[str, Any] = {}
            for key, value in expr.items:
                out[key] = self.eval(value)
            return out
        if isinstance(expr, Name):
            if expr.name in self.env:
                return self.env[expr.name]
            if self.lookup(expr.name, FUNCTIONS):
                raise DslError(
                    "not_allowed",
                    _("“%(name)s” is a builder function; call it: %(example)s.")
                    % {"name": expr.name, "example": f"{expr.name}(...)"},
                    expr.loc,
                )
            if self.language == "python" and expr.name in ("true", "false", "null"):
                hint = {"true": "True", "false": "False", "null": "None"}[expr.name]
                raise DslError(
                    "unknown_name",
                    _("“%(name)s” is JavaScript; in Python write %(replacement)s.")
                    % {"name": expr.name, "replacement": hint},
                    expr.loc,
                )
            raise DslError(
                "unknown_name", _("“%(name)s” is not defined.") % {"name": expr.name}, expr.loc
            )
        assert isinstance(expr, Call)
        return self.call(expr)

    def call(self, call: Call) -> Any:
        self.deadline.check(call.loc)
        if call.target is not None:
            target = self.eval(call.target)
            table = methods()
            method = self.lookup(call.func, table)
            if method is None:
                raise DslError(
                    "unknown_method",
                    _("“%(name)s” is not a workflow method; the methods are: %(methods)s.")
                    % {"name": call.func, "methods": self.names(table)},
                    call.loc,
                )
            if not isinstance(target, WorkflowValue):
                raise DslError(
                    "not_allowed",
                    _("%(method)s() can only be called on a workflow, for example %(example)s.")
                    % {"method": call.func, "example": f"flow.{call.func}(...)"},
                    call.loc,
                )
            args = self.bind(method, table[method], call)
            if method == "step":
                self.m_step(target, args, call.loc)
            else:
                self.m_step_type(step_types()[method], target, args)
            return target
        function = self.lookup(call.func, FUNCTIONS)
        if function is None:
            other = snake(call.func) if self.language == "javascript" else camel(call.func)
            params = {"name": call.func, "functions": self.names(FUNCTIONS)}
            if self.lookup(other, FUNCTIONS):
                message = _(
                    "“%(name)s” is not a builder function. Did you mean %(suggestion)s? "
                    "The functions are: %(functions)s."
                ) % {**params, "suggestion": f"{other}(...)"}
            else:
                message = (
                    _("“%(name)s” is not a builder function. The functions are: %(functions)s.")
                    % params
                )
            raise DslError("unknown_function", message, call.loc)
        args = self.bind(function, FUNCTIONS[function], call)
        value = self.functions[function](args, call.loc)
        if isinstance(value, Value):
            value.made_by = call.func
        return value

    def bind(self, name: str, signature: Signature, call: Call) -> dict[str, Arg]:
        shown = self.spelled(name)
        positional = [Arg(self.eval(a), a.loc) for a in call.args]
        keywords = [(k.name, Arg(self.eval(k.value), k.loc)) for k in call.keywords]
        if (
            self.language == "javascript"
            and signature.keywords
            and positional
            and isinstance(positional[-1].value, dict)
            and (len(positional) == len(signature.positional) + 1)
        ):
            options = positional.pop()
            keywords = [
                (snake(key), Arg(value, options.loc)) for key, value in options.value.items()
            ]
        bound: dict[str, Arg] = {}
        if signature.variadic:
            bound[signature.variadic] = Arg([a.value for a in positional], call.loc)
        else:
            if len(positional) > len(signature.positional):
                extra = positional[len(signature.positional)]
                expected = len(signature.positional)
                if self.language == "python":
                    message = ngettext(
                        "%(function)s() takes %(count)d value before its options; give the "
                        "rest as %(example)s.",
                        "%(function)s() takes %(count)d values before its options; give the "
                        "rest as %(example)s.",
                        expected,
                    ) % {"function": shown, "count": expected, "example": "name=value"}
                else:
                    message = ngettext(
                        "%(function)s() takes %(count)d value before its options; give the "
                        "rest in an options object %(example)s.",
                        "%(function)s() takes %(count)d values before its options; give the "
                        "rest in an options object %(example)s.",
                        expected,
                    ) % {"function": shown, "count": expected, "example": "{...}"}
                raise DslError("bad_argument", message, extra.loc)
            for param, arg in zip(signature.positional, positional, strict=False):
                bound[param] = arg
        allowed = set(signature.keywords) | set(signature.positional)
        for key, arg in keywords:
            if key not in allowed:
                params = {
                    "function": shown,
                    "option": self.spelled(key),
                    "options": ", ".join(self.spelled(k) for k in signature.keywords),
                }
                if params["options"]:
                    message = (
                        _(
                            "%(function)s() has no option “%(option)s”; its options are: "
                            "%(options)s."
                        )
                        % params
                    )
                else:
                    message = (
                        _("%(function)s() has no option “%(option)s”; it takes no options.")
                        % params
                    )
                raise DslError("bad_argument", message, arg.loc)
            if key in bound:
                raise DslError(
                    "bad_argument",
                    _("“%(option)s” is given twice to %(function)s().")
                    % {"option": self.spelled(key), "function": shown},
                    arg.loc,
                )
            bound[key] = arg
        for param in signature.required:
            if param not in bound:
                raise DslError(
                    "missing_argument",
                    _("%(function)s() needs “%(option)s”.")
                    % {"function": shown, "option": self.spelled(param)},
                    call.loc,
                )
        return bound

    # Checks -------------------------------------------------------------------------------

    def data(self, arg: Arg) -> JSON:
        """``arg`` as plain JSON (builder values inside lists and dicts unwrapped)."""

        def convert(value: Any) -> JSON:
            if isinstance(value, WorkflowValue):
                raise DslError("bad_argument", _("A workflow cannot be used as a value."), arg.loc)
            if isinstance(value, Value):
                return copy.deepcopy(value.data)
            if isinstance(value, list):
                return [convert(v) for v in value]
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            return value

        return convert(arg.value)

    def builder(
        self, arg: Arg, kind: str, option: str, python: str, javascript: str
    ) -> dict[str, JSON]:
        """A builder value of ``kind`` (or a dict in the JSON format), as JSON. ``python`` and
        ``javascript`` are an example call for the error message."""
        value = arg.value
        if isinstance(value, Value) and value.kind == kind:
            return copy.deepcopy(value.data)
        if isinstance(value, dict):
            return self.data(arg)
        expected, other = _EXPECTED[kind]
        params = {
            "option": self.spelled(option),
            "example": javascript if self.language == "javascript" else python,
        }
        if isinstance(value, Value):
            raise DslError(
                "bad_argument", Message(other, {**params, "function": value.made_by}), arg.loc
            )
        raise DslError("bad_argument", Message(expected, params), arg.loc)

    def text(self, arg: Arg, option: str) -> str:
        if not isinstance(arg.value, str):
            raise DslError(
                "bad_argument",
                _("%(option)s must be text in quotes.") % {"option": self.spelled(option)},
                arg.loc,
            )
        return arg.value

    def integer(self, arg: Arg, option: str) -> int:
        if isinstance(arg.value, bool) or not isinstance(arg.value, int):
            raise DslError(
                "bad_argument",
                _("%(option)s must be a whole number.") % {"option": self.spelled(option)},
                arg.loc,
            )
        return arg.value

    def timezone(self, args: dict[str, Arg]) -> str:
        return self.text(args["timezone"], "timezone") if "timezone" in args else default_timezone()

    # Functions --------------------------------------------------------------------------------

    def fn_workflow(self, args: dict[str, Arg], loc: Loc) -> WorkflowValue:
        if self.workflow is not None:
            raise DslError(
                "several_workflows",
                _("A script describes one workflow; the first starts at line %(line)d.")
                % {"line": self.workflow.loc.line},
                loc,
            )
        flow = WorkflowValue(name=self.data(args["name"]), loc=loc)
        if "description" in args:
            flow.description = self.data(args["description"])
        if "schedule" in args:
            example = 'weekly("monday", "09:00")'
            flow.schedule = self.builder(args["schedule"], "schedule", "schedule", example, example)
            flow.schedule.setdefault("timezone", default_timezone())
        if "event" in args:
            example = 'event("order.created")'
            flow.event = self.builder(args["event"], "event", "event", example, example)
        if (flow.schedule is None) == (flow.event is None):
            raise DslError(
                "bad_argument",
                _(
                    "Give the workflow either a schedule (it runs on a timetable) or an event "
                    "(it runs when something happens), not both and not neither."
                ),
                loc,
            )
        self.workflow = flow
        return flow

    def _schedule(self, kind: str, config: dict[str, JSON], args: dict[str, Arg]) -> Value:
        schedule = {
            "schedule_type": kind,
            "schedule_config": config,
            "timezone": self.timezone(args),
        }
        if "holiday_policy" in args:
            schedule["holiday_policy"] = self.data(args["holiday_policy"])
        return Value("schedule", schedule)

    def _options(self, config: dict[str, JSON], args: dict[str, Arg], *names: str) -> None:
        for name in names:
            if name in args:
                config[name] = self.data(args[name])

    def fn_daily(self, args: dict[str, Arg], loc: Loc) -> Value:
        config = {"time": self.data(args["time"])}
        self._options(config, args, "weekdays_only", "business_days_only")
        return self._schedule("daily", config, args)

    def fn_weekly(self, args: dict[str, Arg], loc: Loc) -> Value:
        day = self.data(args["day"])
        key = "days" if isinstance(day, list) else "day"
        config = {key: day, "time": self.data(args["time"])}
        self._options(config, args, "every_weeks", "anchor", "iso_weeks")
        return self._schedule("weekly", config, args)

    def fn_monthly(self, args: dict[str, Arg], loc: Loc) -> Value:
        config = {"day_of_month": self.data(args["day_of_month"]), "time": self.data(args["time"])}
        return self._schedule("monthly", config, args)

    def fn_nth_weekday(self, args: dict[str, Arg], loc: Loc) -> Value:
        config = {
            "weekday": self.data(args["weekday"]),
            "nth": self.data(args["nth"]),
            "time": self.data(args["time"]),
        }
        return self._schedule("monthly", config, args)

    def fn_business_day(self, args: dict[str, Arg], loc: Loc) -> Value:
        config = {"business_day": self.data(args["n"]), "time": self.data(args["time"])}
        return self._schedule("monthly", config, args)

    def fn_cron(self, args: dict[str, Arg], loc: Loc) -> Value:
        return self._schedule("cron", {"expression": self.data(args["expression"])}, args)

    def fn_event(self, args: dict[str, Arg], loc: Loc) -> Value:
        data: dict[str, JSON] = {"type": self.data(args["type"])}
        if "options" in args:
            options = self.data(args["options"])
            if not isinstance(options, dict):
                raise DslError(
                    "bad_argument",
                    _("%(option)s must be a dict.") % {"option": "options"},
                    args["options"].loc,
                )
            data.update(options)
        return Value("event", data)

    def fn_group(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("recipients", {"group": self.data(args["slug"])})

    def fn_everyone(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("recipients", {"group": "all"})

    def fn_customers(self, args: dict[str, Arg], loc: Loc) -> Value:
        ids = self.data(args["ids"])
        if len(ids) == 1 and isinstance(ids[0], list):
            ids = ids[0]
        return Value("recipients", {"customer_ids": ids})

    def fn_from_step(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("recipients", {"from_step": self.data(args["step"])})

    def fn_event_customer(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("recipients", {"event_customer": True})

    def fn_on(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("trigger", {"day": self.data(args["day"]), "time": self.data(args["time"])})

    def fn_at(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("trigger", {"time": self.data(args["time"])})

    def fn_after(self, args: dict[str, Arg], loc: Loc) -> Value:
        if not args:
            raise DslError(
                "missing_argument",
                _("%(function)s() needs at least one of %(options)s.")
                % {"function": self.spelled("after"), "options": "minutes, hours, days"},
                loc,
            )
        factors = {"minutes": 1, "hours": 60, "days": 24 * 60}
        total = sum(self.integer(arg, name) * factors[name] for name, arg in args.items())
        return Value("trigger", {"delay_minutes": total})

    def fn_at_moment(self, args: dict[str, Arg], loc: Loc) -> Value:
        return Value("trigger", {"at": self.data(args["datetime"])})

    def _check(self, check: str, args: dict[str, Arg]) -> Value:
        data: dict[str, JSON] = {"check": check}
        for name, arg in args.items():
            data[name] = self.data(arg)
        return Value("condition", data)

    def fn_orders_missing(self, args: dict[str, Arg], loc: Loc) -> Value:
        return self._check("orders_missing", args)

    def fn_has_ordered(self, args: dict[str, Arg], loc: Loc) -> Value:
        return self._check("has_ordered", args)

    def fn_customer_filter(self, args: dict[str, Arg], loc: Loc) -> Value:
        return self._check("customer_filter", args)

    def fn_line(self, args: dict[str, Arg], loc: Loc) -> Value:
        data = {"sku": self.data(args["sku"]), "quantity": self.data(args["quantity"])}
        if "name" in args:
            data["name"] = self.data(args["name"])
        return Value("line", data)

    # Methods ----------------------------------------------------------------------------------

    def _add(
        self,
        flow: WorkflowValue,
        step_type: str,
        args: dict[str, Arg],
        *,
        action: dict[str, JSON],
        trigger_config: dict[str, JSON] | None = None,
        condition_config: dict[str, JSON] | None = None,
        inferred_trigger: str = "immediate",
    ) -> None:
        if len(flow.steps) >= MAX_STEPS:
            raise DslError(
                "too_large",
                _("A workflow has at most %(limit)d steps.") % {"limit": MAX_STEPS},
                args_loc(args),
            )
        if "when" in args:
            example = 'on("thursday", "15:00")'
            trigger_config = self.builder(args["when"], "trigger", "when", example, example)
            inferred_trigger = "time_based"
        if "condition" in args:
            condition_config = self.builder(
                args["condition"],
                "condition",
                "condition",
                'orders_missing(since="execution_start")',
                'ordersMissing({since: "execution_start"})',
            )
        trigger_type = self.data(args["trigger"]) if "trigger" in args else inferred_trigger
        flow.steps.append(
            {
                "step_order": self.data(args["order"]) if "order" in args else len(flow.steps) + 1,
                "name": self.data(args["name"]) if "name" in args else "",
                "step_type": step_type,
                "trigger_type": trigger_type,
                "trigger_config": trigger_config or {},
                "action_config": action,
                "condition_config": condition_config or {},
                "is_active": self.data(args["active"]) if "active" in args else True,
                "max_retries": self.data(args["max_retries"]) if "max_retries" in args else 3,
            }
        )

    def _param(self, param: DslParam, arg: Arg) -> tuple[str | None, JSON]:
        """The config key and value an argument fills, read as its kind says."""
        if param.kind in _EXAMPLES:
            python, javascript = _EXAMPLES[param.kind]
            return param.key, self.builder(arg, param.kind, param.name, python, javascript)
        if param.kind == "text_list":
            value = self.data(arg)
            return param.key, [value] if isinstance(value, str) else value
        if param.kind == "id_or_name":
            value = arg.value
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise DslError(
                    "bad_argument",
                    _("%(option)s must be an id (a number) or a name (text).")
                    % {"option": self.spelled(param.name)},
                    arg.loc,
                )
            return (param.key if isinstance(value, int) else param.name_key), value
        return param.key, self.data(arg)

    def m_step_type(self, cls: type[StepType], flow: WorkflowValue, args: dict[str, Arg]) -> None:
        """A registered step type's method: its arguments fill its own config (``dsl``)."""
        config: dict[str, JSON] = {}
        for param in cls.dsl.params:
            if param.name not in args:
                continue
            key, value = self._param(param, args[param.name])
            if key is None:
                config = value
            else:
                config[key] = value
        if cls.config_field == "condition_config":
            self._add(flow, cls.key, args, action={}, condition_config=config)
        elif cls.config_field == "trigger_config":
            self._add(flow, cls.key, args, action={}, trigger_config=config)
        else:
            self._add(flow, cls.key, args, action=config)

    def m_step(self, flow: WorkflowValue, args: dict[str, Arg], loc: Loc) -> None:
        step_type = self.text(args["step_type"], "step_type")
        parts: dict[str, dict[str, JSON]] = {}
        for name in ("action", "trigger_config", "condition_config"):
            if name in args:
                value = self.data(args[name])
                if not isinstance(value, dict):
                    raise DslError(
                        "bad_argument",
                        _("%(option)s must be a dict.") % {"option": self.spelled(name)},
                        args[name].loc,
                    )
                parts[name] = value
        self._add(
            flow,
            step_type,
            args,
            action=parts.get("action", {}),
            trigger_config=parts.get("trigger_config"),
            condition_config=parts.get("condition_config"),
        )

    # Result -------------------------------------------------------------------------------

    @staticmethod
    def document(flow: WorkflowValue) -> dict[str, JSON]:
        doc: dict[str, JSON] = {
            "name": flow.name,
            "description": flow.description if flow.description is not None else "",
        }
        if flow.schedule is not None:
            doc["workflow_type"] = "scheduled"
            doc["schedule"] = flow.schedule
        else:
            doc["workflow_type"] = "event_based"
            doc["event"] = flow.event
        doc["steps"] = flow.steps
        return doc


def args_loc(args: dict[str, Arg]) -> Loc:
    for arg in args.values():
        return arg.loc
    return Loc(1, 1)
