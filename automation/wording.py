"""Workflows in words, in Norwegian Bokmål or English: the pieces every description shares.

The preview (``automation.preview``) and each step type's ``describe`` build their sentences
from these, so that "alle kunder som ikke har bestilt siden kjøringen startet" reads the same
wherever it appears. ``Lookups`` fetches the names a description needs (templates, groups,
integrations), once per preview, whatever the step types ask for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from automation.models import Integration
from automation.registry import referencing, step_types
from customers.models import CustomerGroup
from templates_app.models import EmailTemplate

__all__ = [
    "DASH",
    "WEEKDAYS",
    "Lookups",
    "Words",
    "capitalise",
    "ordinal",
    "policy_outcome",
    "policy_text",
    "schedule_text",
    "schedule_when",
]

DASH = "\N{EN DASH}"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Words:
    """Phrasing in one language ("nb" or "en")."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language == "en" else "nb"
        self.en = self.language == "en"
        self.days = DAY_NAMES[self.language]

    def say(self, nb: str, en: str) -> str:
        return en if self.en else nb

    def day(self, name: str | None) -> str:
        return self.days[WEEKDAYS.index(name)] if name in WEEKDAYS else str(name or "")

    def days_list(self, names: Iterable[str]) -> str:
        words = [self.day(n) for n in names]
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.say('og', 'and')} {words[-1]}"

    def listing(self, items: Iterable[str]) -> str:
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.say('og', 'and')} {items[-1]}"

    # --- Times --------------------------------------------------------------------------------

    def trigger_when(self, config: Mapping[str, Any]) -> str:
        """When a time trigger fires, short ("Torsdag 15:00", "Etter 2 t")."""
        if config.get("delay_minutes") is not None:
            minutes = int(config["delay_minutes"])
            if minutes % 1440 == 0:
                days = minutes // 1440
                return self.say(
                    f"Etter {days} {'dag' if days == 1 else 'dager'}",
                    f"After {days} {'day' if days == 1 else 'days'}",
                )
            if minutes % 60 == 0:
                hours = minutes // 60
                return self.say(f"Etter {hours} t", f"After {hours} h")
            return self.say(f"Etter {minutes} min", f"After {minutes} min")
        if config.get("at"):
            try:
                moment = dt.datetime.fromisoformat(str(config["at"]))
                return self.say(
                    moment.strftime("%d.%m.%Y %H:%M"), moment.strftime("%-d %b %Y %H:%M")
                )
            except ValueError:
                return str(config["at"])
        parts = [capitalise(self.day(config["day"])) if config.get("day") else ""]
        parts.append(str(config.get("time", "")))
        return " ".join(p for p in parts if p)

    # --- Whom ---------------------------------------------------------------------------------

    def audience(self, recipients: Mapping[str, Any], lookups: Lookups) -> str:
        """Whom ``recipients`` names ("alle kunder", "gruppen Kafeer")."""
        if recipients.get("group") == "all":
            return self.say("alle kunder", "all customers")
        if "group" in recipients:
            name = lookups.group_name(recipients["group"])
            return self.say(f"gruppen {name}", f"the group {name}")
        if "customer_ids" in recipients:
            n = len(recipients["customer_ids"])
            return self.say(f"{n} valgte kunder", f"{n} selected customers")
        if "from_step" in recipients:
            return self.say(
                f"kundene fra steg {recipients['from_step']}",
                f"the customers from step {recipients['from_step']}",
            )
        if recipients.get("event_customer"):
            if lookups.event_type == "webhook":
                # The customer the webhook's sender names in its data.
                return self.say("kunden webhooken gjelder", "the customer the webhook is about")
            return self.say("kunden i hendelsen", "the customer of the event")
        return ""

    def condition(self, condition: Mapping[str, Any], lookups: Lookups) -> str:
        """A condition as a relative clause ("som ikke har bestilt siden mandag")."""
        check = condition.get("check")
        if check in ("orders_missing", "has_ordered"):
            if "days_back" in condition:
                window = self.say(
                    f"de siste {condition['days_back']} dagene",
                    f"in the last {condition['days_back']} days",
                )
            else:
                since = condition.get("since", "execution_start")
                if since == "execution_start":
                    window = self.say("siden kjøringen startet", "since the run started")
                else:
                    day = self.day(str(since).removeprefix("last_"))
                    window = self.say(f"siden {day}", f"since {day}")
            if check == "orders_missing":
                return self.say(f"som ikke har bestilt {window}", f"who have not ordered {window}")
            return self.say(f"som har bestilt {window}", f"who have ordered {window}")
        if check == "customer_filter":
            parts = []
            if condition.get("group"):
                name = lookups.group_name(condition["group"])
                parts.append(self.say(f"i gruppen {name}", f"in the group {name}"))
            if condition.get("language"):
                language = condition["language"]
                parts.append(self.say(f"med språk {language}", f"with language {language}"))
            if condition.get("active") is False:
                parts.append(self.say("som er inaktive", "who are inactive"))
            return " ".join(parts)
        return ""

    def who(self, step: Mapping[str, Any], lookups: Lookups) -> str:
        """A step's audience narrowed by its condition: "alle kunder som ikke har bestilt …"."""
        action = step.get("action_config") or {}
        condition = step.get("condition_config") or {}
        recipients = action.get("recipients") or {}
        audience = self.audience(recipients, lookups)
        narrowed = self.condition(condition, lookups) if condition else ""
        if (
            narrowed
            and recipients.get("event_customer")
            and condition.get("check") == "customer_filter"
            and "active" not in condition
        ):
            # One customer, who may or may not be in the group: "..., bare når kunden er i
            # gruppen Kafeer", not "kunden i hendelsen i gruppen Kafeer".
            return self.say(
                f"{audience}, bare når kunden er {narrowed}",
                f"{audience}, only when they are {narrowed}",
            )
        return " ".join(p for p in (audience, narrowed) if p)


