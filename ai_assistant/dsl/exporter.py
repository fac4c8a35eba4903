"""Workflow JSON to a Python or JavaScript builder script that compiles back to it.

Every field that differs from what the builder fills in by itself is written out, so
``compile_script(export_script(doc))`` gives the canonical form of ``doc`` (for a document
the validator normalised: ``doc`` itself). Shapes the convenience functions cannot say (an
unusual config) are written as plain dicts, which the builder accepts as they are.
"""

from __future__ import annotations

from typing import Any

from ai_assistant.dsl.builder import camel, default_timezone
from automation.registry import DslParam, StepType, step_types

JSON = Any
_LINE_WIDTH = 88
_STEP_DEFAULTS = {"name": "", "is_active": True, "max_retries": 3}


class _Code(str):
    """Already-rendered source text (as opposed to a value to render as a literal)."""


class _Writer:
    def __init__(self, language: str) -> None:
        if language not in ("python", "javascript"):
            raise ValueError(f"unknown language {language!r}")
        self.language = language
        self.python = language == "python"

    # Literals ----------------------------------------------------------------------------

    def string(self, value: str) -> str:
        out = ['"']
        for ch in value:
            code = ord(ch)
            if ch == "\\":
                out.append("\\\\")
            elif ch == '"':
                out.append('\\"')
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\t":
                out.append("\\t")
            elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
                out.append(f"\\u{code:04x}")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)

    def literal(self, value: JSON) -> str:
        if isinstance(value, _Code):
            return str(value)
        if value is None:
            return "None" if self.python else "null"
        if value is True:
            return "True" if self.python else "true"
        if value is False:
            return "False" if self.python else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, str):
            return self.string(value)
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        if isinstance(value, dict):
            return (
                "{"
                + ", ".join(f"{self.string(k)}: {self.literal(v)}" for k, v in value.items())
                + "}"
            )
        raise TypeError(f"cannot write {type(value).__name__} in a script")

    # Calls -------------------------------------------------------------------------------

    def name(self, python_name: str) -> str:
        return python_name if self.python else camel(python_name)

    def call(
        self,
        func: str,
        args: list[JSON] | None = None,
        options: list[tuple[str, JSON]] | None = None,
        *,
        indent: str = "",
        prefix: str = "",
    ) -> _Code:
        """``func(args..., options)``: one line when it fits, else one option per line."""
        args = args or []
        options = options or []
        rendered_args = [self.literal(a) for a in args]
        if self.python:
            rendered_opts = [f"{key}={self.literal(value)}" for key, value in options]
            flat_parts = rendered_args + rendered_opts
            flat = f"{prefix}{self.name(func)}({', '.join(flat_parts)})"
            if len(indent) + len(flat) <= _LINE_WIDTH or not flat_parts:
                return _Code(flat)
            inner = indent + "    "
            body = "".join(f"{inner}{part},\n" for part in flat_parts)
            return _Code(f"{prefix}{self.name(func)}(\n{body}{indent})")
        rendered_opts = [f"{camel(key)}: {self.literal(value)}" for key, value in options]
        parts = list(rendered_args)
        if rendered_opts:
            parts.append("{" + ", ".join(rendered_opts) + "}")
        flat = f"{prefix}{self.name(func)}({', '.join(parts)})"
        if len(indent) + len(flat) <= _LINE_WIDTH or not rendered_opts:
            return _Code(flat)
        inner = indent + "  "
        head = ", ".join([*rendered_args, "{"]) if rendered_args else "{"
        body = "".join(f"{inner}{opt},\n" for opt in rendered_opts)
        return _Code(f"{prefix}{self.name(func)}({head}\n{body}{indent}}})")


# --- Values as builder calls ------------------------------------------------------------------


