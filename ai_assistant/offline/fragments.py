"""A request's parts: what each says, and which of them ask for something to happen.

A part is read for when (``timing``), for whom and on which condition (``audience``), which
addresses and which template it names, and which step type it asks for: the registered step
type whose ``phrases`` match, the most specific first (``StepType.phrases.priority``). Parts
without an action (a time, an audience on its own) belong to a neighbour (``attach``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ai_assistant.context import ParseContext, TemplateInfo
from ai_assistant.offline import audience, calendar, timing
from ai_assistant.offline import kinds as customer_kinds
from ai_assistant.offline.templates import TOPIC_FILLER, concepts_in
from ai_assistant.offline.text import ADDRESS_TOKEN, blank, fold, stems
from automation.registry import StepType, step_types


@dataclass
class Fragment:
    text: str
    #: What the readers of when and for whom left of the text (the action's own words).
    rest: str = ""
    #: The step type it asks for (a registry key), or None.
    step_type: str | None = None
    days: list[str] = field(default_factory=list)
    time: str | None = None
    time_explicit: bool = False  # said am/pm, noon or midnight
    daily: bool = False
    weekdays_only: bool = False
    weekly_without_day: bool = False
    monthly: bool = False
    day_of_month: int | str | None = None
    cron: str | None = None
    #: Once a year: (day, month) ("hvert år 1. juni", "every year on 15 March"), a cron schedule.
    yearly: tuple[int, int] | None = None
    #: Calendar schedules (``calendar``): every Nth week from ``anchor``, even/odd weeks, the
    #: nth weekday or business day of the month, business days only.
    every_weeks: int | None = None
    anchor: dt.date | None = None
    #: A first time said by a week or an event, not a day ("fra neste uke", "etter at klokka er
    #: stilt tilbake"): the anchor is the schedule's first day on or after it.
    starts_from: dt.date | None = None
    iso_weeks: str | None = None
    nth_weekday: tuple[str, int] | None = None
    business_day: int | None = None
    business_days_only: bool = False
    #: The words that said every Nth week / the nth weekday (for a question about them).
    every_weeks_text: str | None = None
    nth_text: str | None = None
    delay: int | None = None
    check: str | None = None  # "orders_missing" / "has_ordered"
    window: dict[str, Any] | None = None
    no_condition: bool = False
    groups: list[str] = field(default_factory=list)
    everyone: bool = False
    unknown_groups: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    template: TemplateInfo | None = None
    #: A group of users (staff) it names.
    staff_group: str | None = None
    #: Only a later time for those who have not ordered, after the step before.
    follows_up: bool = False
    #: Words about what is to be sent that name no group, time or condition
    #: ("feedback-undersøkelse"): a part with its own time and a topic is a step of its own.
    topic: list[str] = field(default_factory=list)

    @property
    def timed(self) -> bool:
        return bool(
            self.days
            or self.time
            or self.daily
            or self.weekdays_only
            or self.monthly
            or self.day_of_month is not None
            or self.cron
            or self.yearly
            or self.delay
            or self.nth_weekday
            or self.business_day is not None
            or self.business_days_only
        )

    def absorb(self, other: Fragment) -> None:
        """Take over what ``other`` (a part without an action) says."""
        for name in ("days", "groups", "unknown_groups", "emails"):
            for item in getattr(other, name):
                if item not in getattr(self, name):
                    getattr(self, name).append(item)
        for name in (
            "time",
            "day_of_month",
            "cron",
            "yearly",
            "delay",
            "check",
            "window",
            "template",
            "staff_group",
            "every_weeks",
            "anchor",
            "starts_from",
            "iso_weeks",
            "nth_weekday",
            "business_day",
        ):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        for name in (
            "daily",
            "weekdays_only",
            "weekly_without_day",
            "monthly",
            "business_days_only",
            "no_condition",
            "everyone",
        ):
            setattr(self, name, getattr(self, name) or getattr(other, name))
        self.text = f"{self.text} {other.text}"
        self.rest = f"{self.rest} {other.rest}"


#: Words for the usual groups of staff in the other language ("sales" names the group "salg").
_STAFF_SYNONYMS: list[frozenset[str]] = [
    frozenset({"salg", "sales", "selger", "seller", "salesteam", "salgsavdeling", "salsavdeling"}),
    frozenset({"tekniker", "teknikar", "technician", "montør", "montor", "servicetekniker"}),
    frozenset({"lager", "warehouse", "lageret"}),
    frozenset({"innkjøp", "purchasing", "innkjøper", "buyer"}),
    frozenset({"kontor", "office", "kontoret"}),
    frozenset({"ledelse", "leder", "management", "manager", "ledere"}),
    frozenset({"kundeservice", "support", "customer service", "kundesenter", "customer care"}),
    frozenset({"sjåfør", "sjåfører", "driver", "drivers", "bud", "transport"}),
    frozenset({"økonomi", "finance", "accounting", "regnskap", "økonomiavdelingen"}),
    frozenset({"marked", "marketing", "markedsføring"}),
]


def _staff_words(name: str) -> set[str]:
    """The words that name a group of users: its own stems and, for the usual groups, the
    same in the other language."""
    # Four letters at least: "lager" must not take the "lag" of "lag ordre".
    words = {stem for stem in stems(name) if len(stem) >= 4} or {fold(name)}
    for cluster in _STAFF_SYNONYMS:
        if words & {fold(w) for w in cluster}:
            words |= {fold(w) for w in cluster}
    return words


def _phrased() -> list[type[StepType]]:
    """Step types the assistant can draft, the most specific phrases first."""
    found = [cls for cls in step_types().values() if cls.phrases is not None]
    return sorted(found, key=lambda cls: -cls.phrases.priority)  # type: ignore[union-attr]


def _sends_templates(cls: type[StepType]) -> bool:
    return any(r.kind in ("template", "template_name") for r in cls.references)


def customer_email_type() -> str | None:
    """The step type that emails customers a template (the registry says which)."""
    return next(
        (k for k, cls in step_types().items() if cls.emails_customers and _sends_templates(cls)),
        None,
    )


def staff_notice_type() -> str | None:
    """The step type that sends staff a notice about customers: it emails, but not them."""
    return next(
        (
            k
            for k, cls in step_types().items()
            if cls.sends_email and not cls.emails_customers and cls.acts_on_customers
        ),
        None,
    )


class Reader:
    """Reads the parts of one request against this business's groups and templates."""

    @staticmethod
    def _emails_customers_or_none(frag: Fragment) -> bool:
        cls = step_types().get(frag.step_type or "")
        return frag.step_type is None or (cls is not None and cls.emails_customers)

    def __init__(self, context: ParseContext) -> None:
        self.context = context
        self.groups = audience.GroupMatcher(context.groups)
        self.phrased = _phrased()
        self.action_words = re.compile(
            "|".join(f"(?:{cls.phrases.action.pattern})" for cls in self.phrased)  # type: ignore[union-attr]
            or r"(?!)"
        )

    def read(self, text: str, emails: list[str]) -> Fragment:
        frag = Fragment(text=text)
        s = text
        for m in list(ADDRESS_TOKEN.finditer(s)):
            frag.emails.append(emails[int(m.group(1))])
            s = blank(s, m)
        s = calendar.read_first_in_weeks(frag, s, self.context.today)
        # Audience windows first, so that their day names are not schedule days.
        s = audience.read_window(frag, s)
        s = audience.read_check(frag, s)
        s = calendar.read_first_day_off(frag, s, self.context.today)
        s = timing.read_delay(frag, s)
        s = calendar.read_calendar(frag, s, self.context.today)
        s = timing.read_yearly(frag, s)
        s = timing.read_monthly(frag, s)
        s = timing.read_frequency(frag, s)
        s = timing.read_days(frag, s)
        s = timing.read_time(frag, s, pm_hint=timing.has_pm_hint(text))
        frag.rest = " ".join(s.split())
        frag.staff_group, s = self._staff_group_in(s)
        frag.step_type = self._action(s)
        frag.template = self._template_named_in(text)
        if frag.step_type is None and (
            frag.template is not None
            # Not words a reader took for when ("fyrste gong 1. juledag" is no Christmas card).
            or any(concept.key != "bestilling" for concept, _m in concepts_in(frag.rest))
        ):
            # "Nye priser til butikkene", "Månedsbrevet skal ut": what is sent names the
            # action (a template by its name, or a kind of email the product knows).
            frag.step_type = next((cls.key for cls in self.phrased if _sends_templates(cls)), None)
        if frag.staff_group and _NOTIFY.search(s) and self._emails_customers_or_none(frag):
            # "varsle kundeservice", "let the warehouse team know": a notice to that group.
            frag.step_type = staff_notice_type() or frag.step_type
        audience.read_audience(frag, s, self.groups, action_words=self.action_words)
        frag.topic = [
            w
            for w in re.findall(r"[\wæøå][\wæøå-]{3,}", frag.rest)
            if w not in TOPIC_FILLER and w not in _TOPIC_NOISE and self.groups.match(w) is None
        ]
        return frag

    def _staff_group_in(self, s: str) -> tuple[str | None, str]:
        """A group of users named in the part ("salg"), blanked so that it is not read as a
        customer group."""
        for name in sorted(self.context.staff_groups, key=len, reverse=True):
            words = sorted(_staff_words(name), key=len, reverse=True)
            pattern = re.compile(
                r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE
            )
            for m in pattern.finditer(s):
                if self._names_customers(m.group(0), name):
                    continue
                return name, blank(s, m)
        return None, s

    def _names_customers(self, word: str, staff: str) -> bool:
        """A word a staff group is called by in the other language that names a customer
        group here ("transportfirmaene" where the drivers are also "transport"): the customers."""
        if fold(word).startswith(fold(staff)):
            return False
        if self.groups.match(word) is not None:
            return True
        return any(
            found.group is not None
            for found in customer_kinds.kind_phrases(fold(word), self.groups.kinds)
        )

    def _action(self, s: str) -> str | None:
        for cls in self.phrased:
            if cls.phrases.action.search(s):  # type: ignore[union-attr]
                return cls.key
        return None

    def _template_named_in(self, text: str) -> TemplateInfo | None:
        folded = fold(text)
        best: TemplateInfo | None = None
        for template in self.context.templates:
            name = fold(template["name"])
            if (
                len(name) >= 4
                and re.search(r"\b" + re.escape(name) + r"\b", folded)
                and (best is None or len(name) > len(best["name"]))
            ):
                best = template
        if best is None:
            # "Ukeslista" for "Ukesliste verksted": the first word of a template's own name,
            # inflected (not a word every request has: "ordren", "månedens").
            words = {t for w in re.findall(r"[\wæøå]{6,}", folded) for t in stems(w) if len(t) >= 5}
            for template in self.context.templates:
                first = fold(template["name"]).split()[0] if template["name"].strip() else ""
                if (
                    len(first) >= 6
                    and first not in _NOT_OWN_NAMES
                    and not timing.is_day_word(first)
                    and words & {t for t in stems(first) if len(t) >= 5}
                ):
                    return template
        return best