class Lookups:
    """Names of the rows a workflow refers to, each table read once, on first use."""

    def __init__(self, workflow: Mapping[str, Any]) -> None:
        self.workflow = workflow

    @property
    def event_type(self) -> str:
        """The type of the event that starts the workflow ("" for a scheduled one)."""
        event = self.workflow.get("event")
        return str(event.get("type") or "") if isinstance(event, Mapping) else ""

    def _configs(self) -> list[tuple[str, Mapping[str, Any]]]:
        registry = step_types()
        out = []
        for step in self.workflow.get("steps") or []:
            if not isinstance(step, Mapping):
                continue
            cls = registry.get(step.get("step_type"))  # type: ignore[arg-type]
            if cls is not None:
                out.append((cls.key, step.get(cls.config_field) or {}))
        return out

    def _ids(self, kind: str) -> set[Any]:
        return {v for v in referencing(kind, self._configs()) if isinstance(v, int)}

    @cached_property
    def templates(self) -> dict[int, Any]:
        return EmailTemplate.objects.in_bulk(self._ids("template"))

    @cached_property
    def groups(self) -> dict[str, str]:
        return dict(CustomerGroup.objects.values_list("slug", "name"))

    @cached_property
    def integrations(self) -> dict[int, str]:
        return dict(
            Integration.objects.filter(pk__in=self._ids("integration")).values_list("pk", "name")
        )

    def template(self, pk: Any) -> Any:
        return self.templates.get(pk) if isinstance(pk, int) else None

    @cached_property
    def _named_templates(self) -> set[str]:
        names = {v for v in referencing("template_name", self._configs()) if isinstance(v, str)}
        return set(EmailTemplate.objects.filter(name__in=names).values_list("name", flat=True))

    def template_is_new(self, name: str) -> bool:
        """A template the workflow names that does not exist yet: one the assistant
        proposes, created when the draft is confirmed."""
        return name not in self._named_templates

    def group_name(self, slug: str) -> str:
        return self.groups.get(slug, slug)

    def integration_name(self, pk: Any) -> str:
        return self.integrations.get(pk, f"#{pk}") if isinstance(pk, int) else f"#{pk}"


# --- Schedules ------------------------------------------------------------------------------


_ORDINALS = {
    1: ("første", "first"),
    2: ("andre", "second"),
    3: ("tredje", "third"),
    4: ("fjerde", "fourth"),
    -1: ("siste", "last"),
    -2: ("nest siste", "second to last"),
    -3: ("tredje siste", "third to last"),
}
_EVERY_NTH_WEEK = {
    2: ("annenhver", "every other"),
    3: ("hver tredje", "every third"),
    4: ("hver fjerde", "every fourth"),
    5: ("hver femte", "every fifth"),
    6: ("hver sjette", "every sixth"),
    7: ("hver sjuende", "every seventh"),
    8: ("hver åttende", "every eighth"),
}
_POLICIES = {
    "skip": ("ikke på helligdager og stengte dager", "not on public holidays and closed days"),
    "next_business_day": (
        "på helligdager og stengte dager neste virkedag",
        "on public holidays and closed days the next business day",
    ),
    "previous_business_day": (
        "på helligdager og stengte dager virkedagen før",
        "on public holidays and closed days the business day before",
    ),
}


