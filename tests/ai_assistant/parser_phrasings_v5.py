"""The own phrasing set, fifth part: the kinds held-out v11 still left open (h-kinds7).

After h-kinds6, held-out v11 (and ``parser_phrasings_v4.KINDS_V11``) still missed eight kinds.
Each has phrasings here for another business, in other words than either set:

1. ``email``: a request inside a letter (greeting, small talk, news, a signature with name,
   title and company): the request is read, the rest is not.
2. ``joined_things``: "og" inside what is sent ("prisene på kaffe og te") is no second step.
3. ``clock_words``: hours as words without æøå ("halv atte", "kvart pa tolv"); "halvannen
   time" / "en og en halv time" / "1,5 time" before or after the step as a delay of 90 minutes.
4. ``multi_day``: "tirsdag og fredag, begge dager kl 8": the days listed, not every day.
5. ``templates_by_name``: a template named with its own punctuation ("Smakte det?"), between
   quotes or before an arrow to its audience.
6. ``groups``: English words for a Norwegian group's kind ("market traders", "street vendors"
   for "Torgselgere").
7. ``new_templates``: a reminder about doing something other than ordering ("påminnelse om å
   returnere sekkene", "a reminder to bring back the boxes") is a new template, not the order
   reminder (and not only for those who have not ordered).
8. ``answers`` / ``edits`` (the conversations): "den femte kl 8" answering a monthly request's
   question, a bare time that agrees with the draft's, a holiday policy in dialect as an edit,
   "legg te at ..." adding an order step, and a reminder named again ("purringen bare til ...")
   that is no second reminder.

The business: Bergen Kaffe og Te AS, a coffee, tea and cocoa wholesaler (``context_v5``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import ParseContext
from benchmarks.parser_accuracy import Case
from tests.ai_assistant.expected_facts import (
    ORDER,
    REPORT,
    SEND,
    at,
    event,
    monthly,
    on_days,
    weekly,
    weekly_send,
)
from tests.ai_assistant.parser_phrasings_v2 import EditCase

TEMPLATES_V5: list[dict[str, Any]] = [
    {
        "id": 1301,
        "name": "Kaffelista",
        "category": "bestilling",
        "subject": "Bestill kaffe, te og kakao til neste uke",
    },
    {
        "id": 1302,
        "name": "Glemte du oss?",
        "category": "reminder",
        "subject": "Vi har ikke fått bestillingen din denne uka",
    },
    {
        "id": 1303,
        "name": "Ordrekvittering",
        "category": "confirmation",
        "subject": "Takk, vi brenner og pakker kaffen din",
    },
    {
        "id": 1304,
        "name": "Bønnepriser",
        "category": "prisliste",
        "subject": "Ukens priser på bønner, te og kakao",
    },
    {
        "id": 1305,
        "name": "Kaffeposten",
        "category": "newsletter",
        "subject": "Månedsbrev fra Bergen Kaffe og Te",
    },
    {
        "id": 1306,
        "name": "Godbiter",
        "category": "tilbud",
        "subject": "Gode kjøp denne uka",
    },
    {
        "id": 1307,
        "name": "Velkommen til oss",
        "category": "velkomst",
        "subject": "Velkommen som kunde",
    },
    {
        "id": 1308,
        "name": "Smakte det?",
        "category": "survey",
        "subject": "Hva syntes du om siste levering?",
    },
]
GROUPS_V5: list[dict[str, Any]] = [
    {"slug": "kaffebarer", "name": "Kaffebarer", "size": 44},
    {"slug": "kontorer", "name": "Kontorer", "size": 71},
    {"slug": "hoteller", "name": "Hoteller", "size": 19},
    {"slug": "butikker", "name": "Dagligvarebutikker", "size": 33},
    {"slug": "torg", "name": "Torgselgere", "size": 8},
]
TODAY_V5 = dt.date(2028, 10, 4)  # a Wednesday


def context_v5() -> ParseContext:
    return ParseContext(
        templates=[dict(t) for t in TEMPLATES_V5],  # type: ignore[misc]
        groups=[dict(g) for g in GROUPS_V5],  # type: ignore[misc]
        staff_groups=["lager", "salg"],
        today=TODAY_V5,
        timezone="Europe/Oslo",
    )


def _g(slug: str) -> dict[str, str]:
    return {"group": slug}


ALL = {"group": "all"}
CUSTOMER = {"event_customer": True}
SINCE_START = {"check": "orders_missing", "since": "execution_start"}


def _chain(to: dict[str, Any], first: tuple[str, str], *rest: tuple[str, str, str]) -> Any:
    """The order form on ``first``, then reminders / the last order (``"order"``) to those who
    have not ordered since the run started."""
    steps = [SEND] + [ORDER if kind == "order" else SEND for _d, _t, kind in rest]
    facts: dict[str, Any] = {
        "steps": steps,
        "templates": ["bestilling"] + [None if k == "order" else k for _d, _t, k in rest],
        "recipients": [to] * len(steps),
        "conditions": [None] + [SINCE_START] * len(rest),
        "triggers": [at(*first)] + [at(d, t) for d, t, _k in rest],
    }
    if any(kind == "order" for _d, _t, kind in rest):
        facts["mode"] = "repeat_last"
    return weekly(first[0], first[1], **facts)


KINDS_V5: list[Case] = [
    # === 1. A request inside a letter =========================================================
    Case(
        "God morgen alle!\n\nHåper dere fikk en rolig helg. Litt status fra innkjøp: bønnene fra "
        "Brasil er kommet og betalt. Så til saken: kunne dere satt opp at hotellene får "
        "Kaffelista hver torsdag kl 8, og en påminnelse fredag kl 11 til de som ikke har "
        "bestilt? Resten tar vi på møtet.\n\nMvh\nOle Hansen\nInnkjøpssjef",
        _chain(_g("hoteller"), ("thursday", "08:00"), ("friday", "11:00", "reminder")),
        category="email",
    ),
    Case(
        "Hi Anna,\n\nHope you're well and that the move went fine! Quick one from accounting: "
        "on the last business day of every month at 16:00 I'd like a report of who hasn't "
        "ordered, emailed to regnskap@bergenkaffe.no. Many thanks!\n\nBest regards,\nTom",
        monthly(
            "16:00",
            business_day=-1,
            steps=[REPORT],
            report="orders_missing",
            send_to=["regnskap@bergenkaffe.no"],
        ),
        category="email",
    ),
    Case(
        "Hei Kari!\n\nTakk for kaffen i går. Som avtalt: mandag kl 07:30 går Kaffelista ut til "
        "kontorene, tirsdag kl 13 en påminnelse, onsdag kl 13 en påminnelse til, og torsdag "
        "kl 8 legger vi inn samme bestilling som sist for de som fortsatt ikke har bestilt."
        "\n\nVennlig hilsen\nPer Olsen\nBergen Kaffe og Te AS",
        _chain(
            _g("kontorer"),
            ("monday", "07:30"),
            ("tuesday", "13:00", "reminder"),
            ("wednesday", "13:00", "reminder"),
            ("thursday", "08:00", "order"),
        ),
        category="email",
    ),
    Case(
        "Hei igjen! Fint vær i Bergen for en gangs skyld. Forresten, kan vi sende Godbiter til "
        "kaffebarene hver fredag kl 10? Ha en fin dag!",
        weekly_send("friday", "10:00", "tilbud", _g("kaffebarer")),
        category="email",
    ),
    # === 2. "og" inside what is sent ==========================================================
    Case(
        "send prisene på kaffe og te til hotellene hver mandag kl 9",
        weekly_send("monday", "09:00", "prisliste", _g("hoteller")),
        category="joined_things",
    ),
    Case(
        "Send ukens tilbud pa kaffe og kakao til kontorene hver onsdag kl 10",
        weekly_send("wednesday", "10:00", "tilbud", _g("kontorer")),
        category="joined_things",
    ),
    # === 3. Hours as words without æøå; an hour and a half ===================================
    Case(
        "Kaffelista til kontorene hver tirsdag kl halv atte",
        weekly_send("tuesday", "07:30", "bestilling", _g("kontorer")),
        category="clock_words",
    ),
    Case(
        "send prislista til hotellene hver torsdag klokka kvart pa tolv",
        weekly_send("thursday", "11:45", "prisliste", _g("hoteller")),
        category="clock_words",
    ),
    Case(
        "send kvittering en og en halv time etter at kunden har lagt inn ordren",
        event(
            "order.created",
            steps=[SEND],
            templates=["confirmation"],
            recipients=[CUSTOMER],
            triggers=[{"delay_minutes": 90}],
        ),
        category="clock_words",
    ),
    Case(
        "1,5 time etter at en ny kunde er registrert: send velkomstmail",
        event(
            "customer.created",
            steps=[SEND],
            templates=["velkomst"],
            recipients=[CUSTOMER],
            triggers=[{"delay_minutes": 90}],
        ),
        category="clock_words",
    ),
    # === 4. The days listed, "all of them" at one time =======================================
    Case(
        "Kaffelista til kaffebarene tirsdag og fredag, begge dager kl 8",
        on_days(["tuesday", "friday"], "08:00", steps=[SEND], templates=["bestilling"]),
        category="multi_day",
    ),
    Case(
        "price list to the offices Monday, Wednesday and Friday, all three days at 7am",
        on_days(["monday", "wednesday", "friday"], "07:00", steps=[SEND], templates=["prisliste"]),
        category="multi_day",
    ),
    # === 5. A template by its own name, punctuation and all ==================================
    Case(
        "«Smakte det?» → hotellene, hver fredag kl 15",
        weekly_send("friday", "15:00", "survey", _g("hoteller")),
        category="templates_by_name",
    ),
    Case(
        "Smakte det? -> the offices every thursday 1pm",
        weekly_send("thursday", "13:00", "survey", _g("kontorer")),
        category="templates_by_name",
    ),
    # === 6. English words for a Norwegian group's kind =======================================
    Case(
        "order form to the market traders every Saturday at 6am",
        weekly_send("saturday", "06:00", "bestilling", _g("torg")),
        category="groups",
    ),
    Case(
        "send the price list to the street vendors on Fridays at 9",
        weekly_send("friday", "09:00", "prisliste", _g("torg")),
        category="groups",
    ),
    # === 7. A reminder about something other than ordering ===================================
    Case(
        "hver mandag kl 9 send påminnelse om å returnere tomme kaffesekker til kaffebarene",
        weekly_send("monday", "09:00", "new", _g("kaffebarer"), conditions=[None]),
        category="new_templates",
    ),
    Case(
        "Every Thursday at 2pm send a reminder to bring back the empty boxes to the offices",
        weekly_send("thursday", "14:00", "new", _g("kontorer"), conditions=[None]),
        category="new_templates",
    ),
    # The order reminder is still the order reminder.
    Case(
        "påminnelse om å bestille til hotellene hver onsdag kl 12",
        weekly_send("wednesday", "12:00", "reminder", _g("hoteller")),
        category="new_templates",
    ),
    # === More of the same kinds, written after the first fixes =================================
    Case(
        "Hello team,\n\nHope all is good. Could you set up the following for the hotels:\n"
        "- Monday 8am: order form\n- Wednesday noon: reminder to those who haven't ordered\n\n"
        "Thanks!\nLisa",
        _chain(_g("hoteller"), ("monday", "08:00"), ("wednesday", "12:00", "reminder")),
        category="email",
    ),
    Case(
        "Hei!\nKan dere sende Bønnepriser til butikkene hver mandag kl 7?\n\nHilsen Marte, Voss",
        weekly_send("monday", "07:00", "prisliste", _g("butikker")),
        category="email",
    ),
    Case(
        "send Godbiter med kaker og kjeks til kontorene hver torsdag kl 14",
        weekly_send("thursday", "14:00", "tilbud", _g("kontorer")),
        category="joined_things",
    ),
    Case(
        "send Kaffelista til hotellene hver mandag kl ti pa atte",
        weekly_send("monday", "07:50", "bestilling", _g("hoteller")),
        category="clock_words",
    ),
    Case(
        "Kaffelista til kontorene mandag og torsdag, kl 8 alle dagene",
        on_days(["monday", "thursday"], "08:00", steps=[SEND], templates=["bestilling"]),
        category="multi_day",
    ),
    Case(
        "the price list to the cafes on Tuesdays and Thursdays, both days at 10am",
        on_days(["tuesday", "thursday"], "10:00", steps=[SEND], templates=["prisliste"]),
        category="multi_day",
    ),
    # === 8. A step named again is no second step =============================================
    Case(
        "Kaffelista mandag kl 8 og påminnelse onsdag kl 12 til hotellene, påminnelsen bare til "
        "dem som ikke har bestilt",
        _chain(_g("hoteller"), ("monday", "08:00"), ("wednesday", "12:00", "reminder")),
        category="chains",
    ),
]


KINDS_V5_CONVERSATIONS: list[EditCase] = [
    EditCase(
        "Send Kaffeposten til alle kunder hver måned",
        "den femte kl 8",
        monthly("08:00", day_of_month=5, steps=[SEND], templates=["newsletter"]),
        category="answers",
    ),
    EditCase(
        "Kaffelista til hotellene hver fredag",
        "klokka 9",
        weekly_send("friday", "09:00", "bestilling", _g("hoteller")),
        category="answers",
    ),
    EditCase(
        "Bønnepriser kvar torsdag kl 7 te butikkan",
        "om det e helligdag, send neste virkedag",
        weekly(
            "thursday",
            "07:00",
            holiday_policy="next_business_day",
            steps=[SEND],
            templates=["prisliste"],
        ),
    ),
    EditCase(
        "Kaffelista tirsdag kl 8 og purring torsdag kl 12 til kontorene, purringen bare til de "
        "som ikke har bestilt",
        "legg til at de som fremdeles ikke har bestilt fredag kl 9 får samme bestilling som sist",
        _chain(
            _g("kontorer"),
            ("tuesday", "08:00"),
            ("thursday", "12:00", "reminder"),
            ("friday", "09:00", "order"),
        ),
    ),
]