# First words of a template's name that any request says ("Ordren er plukket").
_NOT_OWN_NAMES = frozenset(
    """ordren ordre order orders bestilling bestillingen månedens ukens ukas dagens årets
    velkommen welcome takk thanks kunde kunder kunden customer customers første siste neste
    andre tredje fjerde hver every denne dette first second last next""".split()
)
_NOTIFY = re.compile(
    r"\b(?:varsl\w*|gi\s+(?:også\s+)?beskjed|si\s+(?:i?fra|beskjed)|beskjed|notify|tell|alert"
    r"|inform|let|ping|pinge|pinger|buzz|message|msg|heads[-\s]?up|melding)\b"
    # "salgsavdelingen skal få vite det", "kundeservice må vite det", "sales should know".
    r"|\b(?:få|må|skal|bør)\s+(?:få\s+)?vite\s+(?:det|om\s+det|om\s+den|om\s+dette|om\s+kunden)\b"
    r"|\b(?:needs?\s+to|should|must)\s+know(?:\s+about\s+it)?\b"
)
# Words in a part that are no topic of their own.
_TOPIC_NOISE = frozenset(
    """dager dagen dagene timer timen minutter uker uken days hours minutes weeks later senere
    etter after etterpå deretter then også also gang time igjen again morgen morning kveld
    evening kort short liten little bare just begge both they de dem hver each morgenen morgnen
    morran kvelden ettermiddagen formiddagen afternoon formiddag ettermiddag""".split()
)