def ordinal(n: int, w: Words) -> str:
    nb, en = _ORDINALS.get(n, (f"{n}.", f"#{n}"))
    return w.say(nb, en)


_MONTHS = {
    "nb": (
        *("januar", "februar", "mars", "april", "mai", "juni", "juli", "august"),
        *("september", "oktober", "november", "desember"),
    ),
    "en": (
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    ),
}


def _cron_numbers(field: str, low: int, high: int) -> list[int] | None:
    """The numbers of one cron field made of numbers, lists and ranges ("1,3-5"); None for
    "*", steps or anything else."""
    numbers: list[int] = []
    for part in field.split(","):
        bounds = part.split("-")
        if not all(b.isdigit() for b in bounds) or len(bounds) > 2:
            return None
        first, last = int(bounds[0]), int(bounds[-1])
        if not low <= first <= last <= high:
            return None
        numbers.extend(range(first, last + 1))
    return sorted(set(numbers))


def _cron_words(expression: str, w: Words) -> str | None:
    """A cron schedule of the shapes the assistant makes, in words: "Hver mandag i oktober kl.
    08:00" for "0 8 * 10 1". None for any other shape (shown as the expression)."""
    fields = expression.split()
    if len(fields) != 5 or fields[2] != "*" or not (fields[0].isdigit() and fields[1].isdigit()):
        return None
    minute, hour = int(fields[0]), int(fields[1])
    if minute > 59 or hour > 23:
        return None
    at = w.say(f"kl. {hour:02d}:{minute:02d}", f"at {hour:02d}:{minute:02d}")
    months = None if fields[3] == "*" else _cron_numbers(fields[3], 1, 12)
    days = None if fields[4] == "*" else _cron_numbers(fields[4], 0, 7)
    if (fields[3] != "*" and months is None) or (fields[4] != "*" and days is None):
        return None
    if days is None:
        when = w.say("Hver dag", "Every day")
    else:
        names = sorted({WEEKDAYS[(d - 1) % 7] for d in days}, key=WEEKDAYS.index)
        when = w.say(f"Hver {w.days_list(names)}", f"Every {w.days_list(names)}")
    if months is not None:
        named = w.listing(_MONTHS[w.language][m - 1] for m in months)
        when += w.say(f" i {named}", f" in {named}")
    return f"{when} {at}"


def _date(value: Any, w: Words) -> str:
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    months_nb = [
        *("januar", "februar", "mars", "april", "mai", "juni", "juli", "august"),
        *("september", "oktober", "november", "desember"),
    ]
    if w.en:
        return day.strftime("%-d %B %Y")
    return f"{day.day}. {months_nb[day.month - 1]} {day.year}"


def _weeks_text(config: Mapping[str, Any], w: Words) -> tuple[str, str]:
    """(how often, which weeks in words) of a weekly schedule: ("annenhver", "fra uka med
    8. desember 2026"), ("", "i partallsuker"), or ("", "")."""
    every = int(config.get("every_weeks") or 1)
    if every > 1:
        nb, en = _EVERY_NTH_WEEK.get(every, (f"hver {every}.", f"every {every}th"))
        anchor = _date(config.get("anchor"), w)
        return w.say(nb, en), w.say(
            f"regnet fra uka med {anchor}", f"counted from the week of {anchor}"
        )
    parity = config.get("iso_weeks")
    if parity in ("even", "odd"):
        return "", w.say(
            "i partallsuker" if parity == "even" else "i oddetallsuker",
            "in even weeks" if parity == "even" else "in odd weeks",
        )
    return "", ""


#: What even/odd weeks mean, said where a user chooses or reads them.
WEEK_PARITY_NOTE = (
    "ukenummer etter kalenderen; et år med uke 53 gir to oddetallsuker på rad",
    "ISO week numbers; a year with a week 53 gives two odd weeks in a row",
)


def policy_text(policy: str | None, w: Words) -> str:
    """What happens on a public holiday or closed day, as a clause ("" for "run")."""
    nb_en = _POLICIES.get(policy or "run")
    return w.say(*nb_en) if nb_en else ""


#: The same policies said as what becomes of such a run ("Helligdager: hoppes over"), for
#: places that name the policy itself rather than describe a schedule with it.
_POLICY_OUTCOMES = {
    "run": ("kjøres som vanlig", "run as usual"),
    "skip": ("hoppes over", "skipped"),
    "next_business_day": ("flyttes til neste virkedag", "moved to the next business day"),
    "previous_business_day": ("flyttes til virkedagen før", "moved to the business day before"),
}


