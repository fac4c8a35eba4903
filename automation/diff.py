"""The difference between two versions of a workflow, in words, in nb or en.

A user has to see what an edit does without reading JSON: the assistant shows it before an
edited workflow is saved ("Påminnelse: torsdag 15:00 → onsdag 12:00"), and the version
history shows what each version changed. The user compares these lines with the preview, so
every part is said with the preview's own words: ``automation.wording`` for times, audiences,
conditions, schedules and the holiday policy, ``automation.preview.step_when`` for when a
step runs and each step type's ``describe`` for what it does. Only the frame of a change
("→", "Nytt steg 3", "nå bare til de …") is written here.

``workflow_diff(old, new, language=...)`` takes two normalised documents (the format of
``shared/docs/workflow-format.md``: ``services.workflow_definition`` of a saved workflow, a
``WorkflowVersion.definition``, ``validate_workflow(doc).normalised``) and answers one
``Change`` per line, ``[]`` when nothing a user would notice changed.

``Change.kind``:

- ``renamed``, ``description``: the workflow's name and description;
- ``status``: only when both documents carry one (the API's read form);
- ``workflow_type``: scheduled ↔ event-based, one line from how it started to how it starts
  ("Kjøres: hver mandag kl. 09:00 (Europe/Oslo) → når en kunde legger inn en ordre");
- ``schedule`` (type and config, every calendar kind), ``holiday_policy``, ``timezone``;
- ``event``: the event type, a webhook's name, any other event option;
- ``step_added``, ``step_removed``: the whole step as its preview line says it;
- ``step_changed``: one part of a step that is in both versions; ``Change.aspect`` says which
  (``name``, ``when``, ``recipients``, ``condition``, ``template``, ``config``, ``active``,
  ``retries``);
- ``steps_reordered``: a step now comes before or after others than it did.

``Change.step`` is the step's ``step_order`` (1-based, as in the document) in the new version,
in the old one for ``step_removed``, None for the workflow's own fields. The texts of
``step_changed`` lines name the step (its name, or "Steg 2" when it has none) but not its
number, so a page may put "Steg {step}" before them; added and removed steps say their number
because where they are is part of the change.

Steps are paired old ↔ new by name first (unique names, same step type), then the rest by
likeness (same type; few parts differ; same position breaks ties), so that moving the
reminder to Wednesday is one line and not a removal plus an addition. A step whose type
changed is a removal plus an addition: it is a different kind of step.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from django.utils import translation

from automation.models import WorkflowDefinition
from automation.preview import EVENTS, step_when
from automation.registry import StepType, step_types
from automation.wording import (
    DASH,
    DAY_NAMES,
    Lookups,
    Words,
    policy_outcome,
    schedule_text,
)

__all__ = ["Change", "workflow_diff"]

ARROW = "\N{RIGHTWARDS ARROW}"
#: Longer free texts (descriptions) are cut here: a change line stays one line.
MAX_QUOTED = 80
#: Steps left after pairing by name are paired when at most this many of their parts differ
#: (name, when, template, recipients, condition, other config, on/off); more is a different
#: step, better said as one removed and one added.
MAX_PART_CHANGES = 3
_TEMPLATE_KEYS = ("template_id", "template")


@dataclass(frozen=True)
class Change:
    """One difference, as one line in the requested language."""

    kind: str
    text: str
    step: int | None = None
    aspect: str | None = None  # for step_changed: which part of the step

    def __str__(self) -> str:
        return self.text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def workflow_diff(
    old: Mapping[str, Any], new: Mapping[str, Any], *, language: str = "nb"
) -> list[Change]:
    """What changed from ``old`` to ``new`` (normalised workflow documents), one line each,
    in ``language`` ("nb" or "en"); ``[]`` when nothing changed.

    Reads the names of the templates and groups the two versions refer to (one query per
    table); a template or group that no longer exists shows by its id or slug.
    """
    return _Differ(old, new, Words(language)).changes()


# --- Helpers -----------------------------------------------------------------------------------


def _steps(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    steps = [s for s in doc.get("steps") or [] if isinstance(s, Mapping)]
    return sorted(steps, key=lambda s: s.get("step_order") or 0)


def _kind(step: Mapping[str, Any]) -> type[StepType]:
    """The step's type class; the base class (no customers, no references) when unknown, so
    that an old version with a step type since removed still compares."""
    return step_types().get(step.get("step_type"), StepType)  # type: ignore[arg-type]


def _has_template(cls: type[StepType]) -> bool:
    return any(ref.kind in ("template", "template_name") for ref in cls.references)


def _own_keys(cls: type[StepType]) -> set[str]:
    """The action_config keys compared as parts of their own (recipients, template)."""
    keys: set[str] = set()
    if cls.acts_on_customers:
        keys.add("recipients")
    if _has_template(cls):
        keys.update(_TEMPLATE_KEYS)
    return keys


def _rest(step: Mapping[str, Any], cls: type[StepType]) -> dict[str, Any]:
    """The step's config apart from the parts compared on their own: what ``describe`` says
    beyond the template and the audience (an order's lines, a report's kind ...)."""
    own = _own_keys(cls)
    rest: dict[str, Any] = {
        "action_config": {
            k: v for k, v in (step.get("action_config") or {}).items() if k not in own
        }
    }
    if cls.config_field == "condition_config":
        # A step that is its condition (check_condition): said by its describe(). A step that
        # is its trigger (wait_until) is said by the "when" line instead.
        rest[cls.config_field] = dict(step.get(cls.config_field) or {})
    return rest


def _trigger(step: Mapping[str, Any]) -> tuple[Any, Any]:
    return step.get("trigger_type") or "immediate", step.get("trigger_config") or {}


def _part_changes(old: Mapping[str, Any], new: Mapping[str, Any], cls: type[StepType]) -> int:
    """How many of the parts a change line is said for differ between two steps."""
    action_o, action_n = old.get("action_config") or {}, new.get("action_config") or {}
    parts = [
        (old.get("name") or "").strip().casefold() != (new.get("name") or "").strip().casefold(),
        _trigger(old) != _trigger(new),
        any(action_o.get(k) != action_n.get(k) for k in _TEMPLATE_KEYS),
        action_o.get("recipients") != action_n.get("recipients"),
        cls.config_field != "condition_config"
        and (old.get("condition_config") or {}) != (new.get("condition_config") or {}),
        _rest(old, cls) != _rest(new, cls),
        old.get("is_active", True) != new.get("is_active", True),
    ]
    return sum(parts)


def _pair(old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Old step index → new step index for the steps that are the same step in both."""
    pairs: dict[int, int] = {}

    def names(steps: Sequence[Mapping[str, Any]]) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, step in enumerate(steps):
            name = (step.get("name") or "").strip().casefold()
            if name:
                found.setdefault(name, []).append(index)
        return found

    # 1. By name: what the user calls the step ("påminnelsen") is what they edit.
    new_names = names(new)
    for name, olds in names(old).items():
        news = new_names.get(name, [])
        if len(olds) == 1 and len(news) == 1:
            i, j = olds[0], news[0]
            if old[i].get("step_type") == new[j].get("step_type"):
                pairs[i] = j

    # 2. The rest by likeness: fewest differing parts first, then the same position, then
    # the nearest one.
    taken = set(pairs.values())
    candidates = []
    for i, o in enumerate(old):
        if i in pairs:
            continue
        for j, n in enumerate(new):
            if j in taken or o.get("step_type") != n.get("step_type"):
                continue
            changes = _part_changes(o, n, _kind(o))
            if changes <= MAX_PART_CHANGES or (i == j and changes <= MAX_PART_CHANGES + 1):
                candidates.append((changes, i != j, abs(i - j), i, j))
    for *_rank, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _moved(pairs: Mapping[int, int]) -> set[int]:
    """The old indexes of the paired steps whose order relative to the others changed.

    Steps are taken out, most displaced first (the one that moved up first on a tie: a user
    who swaps two steps usually moved the later one up), until the rest keep their order.
    """
    olds = sorted(pairs)
    new_rank = {i: rank for rank, i in enumerate(sorted(olds, key=lambda i: pairs[i]))}
    moved: set[int] = set()
    while True:
        kept = [i for i in olds if i not in moved]
        if all(pairs[a] < pairs[b] for a, b in itertools.pairwise(kept)):
            return moved
        old_rank = {i: rank for rank, i in enumerate(kept)}
        kept_new_rank = {i: rank for rank, i in enumerate(sorted(kept, key=lambda i: new_rank[i]))}
        moved.add(
            max(
                kept,
                key=lambda i: (
                    abs(old_rank[i] - kept_new_rank[i]),
                    kept_new_rank[i] < old_rank[i],
                ),
            )
        )