def _schedule(w: _Writer, schedule: JSON) -> _Code | JSON:
    if not isinstance(schedule, dict):
        return schedule
    kind = schedule.get("schedule_type")
    config = schedule.get("schedule_config")
    extra = set(schedule) - {"schedule_type", "schedule_config", "timezone", "holiday_policy"}
    if extra or not isinstance(config, dict):
        return schedule
    options: list[tuple[str, JSON]] = []
    if "timezone" in schedule and schedule["timezone"] != default_timezone():
        options.append(("timezone", schedule["timezone"]))
    if "holiday_policy" in schedule:
        options.append(("holiday_policy", schedule["holiday_policy"]))
    keys = set(config)

    def said(*names: str) -> list[tuple[str, JSON]]:
        return [(name, config[name]) for name in names if name in config]

    if kind == "daily" and {"time"} <= keys <= {"time", "weekdays_only", "business_days_only"}:
        return w.call(
            "daily", [config["time"]], said("weekdays_only", "business_days_only") + options
        )
    weekly_options = {"every_weeks", "anchor", "iso_weeks"}
    for key in ("day", "days"):
        if (
            kind == "weekly"
            and {key, "time"} <= keys <= {key, "time", *weekly_options}
            and isinstance(config[key], list) == (key == "days")
        ):
            return w.call(
                "weekly", [config[key], config["time"]], said(*sorted(weekly_options)) + options
            )
    if kind == "monthly" and keys == {"day_of_month", "time"}:
        return w.call("monthly", [config["day_of_month"], config["time"]], options)
    if kind == "monthly" and keys == {"weekday", "nth", "time"}:
        return w.call("nth_weekday", [config["weekday"], config["nth"], config["time"]], options)
    if kind == "monthly" and keys == {"business_day", "time"}:
        return w.call("business_day", [config["business_day"], config["time"]], options)
    if kind == "cron" and keys == {"expression"}:
        return w.call("cron", [config["expression"]], options)
    return schedule


def _event(w: _Writer, event: JSON) -> _Code | JSON:
    if not isinstance(event, dict) or "type" not in event:
        return event
    options = {k: v for k, v in event.items() if k != "type"}
    if "options" in options:
        return event
    return w.call("event", [event["type"]], [("options", options)] if options else [])


def _recipients(w: _Writer, value: JSON) -> _Code | JSON:
    if not isinstance(value, dict) or len(value) != 1:
        return value
    ((key, item),) = value.items()
    if key == "group" and item == "all":
        return w.call("group", ["all"])
    if key == "group":
        return w.call("group", [item])
    if (
        key == "customer_ids"
        and isinstance(item, list)
        and item
        and all(isinstance(i, int) and not isinstance(i, bool) for i in item)
    ):
        return w.call("customers", list(item))
    if key == "from_step":
        return w.call("from_step", [item])
    if key == "event_customer" and item is True:
        return w.call("event_customer")
    return value