def policy_outcome(policy: str | None, w: Words) -> str:
    """What becomes of a run on a public holiday or closed day ("hoppes over")."""
    nb_en = _POLICY_OUTCOMES.get(policy or "run")
    return w.say(*nb_en) if nb_en else str(policy)


def schedule_text(schedule: Mapping[str, Any], w: Words) -> str:
    kind = schedule.get("schedule_type")
    config = schedule.get("schedule_config") or {}
    time = config.get("time", "")
    tz = schedule.get("timezone") or ""
    at = w.say(f"kl. {time}", f"at {time}")
    if kind == "daily":
        if config.get("business_days_only"):
            text = w.say(f"Hver virkedag {at}", f"Every business day {at}")
        elif config.get("weekdays_only"):
            text = w.say(f"Hver hverdag {at}", f"Every weekday {at}")
        else:
            text = w.say(f"Hver dag {at}", f"Every day {at}")
    elif kind == "weekly":
        days = w.days_list(config.get("days") or [config.get("day")])
        often, weeks = _weeks_text(config, w)
        if often:
            text = w.say(f"{capitalise(often)} {days} {at}", f"{capitalise(often)} {days} {at}")
        elif weeks:
            note = w.say(*WEEK_PARITY_NOTE)
            text = w.say(
                f"Hver {days} {weeks} {at} ({note})", f"Every {days} {weeks} {at} ({note})"
            )
        else:
            text = w.say(f"Hver {days} {at}", f"Every {days} {at}")
        if often and weeks:
            text += f" ({weeks})"
    elif kind == "monthly":
        dom = config.get("day_of_month")
        if config.get("business_day") is not None:
            nth = ordinal(int(config["business_day"]), w)
            text = w.say(
                f"{capitalise(nth)} virkedag i måneden {at}",
                f"On the {nth} business day of every month {at}",
            )
        elif config.get("weekday") is not None:
            nth, day = ordinal(int(config.get("nth") or 1), w), w.day(config["weekday"])
            text = w.say(
                f"{capitalise(nth)} {day} i måneden {at}", f"On the {nth} {day} of every month {at}"
            )
        elif dom == "last":
            text = w.say(f"Siste dag i hver måned {at}", f"On the last day of every month {at}")
        else:
            text = w.say(f"Den {dom}. hver måned {at}", f"On day {dom} of every month {at}")
    elif kind == "cron":
        text = _cron_words(str(config.get("expression") or ""), w) or w.say(
            f"Etter cron-uttrykket «{config.get('expression')}»",
            f"On the cron schedule “{config.get('expression')}”",
        )
    else:
        text = str(kind)
    policy = policy_text(schedule.get("holiday_policy"), w)
    if policy:
        text += f"; {policy}"
    return f"{text} ({tz})" if tz else text


def schedule_when(schedule: Mapping[str, Any] | None, w: Words) -> str:
    """When the first step runs, in the short form of a step line ("Mandag 09:00")."""
    if not schedule:
        return ""
    config = schedule.get("schedule_config") or {}
    kind = schedule.get("schedule_type")
    time = config.get("time", "")
    if kind == "weekly":
        days = w.days_list(config.get("days") or [config.get("day")])
        often, _weeks = _weeks_text(config, w)
        return f"{capitalise(f'{often} {days}'.strip())} {time}"
    if kind == "daily":
        if config.get("business_days_only"):
            return w.say(f"Virkedager {time}", f"Business days {time}")
        return (
            w.say(f"Hverdager {time}", f"Weekdays {time}")
            if config.get("weekdays_only")
            else w.say(f"Hver dag {time}", f"Daily {time}")
        )
    if kind == "monthly":
        if config.get("business_day") is not None:
            nth = ordinal(int(config["business_day"]), w)
            return w.say(
                f"{capitalise(nth)} virkedag {time}", f"{capitalise(nth)} business day {time}"
            )
        if config.get("weekday") is not None:
            nth, day = ordinal(int(config.get("nth") or 1), w), w.day(config["weekday"])
            return f"{capitalise(nth)} {day} {time}"
        dom = config.get("day_of_month")
        if dom == "last":
            return w.say(f"Siste dag i måneden {time}", f"Last day of the month {time}")
        return w.say(f"Den {dom}. {time}", f"Day {dom} {time}")
    return w.say("Ved hver kjøring", "At each run")
