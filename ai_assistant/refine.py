"""Small, deterministic edits of a draft for the offline provider.

Language models get the draft in the prompt and rewrite it; without one, follow-ups such as
"flytt påminnelsen til onsdag kl 12", "change the time to 10am" or "send det bare til
kafeene" are handled by this grammar:

    edit    := move | group | move + group
    move    := VERB [target] [DAY] [TIME]        (at least one of DAY, TIME)
    group   := ("send ... til" | "bare/kun/only til" | "endre gruppen til" | ...) GROUP
    target  := "påminnelsen" | "skjemaet" | "rapporten" | "ordren" | "bekreftelsen"
             | "steg 2" | "andre steg" | "siste steg" | (English equivalents)

Anything it does not recognise returns None, and the caller treats the text as a new
description instead. It never guesses: an ambiguous target or an unknown group comes back as
a question.

``more_edits`` reads two more kinds: another group as well ("legg til hotellene", "og
hotellene", "also the gyms": a step sends to one group, so the group gets its own steps, and
the reply says so) and the same emails in another language ("send den på engelsk": the
template of the same category in that language, else a proposed draft, always said).
``describe``, ``name_what`` and ``follow_step_names`` keep the description, the assistant's
own name and the steps' names true to the draft after every edit.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from automation.registry import step_types
from automation.wording import Words

__all__ = [
    "RefineOutcome",
    "describe",
    "detect_language",
    "follow_step_names",
    "more_edits",
    "name_what",
    "refine_draft",
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NB_DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
DAY_WORDS: dict[str, str] = {
    **dict(zip(NB_DAYS, WEEKDAYS, strict=True)),
    "lordag": "saturday",
    "sondag": "sunday",
    **{day: day for day in WEEKDAYS},
    "mon": "monday",
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "sat": "saturday",
}
# "onsdagen", "wednesdays": definite / plural forms name the same day.
DAY_RE = re.compile(
    r"\b(?P<prep>fra|from|til|to|på|on)?\s*\b(?P<day>"
    + "|".join(sorted(DAY_WORDS, key=len, reverse=True))
    + r")(?:en|er|s)?\b"
)
TIME_RE = re.compile(
    r"\b(?:kl\.?|klokka|klokken|at|@)\s*(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?\s*(?P<ap1>am|pm)?\b"
    r"|\b(?P<h2>\d{1,2})[:.](?P<m2>\d{2})\s*(?P<ap2>am|pm)?\b"
    r"|\b(?P<h3>\d{1,2})\s*(?P<ap3>am|pm)\b"
)
# "endre tiden til 10": a bare hour, but only when the text talks about the time.
BARE_HOUR_RE = re.compile(
    r"\b(?:tid\w*|time|klokkeslett\w*)\b.*?\b(?:til|to)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\b"
)
NOON_RE = re.compile(r"\b(middag|midt på dagen|lunsj|lunch|noon|midday)\b")
MIDNIGHT_RE = re.compile(r"\b(midnatt|midnight)\b")

MOVE_VERB_RE = re.compile(
    r"\b(flytt\w*|endr\w*|sett|bytt\w*|utsett\w*|move|change|set|reschedule|shift|make|put)\b"
    r"|\b(i stedet|istedenfor|instead)\b"
)


def _target_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """What a user may call a step, most specific first: the step types' kinds ("the
    reminder", "the form"), then their nouns ("the report", "the order")."""
    registry = step_types().values()
    kinds = [(kind, pattern) for cls in registry for kind, pattern in cls.kind_words.items()]
    nouns = [(cls.key, cls.nouns) for cls in registry if cls.nouns is not None]
    return kinds + nouns


ORDINALS = {
    "første": 1,
    "andre": 2,
    "tredje": 3,
    "fjerde": 4,
    "femte": 5,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
}
STEP_NUMBER_RE = re.compile(r"\b(?:steg|step|trinn)(?:et)?\s*(?:nr\.?\s*)?(?P<n>\d{1,2})\b")
STEP_ORDINAL_RE = re.compile(
    r"\b(?P<o>" + "|".join(ORDINALS) + r"|siste|last)\s+(?:steg\w*|step|trinn\w*)\b"
)

# "alle kafeene", "all the cafés", "that roofer": the group or kind said after a word that is
# not its name ("alle" alone, "alle kunder" and "all customers" are everyone).
_BEFORE_GROUP = (
    r"(?:(?:alle|all)\s+(?:the\s+)?(?=[\wæøåé-]{4,})(?!kund|customer|instead)"
    r"|(?:that|this|those|these|denne|disse)\s+)?"
)
GROUP_PHRASE = (
    _BEFORE_GROUP + r"(?P<g>[\wæøåé-]+(?:\s+(?:kunder|kundene|customers|group|gruppe|gruppen))?)"
)
GROUP_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:endr\w*|bytt\w*|sett|change|set|switch)\s+(?:the\s+)?"
        r"(?:gruppen|gruppe|mottaker\w*|group|recipients|audience)\s+(?:til|to)\s+"
        r"(?:gruppen\s+|the\s+)?" + GROUP_PHRASE
    ),
    re.compile(r"\b(?:bare|kun|only)\s+(?:til\s+|to\s+)?(?:gruppen\s+|the\s+)?" + GROUP_PHRASE),
    re.compile(r"\bsend\w*\s+(?:\w+\s+){0,2}?(?:til|to)\s+(?:gruppen\s+|the\s+)?" + GROUP_PHRASE),
    re.compile(
        r"\b(?:til|to)\s+(?:gruppen\s+|the\s+)?" + GROUP_PHRASE + r"\s+(?:i stedet|instead)"
    ),
    # "bytt til hotellene", "switch to the cafes": only when it names a group (else a
    # template or a day: "bytt til prislista", "bytt til onsdag").
    re.compile(
        r"^\s*(?:nei,?\s+|no,?\s+)?(?:bytt\w*|skift\w*|endr\w*|switch|change)\s+(?:til|to)\s+"
        r"(?:gruppen\s+|the\s+)?" + GROUP_PHRASE + r"\s*[.!]*$"
    ),
)
#: The patterns above that are group changes only when the phrase names a known group.
ONLY_KNOWN = {4}
# "send X til Y" is an edit only when it points back at the draft ("send det/den/påminnelsen
# til kafeene"); otherwise it is the start of a new description.
BACK_REFERENCE_RE = re.compile(r"\b(det|den|dem|alt|it|them|everything|i stedet|instead)\b")
# Words that describe a whole schedule or trigger: the text is a new description, not an edit.
NEW_DESCRIPTION_RE = re.compile(
    r"\b(hver|hvert|every|each|daglig|daily|ukentlig|weekly|månedlig|monthly|hverdag\w*|"
    r"weekdays?|når en|when an?|den \d+\.)"
)
ALL_WORDS = {"alle", "alle kunder", "alle kundene", "everyone", "everybody", "all", "all customers"}
# English (and common) words for the groups a wholesaler typically has, to their Norwegian stem.
GROUP_TRANSLATIONS = {
    "shop": "butikk",
    "store": "butikk",
    "cafe": "kafe",
    "restaurant": "restaurant",
    "hotel": "hotell",
    "kiosk": "kiosk",
    "canteen": "kantine",
    "bakery": "bakeri",
    "bakeries": "bakeri",
}
NOT_GROUPS = set(DAY_WORDS) | set(NB_DAYS) | {"kl", "klokka", "at", "samme", "same", "neste"}

