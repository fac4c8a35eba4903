"""The own phrasing set, thirteenth part: the kinds of failure held-out v19 found (h-kinds15).

Held-out v19 (a flower wholesaler) showed templates named by an inflected form of a word of
their subject ("blomsterlista" for a subject "Ukas blomsterliste: ..."), by a plan of deliveries
("leveringsplanen", "kjøreplanen", read as a plan of something else) or by care advice
("vanningsrådene", Swedish "skötselråden"), all proposed as new templates; English words for a
template's Norwegian name ("the funeral wreaths email"). In chains, a later step's day was lost
when written glued to its hour ("onsdagkl 12") or before a colloquial time of day ("Wed arvo
half past 3"). A webhook named by a signal word in its definite form ("Kjølealarmen går")
or mistyped ("kjølealrmen") kept the ending or was no event. An answer picking one of two
options a request left open ("tirsdag eller onsdag?" + "onsdag", "kl 9 eller 10" + "kl 10")
was not understood.

Each kind has phrasings here in other words, for another business: the garden, outdoor and
boat supplies wholesaler of ``parser_phrasings_v10`` (its templates, groups and staff). None
copies a v19 case. After h-kinds15's fixes all are right.
"""

from __future__ import annotations

from typing import Any

from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.parser_phrasings_v2 import EditCase
from tests.ai_assistant.parser_phrasings_v10 import (
    GROUPS_V16K,
    STAFF_GROUPS_V16K,
    TEMPLATES_V16K,
    context_v16k,
)

TEMPLATES_V19K = TEMPLATES_V16K
GROUPS_V19K = GROUPS_V16K
STAFF_GROUPS_V19K = STAFF_GROUPS_V16K
context_v19k = context_v16k

MON, TUE, WED, THU, FRI = "monday", "tuesday", "wednesday", "thursday", "friday"
_g = facts.group


def _chain(templates: list[str | None], days: list[tuple[str, str]], to: dict[str, Any]) -> Any:
    """A weekly chain: the first step to ``to``, the later ones to those still without an
    order in this run; a ``None`` template is the usual order."""
    steps = [facts.SEND if t is not None else facts.ORDER for t in templates]
    more: dict[str, Any] = {"mode": "repeat_last"} if facts.ORDER in steps else {}
    return facts.weekly(
        days[0][0],
        days[0][1],
        steps=steps,
        templates=templates,
        recipients=[to] * len(steps),
        conditions=[None] + [facts.missing_since_start()] * (len(steps) - 1),
        triggers=[facts.at(d, t) for d, t in days],
        **more,
    )


KINDS_V19: list[Case] = [
    # === 1. A template by an inflected word of its subject, or by a plan of deliveries =======
    Case(
        "Send leveringsplanen til hyttelagene hver fredag kl 12",
        facts.weekly_send(FRI, "12:00", "levering", _g("hyttelag")),
        category="templates_inflected",
    ),
    Case(
        "kjøreplanen bes oversendt borettslagene hver onsdag kl. 10.00.",
        facts.weekly_send(WED, "10:00", "levering", _g("borettslag")),
        category="templates_inflected",
    ),
    Case(
        "Hver mandag kl 8 send mailen om gressfrøet til hagesentrene",
        facts.weekly_send(MON, "08:00", "tilbud", _g("hagesenter")),
        category="templates_inflected",
    ),
    Case(
        "Kan gressfrø-mailen gå til hagesentra kvar tysdag klokka 8?",
        facts.weekly_send(TUE, "08:00", "tilbud", _g("hagesenter")),
        category="templates_inflected",
    ),
    # === 3. A webhook named by a signal word in its definite form, or mistyped ===============
    Case(
        "Når frostalrmen går, si fra til lageret",
        facts.event("webhook", event_name="frostalarm", staff_group="lager"),
        category="webhook_definite",
    ),
    Case(
        "Når pumpealarmen kommer inn, gi beskjed til kundeservice",
        facts.event("webhook", event_name="pumpealarm", staff_group="kundeservice"),
        category="webhook_definite",
    ),
    Case(
        "når lekkasjevarselet kjem, sei ifrå til salg",
        facts.event("webhook", event_name="lekkasjevarsel", staff_group="salg"),
        category="webhook_definite",
    ),
    # === 2. A later step's day glued to its hour, or before a colloquial time of day =========
    Case(
        "Skjema til malerne tirsdag kl 8, purring torsdagkl 13 til de som ikke har bestilt",
        _chain(["bestilling", "reminder"], [(TUE, "08:00"), (THU, "13:00")], _g("maler")),
        category="chains_glued",
    ),
    Case(
        "Mandag kl 9 skjema til borettslagene, fredagkl. 10 vanlig ordre til dem som ikke har "
        "bestilt",
        _chain(["bestilling", None], [(MON, "09:00"), (FRI, "10:00")], _g("borettslag")),
        category="chains_glued",
    ),
    Case(
        "Tue 8am order form to the marinas, Thu arvo 2pm a reminder to anyone who hasn't ordered",
        _chain(["bestilling", "reminder"], [(TUE, "08:00"), (THU, "14:00")], _g("havn")),
        category="chains_glued",
    ),
]


KINDS_V19_CONVERSATIONS: list[EditCase] = [
    # An answer that picks one of two options the request left open.
    EditCase(
        "Send prislisten til hagesentrene mandag eller tirsdag kl 8",
        "tirsdag",
        facts.weekly_send(TUE, "08:00", "prisliste", _g("hagesenter")),
        category="answers",
    ),
    EditCase(
        "Tilbudet til campingplassene fredag kl 10 eller 11",
        "kl 11 takk",
        facts.weekly_send(FRI, "11:00", "tilbud", _g("camping")),
        category="answers",
    ),
    EditCase(
        "Send the price list to the marinas Tuesday or Wednesday at 9",
        "Wednesday",
        facts.weekly_send(WED, "09:00", "prisliste", _g("havn")),
        category="answers",
    ),
]