def _trigger(w: _Writer, value: JSON) -> _Code | JSON:
    if not isinstance(value, dict):
        return value
    keys = set(value)
    if keys == {"day", "time"}:
        return w.call("on", [value["day"], value["time"]])
    if keys == {"time"}:
        return w.call("at", [value["time"]])
    delay = value.get("delay_minutes")
    if keys == {"delay_minutes"} and isinstance(delay, int) and not isinstance(delay, bool):
        if delay % 1440 == 0 and delay:
            return w.call("after", [], [("days", delay // 1440)])
        if delay % 60 == 0 and delay:
            return w.call("after", [], [("hours", delay // 60)])
        return w.call("after", [], [("minutes", delay)])
    if keys == {"at"}:
        return w.call("at_moment", [value["at"]])
    return value


def _condition(w: _Writer, value: JSON) -> _Code | JSON:
    if not isinstance(value, dict) or "check" not in value:
        return value
    check = value["check"]
    rest = [(k, v) for k, v in value.items() if k != "check"]
    keys = {k for k, _v in rest}
    if check in ("orders_missing", "has_ordered") and keys <= {"since", "days_back"}:
        return w.call(check, [], rest)
    if check == "customer_filter" and keys <= {"group", "active", "language"}:
        return w.call("customer_filter", [], rest)
    return value


def _line(w: _Writer, value: JSON) -> _Code | JSON:
    if isinstance(value, dict) and set(value) in ({"sku", "quantity"}, {"sku", "quantity", "name"}):
        options = [("name", value["name"])] if "name" in value else []
        return w.call("line", [value["sku"], value["quantity"]], options)
    return value


# --- Steps ---------------------------------------------------------------------------------


def _is_int(value: JSON) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _param_value(w: _Writer, param: DslParam, value: JSON) -> JSON | None:
    """An argument for ``value`` as ``param``'s kind writes it; None when it cannot."""
    if param.kind == "recipients":
        return _recipients(w, value)
    if param.kind == "condition":
        return _condition(w, value)
    if param.kind == "trigger":
        return _trigger(w, value)
    if param.kind == "lines":
        return [_line(w, x) for x in value] if isinstance(value, list) else value
    if param.kind == "text_list":
        return value if isinstance(value, list) else None
    return value


def _options(
    w: _Writer, cls: type[StepType], config: JSON
) -> tuple[list[JSON], list[tuple[str, JSON]]] | None:
    """The method's positional arguments and options for ``config`` (the step's own config
    field), or None when the method cannot say it."""
    if not isinstance(config, dict):
        return None
    params = cls.dsl.params
    whole = [p for p in params if p.key is None]
    if whole:
        # The config is the argument itself (a check, a time); it must not be empty.
        if not config:
            return None
        (param,) = whole
        value = _param_value(w, param, config)
        return ([value], []) if param.positional else ([], [(param.name, value)])
    if not set(config) <= cls.dsl.keys():
        return None
    args: list[JSON] = []
    options: list[tuple[str, JSON]] = []
    for param in params:
        if param.kind == "id_or_name":
            by_id, by_name = param.key in config, param.name_key in config
            if by_id == by_name:
                return None
            value = config[param.key] if by_id else config[param.name_key]
            if (by_id and not _is_int(value)) or (by_name and not isinstance(value, str)):
                return None
        elif param.key in config:
            value = _param_value(w, param, config[param.key])
            if value is None:
                return None
        elif param.required:
            return None
        else:
            continue
        if param.positional:
            args.append(value)
        else:
            options.append((param.name, value))
    return args, options


def _step_call(w: _Writer, step: dict[str, JSON], position: int) -> tuple[str, list, list]:
    step_type = step.get("step_type")
    fields = {
        "trigger_config": step.get("trigger_config", {}),
        "condition_config": step.get("condition_config", {}),
        "action_config": step.get("action_config", {}),
    }
    trigger_type = step.get("trigger_type", "immediate")
    common: list[tuple[str, JSON]] = []
    if "name" in step and step["name"] != _STEP_DEFAULTS["name"]:
        common.append(("name", step["name"]))

    cls = step_types().get(step_type) if isinstance(step_type, str) else None
    said = None
    if cls is not None and (cls.config_field == "action_config" or fields["action_config"] == {}):
        said = _options(w, cls, fields[cls.config_field])
    inferred = "immediate"
    if cls is not None and said is not None:
        method = cls.key
        args, options = said
        tail: list[tuple[str, JSON]] = []
        if cls.config_field != "trigger_config" and fields["trigger_config"] != {}:
            tail.append(("when", _trigger(w, fields["trigger_config"])))
            inferred = "time_based"
        if cls.config_field != "condition_config" and fields["condition_config"] != {}:
            tail.append(("condition", _condition(w, fields["condition_config"])))
        options = common + options + tail
    else:
        method = "step"
        args = [step_type]
        options = list(common)
        if fields["action_config"] != {}:
            options.append(("action", fields["action_config"]))
        for name in ("trigger_config", "condition_config"):
            if fields[name] != {}:
                options.append((name, fields[name]))
    if trigger_type != inferred:
        options.append(("trigger", trigger_type))
    if "is_active" in step and step["is_active"] != _STEP_DEFAULTS["is_active"]:
        options.append(("active", step["is_active"]))
    if "max_retries" in step and step["max_retries"] != _STEP_DEFAULTS["max_retries"]:
        options.append(("max_retries", step["max_retries"]))
    if step.get("step_order", position) != position:
        options.append(("order", step["step_order"]))
    return method, args, options


def export_script(workflow: dict[str, JSON], *, language: str) -> str:
    """A builder script in ``language`` ("python" or "javascript") for ``workflow``."""
    w = _Writer(language)
    options: list[tuple[str, JSON]] = []
    if workflow.get("description"):
        options.append(("description", workflow["description"]))
    if "schedule" in workflow or workflow.get("workflow_type") == "scheduled":
        options.append(("schedule", _schedule(w, workflow.get("schedule"))))
    if "event" in workflow:
        options.append(("event", _event(w, workflow["event"])))
    header = w.call(
        "workflow",
        [workflow.get("name", "")],
        options,
        prefix="flow = " if w.python else "const flow = ",
    )
    lines = [header + ("" if w.python else ";")]
    for position, step in enumerate(workflow.get("steps") or [], start=1):
        method, args, step_options = _step_call(w, step, position)
        code = w.call(method, args, step_options, prefix="flow.")
        lines.append(code + ("" if w.python else ";"))
    return "\n".join(lines) + "\n"