_REMINDER = re.compile(r"påminn\w*|\bpurr\w*|\bremind\w*|\bnudge\w*|\bminn\w*")  # påminning too


def _only_when(frag: Fragment) -> bool:
    """A part that says only a day and its time ("thu 3pm", "lørdag kl 11")."""
    return bool(
        frag.days
        and frag.time
        and not (frag.groups or frag.everyone or frag.unknown_groups or frag.emails)
        and not (frag.check or frag.window or frag.topic or frag.delay or frag.staff_group)
    )


_AGAIN = re.compile(r"\b(?:again|igjen|også|also|too|og\s+så)\b")


def _more_of(frag: Fragment, previous: Fragment | None) -> bool:
    """Whether a day and its time ("onsdag kl 15", "again Thursday 12") are more days of the
    action before: it has days but no time yet, or it is a reminder at the same time, or the
    part says "again"."""
    if previous is None or not previous.days:
        return False
    if previous.time is None or _AGAIN.search(frag.text):
        return True
    reminds = previous.check is not None or _REMINDER.search(previous.text) is not None
    return previous.time == frag.time and reminds


def _same_action(frag: Fragment, action: Fragment) -> None:
    """``frag`` (a day and a time) becomes ``action`` on that day at that time."""
    frag.step_type = action.step_type
    frag.rest = f"{frag.rest} {action.rest}".strip()
    frag.text = f"{frag.text} {action.rest}"
    for name in ("check", "window", "template", "staff_group"):
        setattr(frag, name, getattr(action, name))
    frag.groups = list(action.groups)
    frag.everyone = action.everyone
    frag.no_condition = action.no_condition
    frag.follows_up = action.follows_up