@dataclass(frozen=True)
class _StepPair:
    """One step in both versions (the new version's step type)."""

    old: Mapping[str, Any]
    new: Mapping[str, Any]
    cls: type[StepType]
    order_map: Mapping[Any, Any]

    @property
    def action_old(self) -> Mapping[str, Any]:
        return self.old.get("action_config") or {}

    @property
    def action_new(self) -> Mapping[str, Any]:
        return self.new.get("action_config") or {}


class _Differ:
    """One comparison: both documents, the words and the names they refer to."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any], w: Words) -> None:
        self.old, self.new, self.w = old, new, w
        self.old_steps, self.new_steps = _steps(old), _steps(new)
        # One Lookups for both versions: each table is read once.
        self.lookups = Lookups({"steps": [*self.old_steps, *self.new_steps]})

    # --- Words ---------------------------------------------------------------------------------

    def quote(self, text: Any) -> str:
        text = str(text)
        if len(text) > MAX_QUOTED:
            text = text[: MAX_QUOTED - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
        return self.w.say(f"«{text}»", f"“{text}”")

    def lower(self, text: str) -> str:
        """``text`` to follow a colon: "Torsdag 15:00" → "torsdag 15:00"; English day names
        and abbreviations ("ERP") keep their capital."""
        first = text.split(" ", 1)[0].rstrip(",.;:")
        if not first or (self.w.en and first in DAY_NAMES["en"]):
            return text
        if len(first) > 1 and first.isupper():
            return text
        return text[:1].lower() + text[1:]

    def change(self, before: str, after: str) -> str:
        return f"{before} {ARROW} {after}"

    def raw(self, value: Any) -> str:
        """A config value no wording knows, as compact JSON (a last resort)."""
        if value is None:
            return self.w.say("(ingen)", "(none)")
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def label(self, step: Mapping[str, Any]) -> str:
        name = (step.get("name") or "").strip()
        n = step.get("step_order")
        return name or self.w.say(f"Steg {n}", f"Step {n}")

    def when(self, step: Mapping[str, Any], doc: Mapping[str, Any]) -> str:
        """When ``step`` of ``doc`` runs (the first step follows the schedule)."""
        steps = self.old_steps if doc is self.old else self.new_steps
        index = next((k for k, s in enumerate(steps) if s is step), 0)
        return self.lower(step_when(step, index, doc, self.w))

    def what(self, step: Mapping[str, Any]) -> str:
        cls = step_types().get(step.get("step_type"))  # type: ignore[arg-type]
        if cls is None:
            return str(step.get("step_type"))
        return cls().describe(step, self.w, self.lookups)

    def line(self, step: Mapping[str, Any], doc: Mapping[str, Any]) -> str:
        """The step as its preview line says it, without the count."""
        text = f"{self.when(step, doc)} {DASH} {self.what(step)}"
        if step.get("is_active") is False:
            text += self.w.say(" (slått av)", " (turned off)")
        return text

    def template_name(self, action: Mapping[str, Any]) -> str:
        template = self.lookups.template(action.get("template_id"))
        if template is not None:
            return str(template.name)
        if action.get("template"):
            return str(action["template"])
        return f"#{action.get('template_id')}"

    def start(self, doc: Mapping[str, Any]) -> str:
        """How a workflow starts, the preview's second line: its schedule or its event."""
        w = self.w
        if doc.get("workflow_type") == "event_based":
            return self.lower(self.event_text(doc.get("event") or {}))
        if doc.get("schedule"):
            return self.lower(schedule_text(doc["schedule"], w))
        return w.say("(ingen tidsplan)", "(no schedule)")

    def event_text(self, event: Mapping[str, Any]) -> str:
        kind = str(event.get("type") or "")
        text = self.w.say(*EVENTS.get(kind, (kind, kind)))
        if event.get("name"):
            text += self.w.say(
                f" (navn {self.quote(event['name'])})", f" (name {self.quote(event['name'])})"
            )
        return text

    # --- The workflow --------------------------------------------------------------------------

    def changes(self) -> list[Change]:
        return [*self.workflow_changes(), *self.step_changes()]

    def workflow_changes(self) -> list[Change]:
        w, old, new = self.w, self.old, self.new
        out: list[Change] = []
        name_o, name_n = str(old.get("name") or ""), str(new.get("name") or "")
        if name_o != name_n:
            before, after = self.quote(name_o), self.quote(name_n)
            out.append(
                Change(
                    "renamed",
                    w.say(
                        f"Navn: {self.change(before, after)}", f"Name: {self.change(before, after)}"
                    ),
                )
            )
        out.extend(self.description_changes())
        out.extend(self.status_changes())
        type_o, type_n = old.get("workflow_type"), new.get("workflow_type")
        if type_o != type_n:
            both = self.change(self.start(old), self.start(new))
            out.append(Change("workflow_type", w.say(f"Kjøres: {both}", f"Runs: {both}")))
        elif type_n == "event_based":
            out.extend(self.event_changes())
        else:
            out.extend(self.schedule_changes())
        return out

    def description_changes(self) -> list[Change]:
        w = self.w
        before = str(self.old.get("description") or "").strip()
        after = str(self.new.get("description") or "").strip()
        if before == after:
            return []
        if not before:
            text = w.say(
                f"Beskrivelse lagt til: {self.quote(after)}",
                f"Description added: {self.quote(after)}",
            )
        elif not after:
            text = w.say(
                f"Beskrivelse fjernet (var {self.quote(before)})",
                f"Description removed (was {self.quote(before)})",
            )
        else:
            both = self.change(self.quote(before), self.quote(after))
            text = w.say(f"Beskrivelse: {both}", f"Description: {both}")
        return [Change("description", text)]

    def status_changes(self) -> list[Change]:
        before, after = self.old.get("status"), self.new.get("status")
        if before is None or after is None or before == after:
            return []
        # The status names are the model's (Django i18n), as the pages show them.
        with translation.override(self.w.language):
            labels = {value: str(label) for value, label in WorkflowDefinition.Status.choices}
        both = self.change(
            labels.get(before, str(before)).lower(), labels.get(after, str(after)).lower()
        )
        return [Change("status", f"Status: {both}")]

    def schedule_changes(self) -> list[Change]:
        w = self.w
        old = self.old.get("schedule") or {}
        new = self.new.get("schedule") or {}
        out: list[Change] = []

        # The time words alone: the policy and the time zone get lines of their own.
        def bare(schedule: Mapping[str, Any]) -> str:
            return self.lower(
                schedule_text(
                    {
                        "schedule_type": schedule.get("schedule_type"),
                        "schedule_config": schedule.get("schedule_config") or {},
                    },
                    w,
                )
            )

        before, after = bare(old), bare(new)
        if before != after:
            both = self.change(before, after)
            out.append(Change("schedule", w.say(f"Tidsplan: {both}", f"Schedule: {both}")))
        policy_o = old.get("holiday_policy") or "run"
        policy_n = new.get("holiday_policy") or "run"
        if policy_o != policy_n:
            both = self.change(policy_outcome(policy_o, w), policy_outcome(policy_n, w))
            out.append(
                Change(
                    "holiday_policy",
                    w.say(
                        f"Helligdager og stengte dager: {both}",
                        f"Public holidays and closed days: {both}",
                    ),
                )
            )
        tz_o, tz_n = old.get("timezone") or "", new.get("timezone") or ""
        if tz_o != tz_n:
            both = self.change(tz_o or DASH, tz_n or DASH)
            out.append(Change("timezone", w.say(f"Tidssone: {both}", f"Time zone: {both}")))
        return out

    def event_changes(self) -> list[Change]:
        w = self.w
        old = self.old.get("event") or {}
        new = self.new.get("event") or {}
        out: list[Change] = []
        if old.get("type") != new.get("type"):
            # Said with the name, if any, so that no separate name line is needed.
            both = self.change(self.lower(self.event_text(old)), self.lower(self.event_text(new)))
            out.append(Change("event", w.say(f"Hendelse: {both}", f"Event: {both}")))
        elif (old.get("name") or "") != (new.get("name") or ""):
            # An unnamed webhook workflow answers every webhook (executions.events).
            def name(event: Mapping[str, Any]) -> str:
                value = event.get("name")
                return self.quote(value) if value else w.say("alle", "any")

            both = self.change(name(old), name(new))
            out.append(Change("event", w.say(f"Webhook-navn: {both}", f"Webhook name: {both}")))
        for key in sorted((set(old) | set(new)) - {"type", "name"}):
            if old.get(key) != new.get(key):
                both = self.change(self.raw(old.get(key)), self.raw(new.get(key)))
                out.append(
                    Change("event", w.say(f"Hendelse, {key}: {both}", f"Event, {key}: {both}"))
                )
        return out

    # --- Steps ---------------------------------------------------------------------------------

    def step_changes(self) -> list[Change]:
        old, new = self.old_steps, self.new_steps
        pairs = _pair(old, new)
        moved = _moved(pairs)
        by_new = {j: i for i, j in pairs.items()}
        # A removed step is told where it was: after the lines of the step before it.
        removed_after: dict[int | None, list[int]] = {}
        for i in range(len(old)):
            if i in pairs:
                continue
            before = [k for k in pairs if k < i]
            anchor = pairs[max(before)] if before else None
            removed_after.setdefault(anchor, []).append(i)
        order_map = {old[i].get("step_order"): new[j].get("step_order") for i, j in pairs.items()}

        out = [self.removed(old[i]) for i in removed_after.get(None, [])]
        for j, step in enumerate(new):
            i = by_new.get(j)
            if i is None:
                out.append(self.added(step))
            else:
                if i in moved:
                    out.append(self.reordered(old[i], step))
                out.extend(self.changed(old[i], step, order_map))
            out.extend(self.removed(old[k]) for k in removed_after.get(j, []))
        return out

    def added(self, step: Mapping[str, Any]) -> Change:
        n = step.get("step_order")
        name = f" {self.quote(step['name'])}" if step.get("name") else ""
        line = self.line(step, self.new)
        return Change(
            "step_added",
            self.w.say(f"Nytt steg {n}{name}: {line}", f"New step {n}{name}: {line}"),
            n,
        )

    def removed(self, step: Mapping[str, Any]) -> Change:
        n = step.get("step_order")
        name = f" {self.quote(step['name'])}" if step.get("name") else ""
        line = self.line(step, self.old)
        return Change(
            "step_removed",
            self.w.say(f"Fjernet steg {n}{name}: {line}", f"Removed step {n}{name}: {line}"),
            n,
        )

    def reordered(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> Change:
        a, b = old.get("step_order"), new.get("step_order")
        label = self.label(new)
        return Change(
            "steps_reordered",
            self.w.say(
                f"{label}: flyttet fra steg {a} til steg {b}",
                f"{label}: moved from step {a} to step {b}",
            ),
            b,
        )

    def changed(
        self, old: Mapping[str, Any], new: Mapping[str, Any], order_map: Mapping[Any, Any]
    ) -> list[Change]:
        """The lines for one step that is in both versions, part by part."""
        step = _StepPair(old, new, _kind(new), order_map)
        n = new.get("step_order")
        out: list[Change] = []
        renamed = self._name(step)
        if renamed:
            # Said on its own, with both names, since the other lines use the new one.
            out.append(Change("step_changed", renamed, n, "name"))
        label = self.label(new)
        for aspect, say in (
            ("when", self._when),
            ("recipients", self._whom),
            ("condition", self._which_of_them),
            ("template", self._template),
            ("config", self._rest_of_config),
            ("active", self._active),
            ("retries", self._retries),
        ):
            out += [Change("step_changed", f"{label}: {text}", n, aspect) for text in say(step)]
        return out

    def _name(self, step: _StepPair) -> str | None:
        w = self.w
        name_o = (step.old.get("name") or "").strip()
        name_n = (step.new.get("name") or "").strip()
        if name_o == name_n:
            return None
        if name_o and name_n:
            return w.say(
                f"{self.quote(name_o)} heter nå {self.quote(name_n)}",
                f"{self.quote(name_o)} is now called {self.quote(name_n)}",
            )
        if name_n:
            return w.say(
                f"{self.label(step.old)} heter nå {self.quote(name_n)}",
                f"{self.label(step.old)} is now called {self.quote(name_n)}",
            )
        return w.say(
            f"{self.quote(name_o)} har ikke lenger noe navn",
            f"{self.quote(name_o)} no longer has a name",
        )

    def _when(self, step: _StepPair) -> list[str]:
        """As the preview says it; for a step that waits (wait_until) the time it waits for,
        which its preview line says after "Vent til"."""
        old, new = step.old, step.new
        if _trigger(old) == _trigger(new):
            return []
        if step.cls.waits_for_trigger:
            before = self.lower(self.w.trigger_when(_trigger(old)[1]))
            after = self.lower(self.w.trigger_when(_trigger(new)[1]))
        else:
            before, after = self.when_text(old, self.old), self.when_text(new, self.new)
        if before != after:
            return [self.change(before, after)]
        if _trigger(old)[0] == _trigger(new)[0]:
            # The same words for another config: not to be hidden, if only in raw form.
            return [self.change(self.raw(_trigger(old)[1]), self.raw(_trigger(new)[1]))]
        # Else immediate ↔ time_based at the very time it would run anyway (a first step at
        # the schedule's time): no change in when it runs.
        return []

    def _to(self, step: _StepPair) -> str:
        return self.w.say("til", "to") if step.cls.emails_customers else self.w.say("for", "for")

    def _whom(self, step: _StepPair) -> list[str]:
        if not step.cls.acts_on_customers:
            return []
        rec_o = step.action_old.get("recipients") or {}
        rec_n = step.action_new.get("recipients") or {}
        if "from_step" in rec_o and "from_step" in rec_n:
            # The same earlier step under a new number is not a change.
            rec_o = {"from_step": step.order_map.get(rec_o["from_step"], rec_o["from_step"])}
        if rec_o == rec_n:
            return []
        before = self.w.audience(step.action_old.get("recipients") or {}, self.lookups)
        after = self.w.audience(rec_n, self.lookups)
        before = before or self.raw(step.action_old.get("recipients"))
        after = after or self.raw(step.action_new.get("recipients"))
        to = self._to(step)
        return [self.change(f"{to} {before}", f"{to} {after}")]

    def _which_of_them(self, step: _StepPair) -> list[str]:
        """The condition, as the relative clause the preview uses."""
        if step.cls.config_field == "condition_config":
            return []
        cond_o = step.old.get("condition_config") or {}
        cond_n = step.new.get("condition_config") or {}
        if cond_o == cond_n:
            return []
        return [self.condition_text(cond_o, cond_n, self._to(step))]

    def _template(self, step: _StepPair) -> list[str]:
        action_o, action_n = step.action_old, step.action_new
        if not _has_template(step.cls) or all(
            action_o.get(k) == action_n.get(k) for k in _TEMPLATE_KEYS
        ):
            return []
        before, after = self.template_name(action_o), self.template_name(action_n)
        if before == after:  # two templates of one name
            before += f" (#{action_o.get('template_id')})"
            after += f" (#{action_n.get('template_id')})"
        both = self.change(self.quote(before), self.quote(after))
        return [self.w.say(f"mal {both}", f"template {both}")]

    def _rest_of_config(self, step: _StepPair) -> list[str]:
        """Anything else of the step type's config: its own describe(), before and after,
        with the parts said above taken from the new version so only this part differs."""
        cls, new = step.cls, step.new
        rest_o, rest_n = _rest(step.old, cls), _rest(new, cls)
        if rest_o == rest_n:
            return []
        hybrid = copy.deepcopy(dict(new))
        for field, values in rest_o.items():
            if field == "action_config":
                kept = {k: v for k, v in step.action_new.items() if k in _own_keys(cls)}
                hybrid[field] = {**values, **kept}
            else:
                hybrid[field] = values
        before, after = self.what(hybrid), self.what(new)
        if before != after:
            return [self.change(self.lower(before), self.lower(after))]
        lines = []
        for field in rest_o:
            for key in sorted(set(rest_o[field]) | set(rest_n[field])):
                a, b = rest_o[field].get(key), rest_n[field].get(key)
                if a != b:
                    lines.append(f"{key} {self.change(self.raw(a), self.raw(b))}")
        return lines

    def _active(self, step: _StepPair) -> list[str]:
        if step.old.get("is_active", True) == step.new.get("is_active", True):
            return []
        on = step.new.get("is_active", True) is not False
        return [self.w.say("slått på", "turned on") if on else self.w.say("slått av", "turned off")]

    def _retries(self, step: _StepPair) -> list[str]:
        retries_o, retries_n = step.old.get("max_retries", 3), step.new.get("max_retries", 3)
        if retries_o == retries_n:
            return []
        both = self.change(str(retries_o), str(retries_n))
        return [self.w.say(f"nye forsøk ved feil: {both}", f"retries on failure: {both}")]

    def when_text(self, step: Mapping[str, Any], doc: Mapping[str, Any]) -> str:
        """``when``, and that a condition_based step runs only if its condition holds (the
        preview shows that only through the condition)."""
        text = self.when(step, doc)
        if _trigger(step)[0] == "condition_based":
            text += self.w.say(", bare når betingelsen holder", ", only when its condition holds")
        return text

    def condition_text(self, old: Mapping[str, Any], new: Mapping[str, Any], to: str) -> str:
        """A changed condition: "nå bare til de som ikke har bestilt …" when one was added,
        "ikke lenger bare til de …" when removed, both clauses when it changed."""
        w = self.w
        those = w.say("de", "those")
        before = w.condition(old, self.lookups) if old else ""
        after = w.condition(new, self.lookups) if new else ""
        if (old and not before) or (new and not after) or before == after:
            # A check the wording does not know, or one whose words do not change.
            return self.change(self.raw(dict(old) or None), self.raw(dict(new) or None))
        if not old:
            return w.say(f"nå bare {to} de {after}", f"now only {to} those {after}")
        if not new:
            return w.say(
                f"ikke lenger bare {to} de {before}", f"no longer only {to} those {before}"
            )
        return self.change(f"{to} {those} {before}", f"{to} {those} {after}")