DEFAULT_TIMES = {"reminder": "15:00"}
DEFAULT_TIME = "09:00"

NB_MARKERS = re.compile(
    r"\b(og|til|kl|klokka|hver|som|ikke|har|på|den|det|flytt\w*|endr\w*|send|påminnelse\w*|"
    r"skjema\w*|kunde\w*|bestill\w*|uke|dag|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|"
    r"søndag|bare|kun|gruppen|alle|i stedet)\b|[æøå]"
)
EN_MARKERS = re.compile(
    r"\b(the|and|to|at|every|who|not|have|has|move|change|reminder|form|customers?|order|"
    r"week|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|only|group|all|"
    r"instead|please|send|am|pm)\b"
)


def detect_language(text: str, default: str = "nb") -> str:
    """ "nb" or "en" by counting marker words; ties keep ``default``."""
    lowered = text.lower()
    nb = len(NB_MARKERS.findall(lowered))
    en = len(EN_MARKERS.findall(lowered))
    # "send" counts for both; Norwegian letters tip a mixed text to Norwegian.
    if nb > en:
        return "nb"
    if en > nb:
        return "en"
    return default


@dataclass
class RefineOutcome:
    workflow: dict[str, Any] | None = None
    question: str | None = None
    changes: list[str] = field(default_factory=list)
    language: str = "nb"
    #: Templates proposed as drafts for the changed workflow (``{name, category, ...}``).
    new_templates: list[dict[str, Any]] = field(default_factory=list)


def _day_label(day: str | None, language: str) -> str:
    if not day:
        return ""
    return day.capitalize() if language == "en" else NB_DAYS[WEEKDAYS.index(day)]


# --- Parsing the edit -------------------------------------------------------------------------