def attach(fragments: list[Fragment]) -> list[Fragment]:
    """Fold parts without an action into a neighbour; return the parts with an action."""
    actions: list[Fragment] = []
    pending: list[Fragment] = []
    for index, frag in enumerate(fragments):
        if frag.step_type is not None:
            for earlier in pending:
                frag.absorb(earlier)
            pending = []
            actions.append(frag)
            continue
        following = fragments[index + 1] if index + 1 < len(fragments) else None
        previous = actions[-1] if actions else None
        if following is not None and _day_of_next(frag, following, previous, pending):
            _same_action(frag, following)
            actions.append(frag)
        elif previous is None or _leads(frag, _next_action(fragments, index)) or pending:
            pending.append(frag)
        elif _own_step_after(frag, previous):
            actions.append(frag)
    for late in pending if actions else []:
        actions[-1].absorb(late)
    return actions


def _day_of_next(
    frag: Fragment, following: Fragment, previous: Fragment | None, pending: list[Fragment]
) -> bool:
    """A day with its own time, before an action on another day, is that action on its own
    day too ("wed 3pm + thu 3pm reminders", "fredag 9 og lørdag 9 purring")."""
    return (
        _only_when(frag)
        and following.step_type is not None
        and bool(following.days)
        and bool(following.time)
        and not set(frag.days) & set(following.days)
        and not pending
        # "påminnelse tirsdag og onsdag kl 15", "Wednesday 12 and again Thursday 12": more
        # days of the action before (none or the same time), not of the next.
        and not _more_of(frag, previous)
    )


def _next_action(fragments: list[Fragment], index: int) -> Fragment | None:
    """The part after ``index``, or, past parts that say only when ("etter to dager, klokken
    10, en påminnelse ..."), the action they introduce."""
    for frag in fragments[index + 1 :]:
        if frag.step_type is not None or not _only_timing(frag):
            return frag
    return None


def _only_timing(frag: Fragment) -> bool:
    """A part that says only a time, a delay or days, and nothing of whom or what."""
    return bool(
        (frag.time or frag.delay)
        and not (frag.groups or frag.everyone or frag.unknown_groups or frag.emails)
        and not (frag.check or frag.window or frag.topic or frag.staff_group or frag.template)
    )


def _leads(frag: Fragment, following: Fragment | None) -> bool:
    """A time that introduces the next action ("Thursdays 3pm: reminder ...")."""
    return (
        frag.timed
        and following is not None
        and following.step_type is not None
        and not following.timed
    )


def _own_step_after(frag: Fragment, previous: Fragment) -> bool:
    """Whether ``frag`` (no action of its own, after the action ``previous``) becomes a step
    of its own (given its step type); if not, ``previous`` takes it over."""
    if _again_on_own_day(frag, previous):
        _same_action(frag, previous)
        return True
    if _own_step_of_kind(frag, previous):
        frag.step_type = previous.step_type
        return True
    if _more_days_of_reminder(frag, previous):
        previous.absorb(frag)
        return False
    if _follow_up_at_new_time(frag, previous):
        frag.step_type = previous.step_type
        frag.follows_up = True
        return True
    previous.absorb(frag)
    return False


def _again_on_own_day(frag: Fragment, previous: Fragment) -> bool:
    """A day with a time of its own after an action on a day is that action again, on its own
    day at its own time ("purring fredag 12 og lørdag 11")."""
    return (
        _only_when(frag)
        and bool(previous.days)
        and bool(previous.time)
        and frag.time != previous.time
        and not set(frag.days) & set(previous.days)
    )


def _own_step_of_kind(frag: Fragment, previous: Fragment) -> bool:
    """Its own time and its own topic, so a step of its own, of the kind before it ("og 2
    dager etter en kort feedback-undersøkelse")."""
    return (
        bool(frag.delay or frag.days or frag.time)
        and bool(frag.topic)
        and previous.step_type is not None
        and not frag.check
    )


def _more_days_of_reminder(frag: Fragment, previous: Fragment) -> bool:
    """More days (and the time) of a reminder that has none of its own yet ("purring tirsdag,
    onsdag og torsdag kl 12 hvis de ikke har bestilt")."""
    return (
        previous.time is None
        and bool(previous.days)
        and bool(frag.days)
        and _REMINDER.search(previous.text) is not None
        and not frag.step_type
    )


def _follow_up_at_new_time(frag: Fragment, previous: Fragment) -> bool:
    """A new time with an audience check is a step of its own, of the same kind ("Send skjema
    mandag kl 9, og torsdag kl 15 til de som ikke har bestilt")."""
    return (
        frag.check == "orders_missing"
        and bool(frag.days or frag.time)
        and previous.timed
        and (frag.days != previous.days or frag.time != previous.time)
    )