def _hhmm(hour: str, minute: str | None, ampm: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


def _parse_time(text: str) -> str | None:
    match = TIME_RE.search(text)
    if match:
        for n in ("1", "2", "3"):
            if match.group(f"h{n}") is not None:
                minute = match.groupdict().get(f"m{n}")
                return _hhmm(match.group(f"h{n}"), minute, match.group(f"ap{n}"))
    if NOON_RE.search(text):
        return "12:00"
    if MIDNIGHT_RE.search(text):
        return "00:00"
    bare = BARE_HOUR_RE.search(text)
    if bare:
        return _hhmm(bare.group("h"), bare.group("m"), None)
    return None


def _parse_day(text: str) -> str | None:
    # "fra torsdag til onsdag": the day after "fra"/"from" is the old one.
    days = [m for m in DAY_RE.finditer(text) if m.group("prep") not in ("fra", "from")]
    return DAY_WORDS[days[-1].group("day")] if days else None


def _template_categories(templates: Sequence[Mapping[str, Any]]) -> dict[int, str]:
    return {int(t["id"]): str(t.get("category") or "") for t in templates if "id" in t}


def step_kinds(step: Mapping[str, Any], categories: Mapping[int, str]) -> set[str]:
    """What a step is, in the words a user would use to point at it: its step type's key and
    the kinds its step type says it is."""
    cls = step_types().get(step.get("step_type"))  # type: ignore[arg-type]
    if cls is None:
        return set()
    return {cls.key, *cls().kinds(step, categories)}


@dataclass
class _Target:
    index: int | None = None  # None: no target named
    question: str | None = None
    span: tuple[int, int] | None = None  # where in the text the target was named


_AMONG_ORDINALS = {
    "første": 1, "fyrste": 1, "first": 1, "1.": 1, "andre": 2, "second": 2, "2.": 2,
    "tredje": 3, "third": 3, "3.": 3,
}  # fmt: skip
_LAST_WORDS = frozenset({"siste", "last", "sista"})
_AMONG = re.compile(
    r"\b(?P<o>første|fyrste|first|andre|second|tredje|third|siste|last|sista)\s+"
    r"(?:(?:ny|nye|new|extra|ekstra)\s+)?$",
    re.IGNORECASE,
)


def find_target(
    text: str, steps: list[dict[str, Any]], categories: Mapping[int, str], language: str
) -> _Target:
    number = STEP_NUMBER_RE.search(text)
    ordinal = STEP_ORDINAL_RE.search(text)
    if number or ordinal:
        match = number or ordinal
        assert match is not None
        if number:
            n = int(number.group("n"))
        else:
            word = ordinal.group("o")  # type: ignore[union-attr]
            n = len(steps) if word in ("siste", "last") else ORDINALS[word]
        if not 1 <= n <= len(steps):
            return _Target(
                question=Words(language).say(
                    f"Arbeidsflyten har bare {len(steps)} steg. Hvilket steg mener du?",
                    f"The workflow has only {len(steps)} steps. Which step do you mean?",
                )
            )
        return _Target(index=n - 1, span=match.span())
    for kind, pattern in _target_patterns():
        match = pattern.search(text)
        if not match:
            continue
        matching = [i for i, step in enumerate(steps) if kind in step_kinds(step, categories)]
        if len(matching) == 1:
            return _Target(index=matching[0], span=match.span())
        # "dropp den første purringa", "the last reminder", "den andre påminnelsen": which of
        # the matching steps, counted among them.
        among = _AMONG.search(text[: match.start()])
        if matching and among is not None:
            word = among.group("o").lower()
            n = len(matching) if word in _LAST_WORDS else _AMONG_ORDINALS.get(word, 0)
            if 1 <= n <= len(matching):
                return _Target(index=matching[n - 1], span=(among.start(), match.end()))
        if not matching:
            return _Target(
                question=Words(language).say(
                    f"Jeg finner ikke «{match.group(0)}» i utkastet. Hvilket steg vil du endre?",
                    f"I cannot find “{match.group(0)}” in the draft. Which step should change?",
                )
            )
        return _Target(
            question=Words(language).say(
                f"Utkastet har flere steg som passer «{match.group(0)}» (steg "
                + ", ".join(str(i + 1) for i in matching)
                + "). Hvilket mener du?",
                f"Several steps match “{match.group(0)}” (steps "
                + ", ".join(str(i + 1) for i in matching)
                + "). Which one do you mean?",
            )
        )
    return _Target()


GROUP_SUFFIXES = ("ene", "ane", "ne", "er", "r", "en", "et", "es", "a", "e", "s")


def _stems(word: str) -> set[str]:
    """The forms a group word may share with a group's name: itself, itself without one
    inflection ending ("kafeene"/"kafeer" share "kafee", "butikkene"/"butikker" share
    "butikk"), and their Norwegian stems when the word is English ("shops" -> "butikk")."""
    word = word.lower().replace("é", "e").strip()
    forms = {word} | {
        word[: -len(suffix)]
        for suffix in GROUP_SUFFIXES
        if word.endswith(suffix) and len(word) - len(suffix) >= 3
    }
    return forms | {GROUP_TRANSLATIONS[form] for form in forms if form in GROUP_TRANSLATIONS}


def _match_group(phrase: str, groups: Sequence[Mapping[str, Any]]) -> str | None:
    """The slug of the group ``phrase`` names, "all", or None."""
    phrase = re.sub(
        r"\s+(kunder|kundene|customers|group|gruppe|gruppen)$", "", phrase.lower()
    ).strip()
    if phrase in ALL_WORDS:
        return "all"
    for group in groups:
        if phrase in (str(group["slug"]).lower(), str(group["name"]).lower()):
            return str(group["slug"])
    stems = _stems(phrase)
    matches = [
        str(group["slug"])
        for group in groups
        if stems & (_stems(str(group["slug"])) | _stems(str(group["name"])))
    ]
    # Two groups sharing a stem is ambiguous: better a question than the wrong audience.
    if len(matches) == 1:
        return matches[0]
    if matches:
        return None
    # "sameiene" for "Borettslag og sameier", "the painters" for "Malermestere": the kind of
    # customer a group is.
    from ai_assistant.offline.audience import GroupMatcher
    from ai_assistant.offline.kinds import kind_phrases, replace_phrases

    matcher = GroupMatcher(list(groups))  # type: ignore[arg-type]
    kinds = {k.group for k in kind_phrases(replace_phrases(phrase), matcher.kinds)}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _find_group(
    text: str, *, targeted: bool, groups: Sequence[Mapping[str, Any]] = ()
) -> tuple[str, tuple[int, int]] | None:
    for number, pattern in enumerate(GROUP_PATTERNS):
        if number == 2 and not (targeted or BACK_REFERENCE_RE.search(text)):
            continue  # "send X til Y" without pointing back at the draft
        for match in pattern.finditer(text):
            phrase = match.group("g").strip()
            if number in ONLY_KNOWN and _match_group(phrase, groups) is None:
                continue
            first = phrase.split()[0]
            if first in NOT_GROUPS or first.isdigit() or TIME_RE.fullmatch(phrase):
                continue
            if first in ("den", "det", "it", "them", "dem", "de"):
                continue
            return phrase, match.span("g")
    return None


# --- Applying it --------------------------------------------------------------------------------


def _timed(step: Mapping[str, Any]) -> bool:
    config = step.get("trigger_config") or {}
    return step.get("trigger_type") == "time_based" and bool(
        config.get("time") or config.get("day")
    )


def _move_schedule(
    workflow: dict[str, Any], day: str | None, time: str | None, language: str
) -> str | None:
    """Move the schedule (what the first step follows); a question when it cannot."""
    schedule = workflow.get("schedule")
    if not isinstance(schedule, dict):
        return None
    config = dict(schedule.get("schedule_config") or {})
    kind = schedule.get("schedule_type")
    if kind in ("monthly", "cron") and day:
        return Words(language).say(
            "Arbeidsflyten går ikke ukentlig. Vil du at den skal gå hver "
            f"{_day_label(day, language)} i stedet? Beskriv i så fall planen på nytt.",
            "The workflow does not run weekly. Should it run every "
            f"{_day_label(day, language)} instead? Then please describe the schedule again.",
        )
    if kind == "cron":
        return Words(language).say(
            "Planen er et cron-uttrykk; beskriv den nye planen med dag og klokkeslett.",
            "The schedule is a cron expression; describe the new one with a day and a time.",
        )
    if day:
        config.pop("days", None)
        config.pop("weekdays_only", None)
        config["day"] = day
        schedule["schedule_type"] = "weekly"
    if time:
        config["time"] = time
    schedule["schedule_config"] = config
    return None


def _move_step(
    workflow: dict[str, Any],
    index: int,
    day: str | None,
    time: str | None,
    categories: Mapping[int, str],
    language: str,
) -> str | None:
    steps = workflow["steps"]
    step = steps[index]
    # The first step of a scheduled workflow runs when the schedule fires: moving it moves
    # the schedule (nl-examples: "the first timed step sets the schedule").
    if index == 0 and workflow.get("workflow_type") == "scheduled":
        question = _move_schedule(workflow, day, time, language)
        if question:
            return question
        if step.get("trigger_type") != "time_based":
            return None
    config = {
        key: value
        for key, value in (step.get("trigger_config") or {}).items()
        if key in ("day", "time")
    }
    if day:
        config["day"] = day
    if time:
        config["time"] = time
    if "time" not in config:
        kinds = step_kinds(step, categories)
        config["time"] = next((DEFAULT_TIMES[k] for k in kinds if k in DEFAULT_TIMES), DEFAULT_TIME)
    step["trigger_type"] = "time_based"
    step["trigger_config"] = {key: config[key] for key in ("day", "time") if key in config}
    return None


def description_language(workflow: Mapping[str, Any], default: str) -> str:
    """The language the draft was described in (its description, else its name)."""
    said = str(workflow.get("description") or workflow.get("name") or "").lower()
    if said.startswith(("ved ", "på ")) or re.search(r"\bved ny\b", said):
        return "nb"  # "Ved ny ordre: bekreftelse", "Bekreftelse ved ny ordre"
    if said.startswith("on ") or re.search(r"\b(?:on new|for new)\b", said):
        return "en"
    return detect_language(said, default=default) if said else default


def describe(
    workflow: Mapping[str, Any], groups: Sequence[Mapping[str, Any]], language: str
) -> str:
    """A fresh one-line description of what the workflow does now, in the words the
    assistant describes a new draft with: on which event, each step, to whom and when
    ("Ved ny ordre: bekreftelse til Hoteller 2 timer senere"). The old one would still name
    the old days, times and groups."""
    from ai_assistant.context import ParseContext
    from ai_assistant.offline.builder import Builder

    builder = Builder("", ParseContext(groups=list(groups)), language)  # type: ignore[arg-type]
    doc = dict(workflow)
    parts: list[str] = []
    for index, step in enumerate(workflow.get("steps") or []):
        name = str(step.get("name") or step.get("step_type") or "")
        label = re.sub(r"^(?:send|sende)\s+", "", name, flags=re.IGNORECASE)
        if parts and label == name:
            # "Påminnelse" inside the sentence; what is sent ("Send Prisliste": a
            # template's own name) keeps its capital.
            label = label[:1].lower() + label[1:]
        action = step.get("action_config") or {}
        recipients = action.get("recipients") or {}
        audience = ""
        if recipients.get("group") not in (None, "all"):
            audience = builder.t(" til ", " to ") + builder._group_name(str(recipients["group"]))
        elif action.get("send_to") and not recipients:
            audience = builder.t(" til ", " to ") + ", ".join(map(str, action["send_to"]))
        try:
            when = builder._when(step.get("trigger_config"), doc, index == 0)
        except (KeyError, TypeError, ValueError, IndexError):
            when = ""
        parts.append(" ".join(p for p in (label + audience, when) if p))
    text = ", ".join(parts)
    event = workflow.get("event") or {}
    if workflow.get("workflow_type") == "event_based" and event:
        kind = event.get("type")
        if kind == "webhook":
            hook = event.get("name") or "webhook"
            head = builder.t(f"Ved webhook «{hook}»: ", f"On webhook “{hook}”: ")
        elif kind == "order.created":
            head = builder.t("Ved ny ordre: ", "On a new order: ")
        else:
            head = builder.t("Ved ny kunde: ", "On a new customer: ")
        return head + text
    return text[:1].upper() + text[1:]


def name_what(workflow: Mapping[str, Any], language: str) -> str:
    """What the workflow does, as the assistant names a new draft ("Bestillingsskjema og
    påminnelse", "Prisliste and report"): the start of its name, before to whom and when."""
    labels: list[str] = []
    for step in workflow.get("steps") or []:
        name = str(step.get("name") or "")
        label = re.sub(r"^(?:send|sende)\s+", "", name, flags=re.IGNORECASE)
        if labels and label == name:
            label = label[:1].lower() + label[1:]
        if label and label.lower() not in (known.lower() for known in labels):
            labels.append(label)
    if not labels:
        return ""
    words = Words(language)
    if len(labels) > 3:
        labels = [*labels[:2], words.say("mer", "more")]
    what = (
        labels[0]
        if len(labels) == 1
        else ", ".join(labels[:-1]) + words.say(" og ", " and ") + labels[-1]
    )
    return what[:1].upper() + what[1:]


def follow_step_names(
    old: Mapping[str, Any], new: dict[str, Any], templates: Sequence[Mapping[str, Any]]
) -> None:
    """A step named after the template it sent ("Send Bestillingsskjema") is named after the
    one it sends now ("Send Prisliste"); a name of another shape stays."""
    names = {int(t["id"]): str(t.get("name") or "") for t in templates if "id" in t}

    def sent(step: Mapping[str, Any]) -> str:
        action = step.get("action_config") or {}
        template_id = action.get("template_id")
        if isinstance(template_id, int) and template_id in names:
            return names[template_id]
        return str(action.get("template") or "")

    for step, was in zip(new.get("steps") or [], old.get("steps") or [], strict=False):
        if step.get("name") != was.get("name"):
            continue  # renamed, or another step in its place
        old_sent, new_sent = sent(was), sent(step)
        name = str(step.get("name") or "")
        if not old_sent or not new_sent or old_sent == new_sent:
            continue
        m = re.fullmatch(r"(?P<verb>(?:send|sende)\s+)?(?P<what>.+)", name, re.IGNORECASE)
        if m and m["what"].lower() == old_sent.lower():
            step["name"] = f"{m['verb'] or ''}{new_sent}"[:200]


def _addressed(steps: Sequence[Mapping[str, Any]], key: str) -> list[int]:
    """The steps whose recipients are given by ``key`` ("group", "event_customer")."""
    return [
        i
        for i, step in enumerate(steps)
        if key in ((step.get("action_config") or {}).get("recipients") or {})
    ]


def refine_draft(
    draft: Mapping[str, Any],
    text: str,
    *,
    groups: Sequence[Mapping[str, Any]] = (),
    templates: Sequence[Mapping[str, Any]] = (),
) -> RefineOutcome | None:
    """Apply the edit ``text`` describes to a copy of ``draft``; None if it is not an edit.

    ``groups`` are the existing customer groups ({slug, name}); ``templates`` ({id,
    category}) help recognise which step is "the reminder" when its name does not say.
    """
    lowered = " ".join(text.lower().split())
    language = detect_language(lowered)
    steps = draft.get("steps")
    if not isinstance(steps, list) or not steps or NEW_DESCRIPTION_RE.search(lowered):
        return None
    categories = _template_categories(templates)
    workflow = copy.deepcopy(dict(draft))
    target = find_target(lowered, workflow["steps"], categories, language)

    group_found = _find_group(lowered, targeted=target.index is not None, groups=groups)
    # Day and time are read outside the target and group phrases ("steg 2" is no time).
    rest = lowered
    for span in (target.span, group_found[1] if group_found else None):
        if span:
            rest = rest[: span[0]] + " " * (span[1] - span[0]) + rest[span[1] :]
    day, time = _parse_day(rest), _parse_time(rest)
    wants_move = bool(MOVE_VERB_RE.search(lowered)) and bool(day or time)

    if not wants_move and group_found is None:
        return None
    if target.question:
        return RefineOutcome(question=target.question, language=language)

    edit = _Edit(workflow, target.index, categories, Words(language))
    changes: list[str] = []
    for change in (
        edit.move(day, time) if wants_move else None,
        edit.regroup(group_found[0], groups) if group_found is not None else None,
    ):
        if isinstance(change, _Question):
            return RefineOutcome(question=change.text, language=language)
        if change:
            changes.append(change)
    if workflow.get("description"):
        workflow["description"] = describe(workflow, groups, description_language(draft, language))
    return RefineOutcome(workflow=workflow, changes=changes, language=language)


@dataclass(frozen=True)
class _Question:
    """What the user is asked instead of guessing."""

    text: str


@dataclass
class _Edit:
    """One edit of a copy of the draft: each part changes ``workflow`` and says what it did,
    or asks."""

    workflow: dict[str, Any]
    index: int | None  # the step the text names, if it names one
    categories: dict[int, str]
    words: Words

    def _step_to_move(self) -> int | _Question:
        if self.index is not None:
            return self.index
        timed = [i for i, step in enumerate(self.workflow["steps"]) if _timed(step)]
        if self.workflow.get("workflow_type") == "scheduled" and len(timed) <= 1:
            return timed[0] if timed else 0
        if len(timed) == 1:
            return timed[0]
        numbers = ", ".join(str(i + 1) for i in timed)
        return _Question(
            self.words.say(
                f"Hvilket steg vil du flytte? Utkastet har steg {numbers} med egne tidspunkt.",
                f"Which step should move? Steps {numbers} of the draft have their own times.",
            )
        )

    def move(self, day: str | None, time: str | None) -> str | _Question:
        """Move a step (the named one, or the only timed one) to ``day``/``time``."""
        index = self._step_to_move()
        if isinstance(index, _Question):
            return index
        language = self.words.language
        question = _move_step(self.workflow, index, day, time, self.categories, language)
        if question:
            return _Question(question)
        step = self.workflow["steps"][index]
        config = step.get("trigger_config") or {}
        schedule = (self.workflow.get("schedule") or {}).get("schedule_config") or {}
        shown_day = config.get("day") or (schedule.get("day") if index == 0 else None)
        shown_time = config.get("time") or (schedule.get("time") if index == 0 else None)
        when = " ".join(p for p in (_day_label(shown_day, language), shown_time) if p)
        name = step.get("name") or step.get("step_type")
        return self.words.say(f"Flyttet «{name}» til {when}.", f"Moved “{name}” to {when}.")

    def regroup(self, phrase: str, groups: Sequence[Mapping[str, Any]]) -> str | _Question:
        """Address the named step (or every step sent to a group) to the group ``phrase``."""
        slug = _match_group(phrase, groups)
        if slug is None:
            known = ", ".join(str(g["name"]) for g in groups) or "-"
            return _Question(
                self.words.say(
                    f"Jeg finner ingen kundegruppe som heter «{phrase}». Grupper som finnes: "
                    f"{known} (eller alle kunder).",
                    f"There is no customer group called “{phrase}”. Existing groups: {known} "
                    "(or all customers).",
                )
            )
        steps = self.workflow["steps"]
        indexes = [self.index] if self.index is not None else _addressed(steps, "group")
        if self.index is None and not indexes:
            # An order's or a webhook's email to the customer it is about, sent to a group
            # instead ("send den til alle kafeene i stedet").
            indexes = _addressed(steps, "event_customer")
        changed = 0
        for i in indexes:
            action = steps[i].get("action_config") or {}
            if isinstance(action.get("recipients"), dict):
                action["recipients"] = {"group": slug}
                changed += 1
        if not changed:
            return _Question(
                self.words.say(
                    "Ingen steg i utkastet sender til en kundegruppe. Hvilket steg mener du?",
                    "No step of the draft is addressed to a customer group. Which step?",
                )
            )
        label = (
            self.words.say("alle kunder", "all customers")
            if slug == "all"
            else next((str(g["name"]) for g in groups if g["slug"] == slug), slug)
        )
        return self.words.say(f"Mottakere endret til {label}.", f"Recipients changed to {label}.")


# --- Another group as well, another language ---------------------------------------------------

# "legg til hotellene", "og hotellene", "also the gyms", "ta med skolene også", "send den også
# til bakeriene", "include the hotels too": groups said as more of the draft's audience.
_ADD_LEAD = re.compile(
    r"^(?:(?:nei|no|ok|okei|ja|yes)[,.!]?\s+)?(?:(?:og|and|plus|også|also|legg\s+(?:også\s+)?til"
    r"|add|ta\s+(?:også\s+)?med|inkluder\w*|include|send\s+(?:den|det|dem|it|them)\s+(?:også\s+)?"
    r"|send\s+(?:også|also)\s+|gi\s+(?:også\s+)?|give\s+|til|to|for)\s+)+"
)
_ADD_TRAIL = re.compile(
    r"(?:[\s,]+(?:også|too|as\s+well|i\s+tillegg|in\s+addition|da|then|please|takk|thanks"
    r"|med|i\s+mottakerlista|to\s+the\s+recipients))+\s*$"
)
_ADDING = re.compile(
    r"^(?:(?:nei|no|ok|okei|ja|yes)[,.!]?\s+)?(?:og|and|plus|også|also|legg|add|ta\s+(?:også\s+)?med"
    r"|inkluder|include)\b|\b(?:også|too|as\s+well|i\s+tillegg|in\s+addition)\s*$"
    r"|^send\w*\s+(?:den|det|dem|it|them)\s+(?:også|also)\s+(?:til|to)\b"
)
# "hotellene skal også ha den", "the gyms should get it too", "skolene vil ha den også".
_ALSO_GETS = re.compile(
    r"^(?:(?:og|and)\s+)?(?P<who>[^,.;!?]+?)\s+(?:skal|må|bør|kan|vil|should|must|can|need|needs"
    r"|want|wants)\s+(?:(?P<also>også|also)\s+)?(?:(?:ha|få|motta|get|receive|have)\s+)?"
    r"(?:den|det|dem|it|them|this|one)\s*(?P<too>også|too|as\s+well)?[\s.!]*$"
)
_GROUP_SEPARATOR = re.compile(r"\s*(?:,|&|\+|\bog\b|\band\b)\s*")
_GROUP_FILLER = re.compile(r"^(?:(?:the|de|dei|alle|all|til|to)\s+)+")
# "på engelsk", "in English please", "an English version", "make it English": the same
# email in another language.
_IN_LANGUAGE = re.compile(
    r"\b(?:på|in|into|til|to|som|as)\s+(?P<a>engelsk|english|norsk|norwegian|bokmål)\b"
    r"|\b(?P<b>engelsk|english|norsk|norwegian)\w*\s+(?:versjon|version|utgave|mal|template"
    r"|e-?post|email|tekst|text)\b"
    r"|\bmake\s+(?:it|them)\s+(?P<c>english|norwegian)\b"
)
_LANGUAGE_OF = {"engelsk": "en", "english": "en"}
# "Price list (English)", "Prisliste (EN)", "Prisliste - EN": a template marked by language
# ("en" in lower case alone is the Norwegian article).
_ENGLISH_MARK = re.compile(r"(?i:\b(?:english|engelsk)\b|\(en\)|[-/]\s*en\s*$)|\bEN\b|\bENG\b")
_NORWEGIAN_MARK = re.compile(
    r"(?i:\b(?:norsk|norwegian|bokmål)\b|\((?:nb|no)\)|[-/]\s*(?:nb|no)\s*$)|\b(?:NB|NO)\b"
)


# Words a template's name or subject is written in (not words both languages share).
_TEMPLATE_EN = frozenset(
    """the a an and of to from for your our us we you new prices price list order orders
    form thank thanks welcome weekly week monthly reminder confirmation invoice offer offers
    this news newsletter please here is are""".split()
)
_TEMPLATE_NB = frozenset(
    """og av til fra din ditt dine vår våre vårt oss vi deg du nye nytt ny priser prisliste
    bestilling bestillingen bestillingsskjema takk velkommen ukens uke måned månedens
    påminnelse bekreftelse faktura tilbud denne dette nyhetsbrev her er som hei""".split()
)


def template_language(template: Mapping[str, Any]) -> str | None:
    """The language a template is written in, as far as its name and subject tell: marked
    ("Prisliste (EN)", "Price list (English)") or said in its words ("New prices from us");
    None when they do not tell."""
    name, subject = str(template.get("name") or ""), str(template.get("subject") or "")
    if _ENGLISH_MARK.search(name):
        return "en"
    if _NORWEGIAN_MARK.search(name):
        return "nb"
    words = re.findall(r"[\wæøå]+", f"{name} {subject}".lower())
    english = sum(w in _TEMPLATE_EN for w in words)
    norwegian = sum(w in _TEMPLATE_NB or bool(re.search(r"[æøå]", w)) for w in words)
    if english == norwegian:
        return None
    return "en" if english > norwegian else "nb"


def more_edits(
    draft: Mapping[str, Any],
    text: str,
    *,
    groups: Sequence[Mapping[str, Any]] = (),
    templates: Sequence[Mapping[str, Any]] = (),
) -> RefineOutcome | None:
    """Another group as well ("legg til hotellene", "also the gyms") or the same emails in
    another language ("send den på engelsk"); None when ``text`` is neither."""
    lowered = " ".join(text.lower().split()).strip(" .!?")
    steps = draft.get("steps")
    if not isinstance(steps, list) or not steps:
        return None
    for attempt in (_add_groups, _in_language):
        outcome = attempt(draft, lowered, groups, templates)
        if outcome is not None:
            return outcome
    return None


def _named_groups(body: str, groups: Sequence[Mapping[str, Any]]) -> tuple[list[str], str | None]:
    """The group slugs ``body`` names ("hotellene og kantinene"), and the first word that is
    no group; ([], None) when a part is something else than a group word."""
    slugs: list[str] = []
    for part in _GROUP_SEPARATOR.split(body):
        part = _GROUP_FILLER.sub("", part.strip())
        if not part:
            continue
        slug = _match_group(part, groups)
        if slug is not None:
            if slug not in slugs:
                slugs.append(slug)
            continue
        if " " in part or len(part) < 4 or part in NOT_GROUPS:
            return [], None
        from ai_assistant.offline.kinds import kind_of_word

        # "skolene", "the gyms": a kind of customer the business has no group for.
        if kind_of_word(part) is None:
            return [], None
        return slugs, part
    return slugs, None


def _add_groups(
    draft: Mapping[str, Any],
    lowered: str,
    groups: Sequence[Mapping[str, Any]],
    templates: Sequence[Mapping[str, Any]],
) -> RefineOutcome | None:
    language = detect_language(lowered)
    gets = _ALSO_GETS.match(lowered)
    if gets and (gets["also"] or gets["too"]):
        # "hotellene skal også ha den": "og hotellene"; "the gyms need it too": "and the gyms".
        lowered = ("and " if language == "en" else "og ") + gets["who"]
    if not _ADDING.search(lowered):
        return None
    body = _ADD_TRAIL.sub("", _ADD_LEAD.sub("", lowered, count=1)).strip(" ,.")
    if not body or DAY_RE.search(body) or TIME_RE.search(body):
        return None
    slugs, unknown = _named_groups(body, groups)
    words = Words(language)
    if unknown is not None:
        known = ", ".join(str(g["name"]) for g in groups) or "-"
        return RefineOutcome(
            question=words.say(
                f"Jeg finner ingen kundegruppe som heter «{unknown}». Grupper som finnes: "
                f"{known}. Hvilken mener du?",
                f"There is no customer group called “{unknown}”. Existing groups: {known}. "
                "Which one do you mean?",
            ),
            language=language,
        )
    if not slugs or "all" in slugs:
        return None
    workflow = copy.deepcopy(dict(draft))
    steps: list[dict[str, Any]] = workflow["steps"]
    grouped = _addressed(steps, "group")
    if not grouped:
        if _addressed(steps, "event_customer"):
            return RefineOutcome(
                question=words.say(
                    "Utkastet sender til kunden hendelsen gjelder, ikke til en kundegruppe. "
                    "Skal det heller gå til hele gruppen hver gang (for eksempel «send den til "
                    "hotellene i stedet»)?",
                    "The draft sends to the customer the event is about, not to a customer "
                    "group. Should it go to the whole group each time instead (for example "
                    "“send it to the hotels instead”)?",
                ),
                language=language,
            )
        return None
    audience = _group_of(steps[grouped[0]])
    if audience == "all":
        return RefineOutcome(
            workflow=workflow,
            changes=[
                words.say(
                    "Utkastet sender allerede til alle kunder, også dem; det er uendret.",
                    "The draft already sends to all customers, them included; it is unchanged.",
                )
            ],
            language=language,
        )
    names = {str(g["slug"]): str(g["name"]) for g in groups}
    new = [slug for slug in slugs if not any(_group_of(s) == slug for s in steps)]
    if not new:
        return RefineOutcome(
            workflow=workflow,
            changes=[words.say("Den gruppen får det allerede.", "That group gets it already.")],
            language=language,
        )
    result: list[dict[str, Any]] = []
    for step in steps:
        result.append(step)
        if _group_of(step) != audience:
            continue
        for slug in new:
            twin = copy.deepcopy(step)
            twin["action_config"]["recipients"] = {"group": slug}
            # Right after its twin, in the same run: the twin's day and time are already
            # reached (the same day and time would wait a whole week).
            twin["trigger_type"] = "immediate"
            twin.pop("trigger_config", None)
            result.append(twin)
    for number, step in enumerate(result, start=1):
        step["step_order"] = number
    workflow["steps"] = result
    added = ", ".join(names.get(slug, slug) for slug in new)
    old = names.get(str(audience), str(audience))
    return RefineOutcome(
        workflow=workflow,
        changes=[
            words.say(
                f"Sender også til {added}. Et steg sender bare til én kundegruppe, så {added} "
                f"får egne steg med samme e-post, rett etter stegene til {old}.",
                f"Also sends to {added}. A step sends to one customer group only, so {added} "
                f"get steps of their own with the same email, right after the steps to {old}.",
            )
        ],
        language=language,
    )


def _group_of(step: Mapping[str, Any]) -> str | None:
    group = ((step.get("action_config") or {}).get("recipients") or {}).get("group")
    return None if group is None else str(group)


def _in_language(
    draft: Mapping[str, Any],
    lowered: str,
    groups: Sequence[Mapping[str, Any]],
    templates: Sequence[Mapping[str, Any]],
) -> RefineOutcome | None:
    m = _IN_LANGUAGE.search(lowered)
    if not m or NEW_DESCRIPTION_RE.search(lowered):
        return None
    wanted = _LANGUAGE_OF.get(m.group("a") or m.group("b") or m.group("c"), "nb")
    language = detect_language(lowered)
    words = Words(language)
    workflow = copy.deepcopy(dict(draft))
    steps: list[dict[str, Any]] = workflow["steps"]
    categories = _template_categories(templates)
    target = find_target(lowered, steps, categories, language)
    if target.question:
        return RefineOutcome(question=target.question, language=language)
    indexes = (
        [target.index]
        if target.index is not None
        else [
            i
            for i, step in enumerate(steps)
            if {"template_id", "template"} & set(step.get("action_config") or {})
        ]
    )
    if not indexes:
        return None
    by_id = {int(t["id"]): t for t in templates if "id" in t}
    by_name = {str(t.get("name")): t for t in templates}
    in_words = words.say(
        "engelsk" if wanted == "en" else "norsk", "English" if wanted == "en" else "Norwegian"
    )
    changes: list[str] = []
    proposals: list[dict[str, Any]] = []
    for i in indexes:
        action = steps[i]["action_config"]
        current = by_id.get(action.get("template_id")) or by_name.get(str(action.get("template")))
        proposed = _PROPOSED_IN.fullmatch(str(action.get("template") or ""))
        if current is None and proposed:
            # A template this chat proposed in another language ("Prisliste (English)"): the
            # one it was proposed for, or the proposal itself when that is the language.
            base = by_name.get(proposed["base"])
            if base is not None and template_language(base) == wanted:
                action.pop("template", None)
                action["template_id"] = base["id"]
                changes.append(
                    words.say(
                        f"Bruker «{base['name']}» igjen i stedet for forslaget «{proposed[0]}».",
                        f"Using “{base['name']}” again instead of the proposed “{proposed[0]}”.",
                    )
                )
                continue
            current = {"name": proposed[0], "category": (base or {}).get("category", "")}
        if current is None:
            return RefineOutcome(
                question=words.say(
                    f"Jeg vet ikke hvilken mal steg {i + 1} bruker. Hvilken {in_words} mal skal "
                    "det bruke?",
                    f"I do not know which template step {i + 1} uses. Which {in_words} template "
                    "should it use?",
                ),
                language=language,
            )
        if template_language(current) == wanted:
            changes.append(
                words.say(
                    f"«{current['name']}» er allerede på {in_words}.",
                    f"“{current['name']}” is in {in_words} already.",
                )
            )
            continue
        kind = str(current.get("category") or "")
        fits = [
            t
            for t in templates
            if t is not current
            and str(t.get("category") or "") == kind
            and template_language(t) == wanted
        ]
        if len(fits) > 1:
            listed = ", ".join(f"«{t['name']}»" for t in fits)
            return RefineOutcome(
                question=words.say(
                    f"Det finnes flere maler på {in_words} av samme slag: {listed}. Hvilken?",
                    f"There are several {in_words} templates of the same kind: {listed}. "
                    "Which one?",
                ),
                language=language,
            )
        if fits:
            chosen = fits[0]
            action.pop("template", None)
            action["template_id"] = chosen["id"]
            changes.append(
                words.say(
                    f"Bruker den {in_words}e malen «{chosen['name']}» i stedet for "
                    f"«{current['name']}» (samme slag: {kind}).",
                    f"Using the {in_words} template “{chosen['name']}” instead of "
                    f"“{current['name']}” (the same kind: {kind}).",
                )
            )
            continue
        from ai_assistant.offline.templates import _new_template

        suffix = "English" if wanted == "en" else "norsk"
        proposal = _new_template(f"{current['name']} ({suffix})", kind, wanted)
        action.pop("template_id", None)
        action["template"] = proposal["name"]
        if proposal not in proposals:
            proposals.append(proposal)
        changes.append(
            words.say(
                f"Det finnes ingen {in_words} mal av samme slag som «{current['name']}», så jeg "
                f"foreslår en ny mal «{proposal['name']}» (utkast). Skriv teksten og lagre den "
                "før arbeidsflyten aktiveres.",
                f"There is no {in_words} template of the same kind as “{current['name']}”, so "
                f"I propose a new template “{proposal['name']}” (a draft). Write its text and "
                "save it before the workflow is activated.",
            )
        )
    changes = list(dict.fromkeys(changes))
    # "send den på engelsk til hotellene i stedet", "in English, and on Wednesday": the rest
    # is another edit of the same draft, done too, asked about, or said not done.
    spans = [m.span(), target.span]
    rest = "".join(
        " " if any(span and span[0] <= i < span[1] for span in spans) else c
        for i, c in enumerate(lowered)
    )
    leftover = [w for w in re.findall(r"[\wæøåé-]{3,}", rest) if w not in _LANGUAGE_FILLER]
    if leftover:
        more = refine_draft(workflow, rest, groups=groups, templates=templates)
        if more is None:
            more = _add_groups(workflow, rest.strip(), groups, templates)
        if more is not None and more.question:
            return RefineOutcome(question=more.question, language=language)
        if more is not None and more.workflow is not None:
            workflow = more.workflow
            changes += more.changes
        else:
            said = " ".join(rest.split())
            changes.append(
                words.say(
                    f"Resten («{said}») forstod jeg ikke, så det er ikke endret. Si det gjerne "
                    "på en annen måte.",
                    f"I did not understand the rest (“{said}”), so it is not changed. Please "
                    "say it another way.",
                )
            )
    return RefineOutcome(
        workflow=workflow, changes=changes, language=language, new_templates=proposals
    )


_PROPOSED_IN = re.compile(r"(?P<base>.+?)\s*\((?:English|norsk)\)")
#: Words said with a change of language that ask for nothing more.
_LANGUAGE_FILLER = frozenset(
    """send sende sendes den det dem dei it them this that these those please pls takk thanks
    kan kunne can could would will you du dere vil want like i'd jeg make gjør lag ha have
    versjon version utgave mal malen template tekst teksten text oversett oversette translate
    translated gjerne også also alle all alt everything e-post e-posten e-postene epost
    eposten email emails mail mailen være be written skrevet heller rather instead stedet
    isteden igjen again back tilbake samme same now nå and og but men the""".split()
)
