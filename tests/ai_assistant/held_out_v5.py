"""Held-out phrasing set v5 for the offline assistant: measured once, at the end.

Written without looking at the parser or at the other phrasing sets' cases, so that it measures
how the parser generalises to phrasings nobody tuned it on. What the writer read: the format
docs (``/work/shared/docs/workflow-format.md`` whole, with "Calendar schedules", and
``nl-examples.md``), the checker ``benchmarks/parser_accuracy.py`` (``Case``, ``key_facts``,
``compare``), ``benchmarks/bench_offline_parser.py`` (to add this set's row),
``ai_assistant/context.py`` (``TemplateInfo``, ``GroupInfo``, ``ParseContext``), the list of
capabilities of issues 19 and 20 as summarised in the writer's brief, the benchmark test in
``tests/ai_assistant/test_parser_accuracy.py`` (its list of metric names), and of
``tests/ai_assistant/held_out_v4.py`` only the module docstring, the imports, the context
builder and the small fact-building helpers above its cases (not its templates, groups or
cases). Nothing else under ``ai_assistant/``, nothing under ``executions/steps/``, no
``parser_phrasings*.py``, ``held_out_v2.py`` or ``held_out_v3.py``; the parser was not run on
these cases before the one measurement.

The business is new: Saltstraum Sjømat AS, a fish and seafood wholesaler in Bodø with a depot
in Tromsø, whose customers are restaurants, hotels, fish shops, school canteens, ships and
boats (coastal ships, fishing and supply vessels) and nursing homes. Its people type as they
talk: short, sloppy, abbreviated ("kl", "mnd", "pls"), with typos and some Nordland/Troms
dialect ("æ", "kvar", "te", "sia", "ikkje", "dæm", "restaurantan", "hotellan", "båtan"), in
Norwegian Bokmål, English and a mix of both. The Norwegian "halv ni" is 08:30.

Each case has a language tag in the comment above it (``nb``, ``en`` or ``mix``) and a
category: ``basic``, ``chains``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates`` or ``must_ask``.

``expected`` is ``"question"`` (ask back, create nothing) or the key facts the text clearly
determines (``benchmarks.parser_accuracy.key_facts``); facts the text leaves open are left out.
Conventions (the same as v4's, so the facts are comparable):

- ``triggers`` of the first step of a weekly workflow repeat the schedule's day and time, as in
  the running example of workflow-format.md; ``triggers`` are left out of daily, monthly and
  calendar-kind schedules, of schedules on several days, and wherever the text's timing has
  more than one fair encoding (e.g. a later step "the same day at 14").
- A step of an event workflow that runs "right away" has no time trigger (``None``); "N
  minutes / hours / days (døgn) after" is ``{"delay_minutes": N in minutes}``.
- "Those who (still) haven't ordered" in a later step of a chain is ``orders_missing`` since
  ``execution_start``; a reminder ("påminnelse", "purring", "reminder") in a chain implies it
  too. A later step of a chain goes to the same audience as the first step. "Their usual /
  standard order" is ``create_order`` with ``mode`` ``repeat_last``.
- A window given in the text is the condition's window: "siden mandag" / "since Monday" is
  ``since: "last_monday"``, "de siste 3 dagene" is ``days_back: 3``, "3 uker" is 21 days. A
  single reminder with no window in the text has its ``conditions`` left out.
- One phrase naming several days for the same action in a chain gives one step per day.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" is
  ``business_days_only``.
- A weekly ``every_weeks`` schedule is anchored on the first date the text gives, or with none
  on the next such weekday after ``HELD_OUT_V5_TODAY`` (a Thursday; no unanchored case uses
  Thursday).
- A holiday policy is set only where the text says what happens on a public holiday ("også på
  helligdager" is ``run``).
- Report steps: ``recipients`` and ``conditions`` are left out of cases with a
  ``generate_report`` step; ``report`` is given only where the text names what it reports.
- Group slugs: "Tromsø-kundene" is ``tromso``, ships/boats ("båtan", "vessels") ``skip``,
  nursing homes / institutions ``sykehjem``; a group the business does not have (kindergartens)
  is a question, as nl-examples.md says an unknown group is never a silently empty audience.
- A request for an email no template covers proposes a new template: ``templates`` ``"new"``
  (an invoice / payment reminder is not the order reminder: there is no invoice template here).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case

# Thursday 11 February 2027 (ISO week 6, an even week).
HELD_OUT_V5_TODAY = dt.date(2027, 2, 11)

HELD_OUT_V5_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 101,
        "name": "Bestillingsskjema - ukas fangst",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill fisk og sjømat for neste uke",
    },
    {
        "id": 102,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Husk bestillingsfristen!",
    },
    {
        "id": 103,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt bestillingen din",
    },
    {
        "id": 104,
        "name": "Velkommen",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson"],
        "subject": "Velkommen som kunde hos Saltstraum Sjømat",
    },
    {
        "id": 105,
        "name": "Dagens fangst",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Ferskt fra kaia i dag - dagens tilbud",
    },
    {
        "id": 106,
        "name": "Prisliste",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Ny prisliste for sesongen",
    },
    {
        "id": 107,
        "name": "Monthly newsletter",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra havet - månedsbrev",
    },
    {
        "id": 108,
        "name": "Delivery notice",
        "category": "delivery",
        "variables": ["kunde_navn", "leveringstid", "sjafor"],
        "subject": "Leveringen din er på vei",
    },
    {
        "id": 109,
        "name": "Skreisesongen",
        "category": "sesong",
        "variables": ["kunde_navn", "bestilling_link"],
        "subject": "Skreien er her - forhåndsbestill nå",
    },
]

HELD_OUT_V5_GROUPS: list[GroupInfo] = [
    {"slug": "restauranter", "name": "Restauranter", "size": 46},
    {"slug": "hoteller", "name": "Hoteller", "size": 12},
    {"slug": "fiskebutikker", "name": "Fiskebutikker", "size": 19},
    {"slug": "skolekantiner", "name": "Skolekantiner", "size": 27},
    {"slug": "skip", "name": "Skip og båter", "size": 8},
    {"slug": "sykehjem", "name": "Sykehjem og institusjoner", "size": 14},
    {"slug": "tromso", "name": "Tromsø-kunder", "size": 31},
]

HELD_OUT_V5_STAFF_GROUPS = ["salg", "lager", "sjåfører", "kontor"]


def held_out_v5_context() -> ParseContext:
    """The seafood wholesaler's templates, groups and staff groups, on ``HELD_OUT_V5_TODAY``."""
    return ParseContext(
        templates=[dict(t) for t in HELD_OUT_V5_TEMPLATES],  # type: ignore[misc]
        groups=[dict(g) for g in HELD_OUT_V5_GROUPS],  # type: ignore[misc]
        staff_groups=list(HELD_OUT_V5_STAFF_GROUPS),
        today=HELD_OUT_V5_TODAY,
        timezone="Europe/Oslo",
    )


# --- Small builders for the expected facts ----------------------------------------------------

SEND = "send_email"
ORDER = "create_order"
REPORT = "generate_report"


def _all() -> dict[str, Any]:
    return {"group": "all"}


def _g(slug: str) -> dict[str, Any]:
    return {"group": slug}


def _ev() -> dict[str, Any]:
    """The customer the event is about."""
    return {"event_customer": True}


def _at(day: str, time: str) -> dict[str, Any]:
    return {"day": day, "time": time}


def _delay(minutes: int) -> dict[str, Any]:
    return {"delay_minutes": minutes}


def _ms() -> dict[str, Any]:
    """Still not ordered in this run: the reminder / usual-order step of a chain."""
    return {"check": "orders_missing", "since": "execution_start"}


def _missing(**window: Any) -> dict[str, Any]:
    return {"check": "orders_missing", **window}


def _ordered(**window: Any) -> dict[str, Any]:
    return {"check": "has_ordered", **window}


def _weekly(day: str, time: str, **config: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "weekly", "days": [day], "time": time, **config}


def _daily(time: str, **config: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "daily", "time": time, **config}


def _monthly(time: str, **config: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "time": time, **config}


def _event(kind: str, **more: Any) -> dict[str, Any]:
    return {"type": "event_based", "event": kind, **more}


def _one(template: str | None, recipients: dict[str, Any], **more: Any) -> dict[str, Any]:
    """One send_email step with ``template``'s category and ``recipients``."""
    return {"steps": [SEND], "templates": [template], "recipients": [recipients], **more}


HELD_OUT_V5: list[Case] = [
    # === basic ==================================================================================
    # nb
    Case(
        "kan du sende bestillingsskjemaet te restaurantan kvar mandag kl 0800?",
        {
            **_weekly("monday", "08:00"),
            **_one("bestilling", _g("restauranter")),
            "triggers": [_at("monday", "08:00")],
            "conditions": [None],
        },
        "basic",
    ),
    # en
    Case(
        "every tuesday 7am send the order form to all our customers",
        {
            **_weekly("tuesday", "07:00"),
            **_one("bestilling", _all()),
            "triggers": [_at("tuesday", "07:00")],
            "conditions": [None],
        },
        "basic",
    ),
    # mix
    Case(
        "Hver fredag kl 13 send price list til hotels",
        {
            **_weekly("friday", "13:00"),
            **_one("prisliste", _g("hoteller")),
            "triggers": [_at("friday", "13:00")],
            "conditions": [None],
        },
        "basic",
    ),
    # nb
    Case(
        "Send dagens fangst til fiskebutikkene hver dag kl 06.30",
        {**_daily("06:30"), **_one("tilbud", _g("fiskebutikker")), "conditions": [None]},
        "basic",
    ),
    # nb
    Case(
        "Den 1. hver måned kl 09 send ny prisliste til alle",
        {**_monthly("09:00", day_of_month=1), **_one("prisliste", _all()), "conditions": [None]},
        "basic",
    ),
    # en
    Case(
        "On the 20th of each month at 10:00, send the newsletter to everybody",
        {
            **_monthly("10:00", day_of_month=20),
            **_one("newsletter", _all()),
            "conditions": [None],
        },
        "basic",
    ),
    # nb
    Case(
        "skjema til skolekantinene onsdager kl 1400 takk",
        {
            **_weekly("wednesday", "14:00"),
            **_one("bestilling", _g("skolekantiner")),
            "triggers": [_at("wednesday", "14:00")],
            "conditions": [None],
        },
        "basic",
    ),
    # en
    Case(
        "weekdays at 6:45 send todays catch to the restaurants pls",
        {
            **_daily("06:45", weekdays_only=True),
            **_one("tilbud", _g("restauranter")),
            "conditions": [None],
        },
        "basic",
    ),
    # nb
    Case(
        "Månedsrapport til sjefen@saltstraumsjomat.no den 5. hver mnd kl 8",
        {
            **_monthly("08:00", day_of_month=5),
            "steps": [REPORT],
            "send_to": ["sjefen@saltstraumsjomat.no"],
        },
        "basic",
    ),
    # nb
    Case(
        "æ vil at sykehjemman får skjemaet kvar torsdag klokka ni",
        {
            **_weekly("thursday", "09:00"),
            **_one("bestilling", _g("sykehjem")),
            "triggers": [_at("thursday", "09:00")],
            "conditions": [None],
        },
        "basic",
    ),
    # === chains =================================================================================
    # nb
    Case(
        "mandag 0900 skjema ut til alle kundene, så onsdag kl 14 purring te dem som ikkje har "
        "bestilt",
        {
            **_weekly("monday", "09:00"),
            "steps": [SEND, SEND],
            "triggers": [_at("monday", "09:00"), _at("wednesday", "14:00")],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_all(), _all()],
        },
        "chains",
    ),
    # en
    Case(
        "Order form to the hotels Tuesday 8am, reminder Thursday noon, and Friday 9am put in "
        "their usual order if they still haven't ordered",
        {
            **_weekly("tuesday", "08:00"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("tuesday", "08:00"),
                _at("thursday", "12:00"),
                _at("friday", "09:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("hoteller")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # nb
    Case(
        "send skjema til båtan søndag kl 18, og påminnelse mandag og tirsdag kl 10 til dem som "
        "ikke har bestilt",
        {
            **_weekly("sunday", "18:00"),
            "steps": [SEND, SEND, SEND],
            "triggers": [
                _at("sunday", "18:00"),
                _at("monday", "10:00"),
                _at("tuesday", "10:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder"],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("skip")] * 3,
        },
        "chains",
    ),
    # mix
    Case(
        "Mandag kl 10: order form til fiskebutikkene. Onsdag kl 12: reminder. Torsdag kl 8: lag "
        "vanlig bestilling for de som fortsatt mangler.",
        {
            **_weekly("monday", "10:00"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("monday", "10:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "08:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("fiskebutikker")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # nb
    Case(
        "Hei, vi trenger noe sånn at alle restaurantene får bestillingsskjema for ukas fangst "
        "hver fredag klokka 11, og hvis de ikke har bestilt innen mandag kl 9 så må de få en "
        "påminnelse, og tirsdag kl 9 legger vi bare inn det de pleier å bestille for dem som "
        "fortsatt ikke har gjort noe",
        {
            **_weekly("friday", "11:00"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("friday", "11:00"),
                _at("monday", "09:00"),
                _at("tuesday", "09:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("restauranter")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # en
    Case(
        "mon 9 form, wed 3pm + thu 3pm reminders to whoever hasnt ordered, fri 8am weekly "
        "orders report to salg@saltstraumsjomat.no",
        {
            **_weekly("monday", "09:00"),
            "steps": [SEND, SEND, SEND, REPORT],
            "triggers": [
                _at("monday", "09:00"),
                _at("wednesday", "15:00"),
                _at("thursday", "15:00"),
                _at("friday", "08:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder", None],
            "report": "weekly_orders",
            "send_to": ["salg@saltstraumsjomat.no"],
        },
        "chains",
    ),
    # nb
    Case(
        "Send skjema torsdag kl 12 til skolekantinene. Fredag kl 10 en purring. Mandag kl 07 "
        "legg inn standardbestillingen deres hvis de ikke har bestilt ennå",
        {
            **_weekly("thursday", "12:00"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("thursday", "12:00"),
                _at("friday", "10:00"),
                _at("monday", "07:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("skolekantiner")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # mix
    Case(
        "hver mandag kl 8 skjema til Tromsø-kundene, reminders tue, wed og thu kl 11 til dem "
        "som ikke har bestilt ennå",
        {
            **_weekly("monday", "08:00"),
            "steps": [SEND, SEND, SEND, SEND],
            "triggers": [
                _at("monday", "08:00"),
                _at("tuesday", "11:00"),
                _at("wednesday", "11:00"),
                _at("thursday", "11:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder", "reminder"],
            "conditions": [None, _ms(), _ms(), _ms()],
            "recipients": [_g("tromso")] * 4,
        },
        "chains",
    ),
    # en
    Case(
        "Send the order form to everyone Wednesday at 10. Friday 2pm: remind the ones who still "
        "haven't ordered.",
        {
            **_weekly("wednesday", "10:00"),
            "steps": [SEND, SEND],
            "triggers": [_at("wednesday", "10:00"), _at("friday", "14:00")],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_all(), _all()],
        },
        "chains",
    ),
    # nb
    Case(
        "Vi trenger:\n- skjema mandag 07:30 til sykehjemmene\n- påminnelse tirsdag 12:00\n"
        "- onsdag 08:00 bestill det vanlige for de som ikke har bestilt",
        {
            **_weekly("monday", "07:30"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("monday", "07:30"),
                _at("tuesday", "12:00"),
                _at("wednesday", "08:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("sykehjem")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # mix
    Case(
        "send order form saturday 10am to the boats, reminder sunday 4pm, så mandag kl 6 legg "
        "inn det vanlige for dem som fortsatt ikke har bestilt",
        {
            **_weekly("saturday", "10:00"),
            "steps": [SEND, SEND, ORDER],
            "triggers": [
                _at("saturday", "10:00"),
                _at("sunday", "16:00"),
                _at("monday", "06:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("skip")] * 3,
            "mode": "repeat_last",
        },
        "chains",
    ),
    # nb
    Case(
        "Send bestillingsskjema hver mandag kl 9 og påminnelse torsdag kl 15 til de som ikke har "
        "bestilt, og fredag kl 12 en rapport til daglig.leder@saltstraumsjomat.no over hvem som "
        "fortsatt ikke har bestilt",
        {
            **_weekly("monday", "09:00"),
            "steps": [SEND, SEND, REPORT],
            "triggers": [
                _at("monday", "09:00"),
                _at("thursday", "15:00"),
                _at("friday", "12:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "report": "orders_missing",
            "send_to": ["daglig.leder@saltstraumsjomat.no"],
        },
        "chains",
    ),
    # nb
    Case(
        "skjema mandag kl 8 til restaurantene, så samme dag kl 14 en påminnelse til dem som "
        "ikke har bestilt",
        {
            **_weekly("monday", "08:00"),
            "steps": [SEND, SEND],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_g("restauranter"), _g("restauranter")],
        },
        "chains",
    ),
    # nb
    Case(
        "kvar fredag kl 10 send prislista te hotellan, og mandagen etter kl 9 skjemaet",
        {
            **_weekly("friday", "10:00"),
            "steps": [SEND, SEND],
            "triggers": [_at("friday", "10:00"), _at("monday", "09:00")],
            "templates": ["prisliste", "bestilling"],
            "conditions": [None, None],
            "recipients": [_g("hoteller"), _g("hoteller")],
        },
        "chains",
    ),
    # en
    Case(
        "we need this: thursday 1pm the order form goes to the fish shops and restaurants "
        "group... no sorry just fish shops. friday 9 and saturday 9 remind them if no order yet",
        {
            **_weekly("thursday", "13:00"),
            "steps": [SEND, SEND, SEND],
            "triggers": [
                _at("thursday", "13:00"),
                _at("friday", "09:00"),
                _at("saturday", "09:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder"],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("fiskebutikker")] * 3,
        },
        "chains",
    ),
    # === conditions =============================================================================
    # nb
    Case(
        "Purring onsdag kl 12 til restaurantan som ikke har bestilt siden mandag",
        {
            **_weekly("wednesday", "12:00"),
            **_one("reminder", _g("restauranter")),
            "triggers": [_at("wednesday", "12:00")],
            "conditions": [_missing(since="last_monday")],
        },
        "conditions",
    ),
    # en
    Case(
        "Every day at 11 remind anyone who hasn't ordered in the last 3 days",
        {
            **_daily("11:00"),
            **_one("reminder", _all()),
            "conditions": [_missing(days_back=3)],
        },
        "conditions",
    ),
    # nb
    Case(
        "fredag kl 14 send prislista bare til fiskebutikkene som har bestilt noe siden mandag",
        {
            **_weekly("friday", "14:00"),
            **_one("prisliste", _g("fiskebutikker")),
            "triggers": [_at("friday", "14:00")],
            "conditions": [_ordered(since="last_monday")],
        },
        "conditions",
    ),
    # mix
    Case(
        "every monday 10am skjema til skipene som ikke har bestilt på 14 dager",
        {
            **_weekly("monday", "10:00"),
            **_one("bestilling", _g("skip")),
            "triggers": [_at("monday", "10:00")],
            "conditions": [_missing(days_back=14)],
        },
        "conditions",
    ),
    # nb
    Case(
        "tirsdag kl 13 send påminnelse te alle som ikkje har bestilt sia fredag",
        {
            **_weekly("tuesday", "13:00"),
            **_one("reminder", _all()),
            "triggers": [_at("tuesday", "13:00")],
            "conditions": [_missing(since="last_friday")],
        },
        "conditions",
    ),
    # nb
    Case(
        "Send dagens fangst hver hverdag kl 7 til de hotellene som har bestilt de siste 30 dagene",
        {
            **_daily("07:00", weekdays_only=True),
            **_one("tilbud", _g("hoteller")),
            "conditions": [_ordered(days_back=30)],
        },
        "conditions",
    ),
    # en
    Case(
        "Thursdays 2pm: reminder to school canteens that haven't placed an order since Monday",
        {
            **_weekly("thursday", "14:00"),
            **_one("reminder", _g("skolekantiner")),
            "triggers": [_at("thursday", "14:00")],
            "conditions": [_missing(since="last_monday")],
        },
        "conditions",
    ),
    # mix
    Case(
        "Hver søndag kl 18 send order form til alle som ikke har handlet på 3 uker",
        {
            **_weekly("sunday", "18:00"),
            **_one("bestilling", _all()),
            "triggers": [_at("sunday", "18:00")],
            "conditions": [_missing(days_back=21)],
        },
        "conditions",
    ),
    # === calendar ===============================================================================
    # nb
    Case(
        "annenhver tirsdag kl 10 send skjema til fiskebutikkene, første gang 16. februar",
        {
            **_weekly("tuesday", "10:00", every_weeks=2, anchor="2027-02-16"),
            **_one("bestilling", _g("fiskebutikker")),
        },
        "calendar",
    ),
    # en
    Case(
        "every other friday 9am send the price list to hotels",
        {
            **_weekly("friday", "09:00", every_weeks=2, anchor="2027-02-12"),
            **_one("prisliste", _g("hoteller")),
        },
        "calendar",
    ),
    # nb
    Case(
        "hver tredje mandag kl 07 send skjema til skipene, start 1. mars",
        {
            **_weekly("monday", "07:00", every_weeks=3, anchor="2027-03-01"),
            **_one("bestilling", _g("skip")),
        },
        "calendar",
    ),
    # en
    Case(
        "every 2nd week on wednesdays at 11, starting march 3rd, send the order form to the "
        "nursing homes",
        {
            **_weekly("wednesday", "11:00", every_weeks=2, anchor="2027-03-03"),
            **_one("bestilling", _g("sykehjem")),
        },
        "calendar",
    ),
    # nb
    Case(
        "i partallsuker, onsdag kl 12: dagens fangst til restaurantene",
        {
            **_weekly("wednesday", "12:00", iso_weeks="even"),
            **_one("tilbud", _g("restauranter")),
        },
        "calendar",
    ),
    # en
    Case(
        "odd weeks only - mondays 8am, order form to the school canteens",
        {
            **_weekly("monday", "08:00", iso_weeks="odd"),
            **_one("bestilling", _g("skolekantiner")),
        },
        "calendar",
    ),
    # nb
    Case(
        "første mandag i måneden kl 08 send prisliste til alle",
        {**_monthly("08:00", weekday="monday", nth=1), **_one("prisliste", _all())},
        "calendar",
    ),
    # en
    Case(
        "last friday of every month at 15:00 send the newsletter to all customers",
        {**_monthly("15:00", weekday="friday", nth=-1), **_one("newsletter", _all())},
        "calendar",
    ),
    # nb
    Case(
        "andre tirsdag hver mnd kl 0930 månedsbrev til hotellene",
        {
            **_monthly("09:30", weekday="tuesday", nth=2),
            **_one("newsletter", _g("hoteller")),
        },
        "calendar",
    ),
    # mix
    Case(
        "3. onsdag i måneden kl 10 send order form til sykehjemmene",
        {
            **_monthly("10:00", weekday="wednesday", nth=3),
            **_one("bestilling", _g("sykehjem")),
        },
        "calendar",
    ),
    # mix
    Case(
        "4th thursday of the month kl 14, prislista til Tromsø-kundene",
        {
            **_monthly("14:00", weekday="thursday", nth=4),
            **_one("prisliste", _g("tromso")),
        },
        "calendar",
    ),
    # mix
    Case(
        "first business day i måneden kl 8 send ny prisliste til alle kunder",
        {**_monthly("08:00", business_day=1), **_one("prisliste", _all())},
        "calendar",
    ),
    # en
    Case(
        "last business day of each month at 4pm email a report of who hasn't ordered to "
        "okonomi@saltstraumsjomat.no",
        {
            **_monthly("16:00", business_day=-1),
            "steps": [REPORT],
            "report": "orders_missing",
            "send_to": ["okonomi@saltstraumsjomat.no"],
        },
        "calendar",
    ),
    # nb
    Case(
        "nest siste virkedag hver måned kl 12 send påminnelse til restaurantene",
        {**_monthly("12:00", business_day=-2), **_one("reminder", _g("restauranter"))},
        "calendar",
    ),
    # nb
    Case(
        "3. virkedag i mnd kl 9 send månedsbrevet til alle",
        {**_monthly("09:00", business_day=3), **_one("newsletter", _all())},
        "calendar",
    ),
    # nb
    Case(
        "kvar virkedag kl 06 send dagens fangst te restaurantan",
        {**_daily("06:00", business_days_only=True), **_one("tilbud", _g("restauranter"))},
        "calendar",
    ),
    # en
    Case(
        "every business day at 7:15 send today's catch to the fish shops",
        {**_daily("07:15", business_days_only=True), **_one("tilbud", _g("fiskebutikker"))},
        "calendar",
    ),
    # nb
    Case(
        "kvar virkedag kl 15 påminnelse te dem som ikkje har bestilt dei siste 2 dagan",
        {
            **_daily("15:00", business_days_only=True),
            **_one("reminder", _all()),
            "conditions": [_missing(days_back=2)],
        },
        "calendar",
    ),
    # nb
    Case(
        "Hver mandag kl 9 skjema til alle - er mandagen en helligdag, send på tirsdagen i stedet",
        {
            **_weekly("monday", "09:00", holiday_policy="next_business_day"),
            **_one("bestilling", _all()),
        },
        "calendar",
    ),
    # nb
    Case(
        "fredager kl 10 prisliste til hotellene, men hopp over helligdager",
        {
            **_weekly("friday", "10:00", holiday_policy="skip"),
            **_one("prisliste", _g("hoteller")),
        },
        "calendar",
    ),
    # en
    Case(
        "every thursday 2pm order form to the restaurants; if it's a public holiday, send it "
        "the working day before instead",
        {
            **_weekly("thursday", "14:00", holiday_policy="previous_business_day"),
            **_one("bestilling", _g("restauranter")),
        },
        "calendar",
    ),
    # mix
    Case(
        "siste fredag i mnd kl 12 newsletter til alle, også på helligdager",
        {
            **_monthly("12:00", weekday="friday", nth=-1, holiday_policy="run"),
            **_one("newsletter", _all()),
        },
        "calendar",
    ),
    # nb
    Case(
        "den 15. hver måned kl 10 send prislista til sykehjemmene; faller den på en helligdag, "
        "send virkedagen før",
        {
            **_monthly("10:00", day_of_month=15, holiday_policy="previous_business_day"),
            **_one("prisliste", _g("sykehjem")),
        },
        "calendar",
    ),
    # nb
    Case(
        "siste dag i måneden kl 18 send månedsrapport til regnskap@saltstraumsjomat.no",
        {
            **_monthly("18:00", day_of_month="last"),
            "steps": [REPORT],
            "send_to": ["regnskap@saltstraumsjomat.no"],
        },
        "calendar",
    ),
    # mix
    Case(
        "annenhver onsdag kl 0800 send skjema til restaurantene, and skip public holidays",
        {
            **_weekly(
                "wednesday", "08:00", every_weeks=2, anchor="2027-02-17", holiday_policy="skip"
            ),
            **_one("bestilling", _g("restauranter")),
        },
        "calendar",
    ),
    # en
    Case(
        "Monday 10am every week, fish shops get the order form. When Monday is a bank holiday "
        "push it to the next business day",
        {
            **_weekly("monday", "10:00", holiday_policy="next_business_day"),
            **_one("bestilling", _g("fiskebutikker")),
        },
        "calendar",
    ),
    # === events =================================================================================
    # nb
    Case(
        "Når en ny kunde registrerer seg, send velkomstmail",
        {**_event("customer.created"), **_one("velkomst", _ev())},
        "events",
    ),
    # en
    Case(
        "send the order confirmation every time an order comes in",
        {**_event("order.created"), **_one("confirmation", _ev())},
        "events",
    ),
    # nb
    Case(
        "når vi får ny kunde så send dæm prislista med en gang",
        {**_event("customer.created"), **_one("prisliste", _ev())},
        "events",
    ),
    # mix
    Case(
        "ny ordre → send confirmation til kunden",
        {**_event("order.created"), **_one("confirmation", _ev())},
        "events",
    ),
    # en
    Case(
        "Whenever a new customer is added, send them the welcome email and the order form",
        {
            **_event("customer.created"),
            "steps": [SEND, SEND],
            "templates": ["velkomst", "bestilling"],
            "recipients": [_ev(), _ev()],
        },
        "events",
    ),
    # nb
    Case(
        "Når webhooken «fangst-landet» kommer, send dagens fangst til alle restaurantene",
        {
            **_event("webhook", event_name="fangst-landet"),
            **_one("tilbud", _g("restauranter")),
        },
        "events",
    ),
    # en
    Case(
        "when our 'truck-departed' webhook fires, email the delivery notice to the Tromsø "
        "customers",
        {
            **_event("webhook", event_name="truck-departed"),
            **_one("delivery", _g("tromso")),
        },
        "events",
    ),
    # nb
    Case(
        "ved hver nye bestilling: send ordrebekreftelse",
        {**_event("order.created"), **_one("confirmation", _ev())},
        "events",
    ),
    # mix
    Case(
        "new kunde i systemet? send velkommen-mailen",
        {**_event("customer.created"), **_one("velkomst", _ev())},
        "events",
    ),
    # nb
    Case(
        "webhook 'isfrakt-klar' → send leveringsvarsel til skipene",
        {**_event("webhook", event_name="isfrakt-klar"), **_one("delivery", _g("skip"))},
        "events",
    ),
    # === delays =================================================================================
    # nb
    Case(
        "Når en kunde bestiller: send bekreftelse med en gang, og leveringsvarsel 2 timer etter",
        {
            **_event("order.created"),
            "steps": [SEND, SEND],
            "triggers": [None, _delay(120)],
            "templates": ["confirmation", "delivery"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # en
    Case(
        "new customer -> welcome mail right away, then the price list 3 days later",
        {
            **_event("customer.created"),
            "steps": [SEND, SEND],
            "triggers": [None, _delay(3 * 24 * 60)],
            "templates": ["velkomst", "prisliste"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # mix
    Case(
        "ny ordre → leveringsvarsel 30 min etter",
        {**_event("order.created"), **_one("delivery", _ev()), "triggers": [_delay(30)]},
        "delays",
    ),
    # nb
    Case(
        "Mandag kl 9 skjema til hotellene, og halvannen time etterpå prislista",
        {
            **_weekly("monday", "09:00"),
            "steps": [SEND, SEND],
            "triggers": [_at("monday", "09:00"), _delay(90)],
            "templates": ["bestilling", "prisliste"],
            "conditions": [None, None],
            "recipients": [_g("hoteller"), _g("hoteller")],
        },
        "delays",
    ),
    # en
    Case(
        "When a customer signs up send the welcome email immediately and the order form 1 hour "
        "later",
        {
            **_event("customer.created"),
            "steps": [SEND, SEND],
            "triggers": [None, _delay(60)],
            "templates": ["velkomst", "bestilling"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # nb
    Case(
        "ny kunde: velkomst straks, skjema etter 2 døgn",
        {
            **_event("customer.created"),
            "steps": [SEND, SEND],
            "triggers": [None, _delay(2 * 24 * 60)],
            "templates": ["velkomst", "bestilling"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # === templates_by_meaning ===================================================================
    # nb
    Case(
        "hver mandag kl 10 send ut mailen med ferske tilbud fra kaia til restaurantene",
        {
            **_weekly("monday", "10:00"),
            **_one("tilbud", _g("restauranter")),
            "triggers": [_at("monday", "10:00")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "Send the price sheet to all fish shops every Monday at 7",
        {
            **_weekly("monday", "07:00"),
            **_one("prisliste", _g("fiskebutikker")),
            "triggers": [_at("monday", "07:00")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "send ut månedsbrevet den 1. hver mnd kl 9 til alle",
        {**_monthly("09:00", day_of_month=1), **_one("newsletter", _all())},
        "templates_by_meaning",
    ),
    # en
    Case(
        "on the 10th each month at 8 send the news letter to hotels",
        {**_monthly("08:00", day_of_month=10), **_one("newsletter", _g("hoteller"))},
        "templates_by_meaning",
    ),
    # nb
    Case(
        "skrei-kampanjen til alle restaurantene hver tirsdag kl 9",
        {
            **_weekly("tuesday", "09:00"),
            **_one("sesong", _g("restauranter")),
            "triggers": [_at("tuesday", "09:00")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "every friday at 10 send the cod season email to the hotels",
        {
            **_weekly("friday", "10:00"),
            **_one("sesong", _g("hoteller")),
            "triggers": [_at("friday", "10:00")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "send beskjed om at varene er på vei til skipene hver søndag kl 20",
        {
            **_weekly("sunday", "20:00"),
            **_one("delivery", _g("skip")),
            "triggers": [_at("sunday", "20:00")],
        },
        "templates_by_meaning",
    ),
    # mix
    Case(
        "hver fredag kl 15 send ut 'husk å bestille'-mailen til alle som ikke har bestilt "
        "siden mandag",
        {
            **_weekly("friday", "15:00"),
            **_one("reminder", _all()),
            "triggers": [_at("friday", "15:00")],
            "conditions": [_missing(since="last_monday")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "every wednesday at 9am send the ordering form to nursing homes",
        {
            **_weekly("wednesday", "09:00"),
            **_one("bestilling", _g("sykehjem")),
            "triggers": [_at("wednesday", "09:00")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "send bestillingslista for ukas fangst til skolekantinene mandager halv ni",
        {
            **_weekly("monday", "08:30"),
            **_one("bestilling", _g("skolekantiner")),
            "triggers": [_at("monday", "08:30")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "send prisoversikten til hotellene første virkedag i mnd kl 8",
        {**_monthly("08:00", business_day=1), **_one("prisliste", _g("hoteller"))},
        "templates_by_meaning",
    ),
    # en
    Case(
        "Thursdays at noon, email our catch of the day offer to restaurants",
        {
            **_weekly("thursday", "12:00"),
            **_one("tilbud", _g("restauranter")),
            "triggers": [_at("thursday", "12:00")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "Kan dere sende en velkomsthilsen til nye kunder når de blir registrert?",
        {**_event("customer.created"), **_one("velkomst", _ev())},
        "templates_by_meaning",
    ),
    # === new_templates ==========================================================================
    # nb
    Case(
        "Hver fredag kl 12 send ukas oppskrift til restaurantene",
        {
            **_weekly("friday", "12:00"),
            **_one("new", _g("restauranter")),
            "triggers": [_at("friday", "12:00")],
        },
        "new_templates",
    ),
    # en
    Case(
        "first monday every month 8am send an allergen info update to the school canteens",
        {**_monthly("08:00", weekday="monday", nth=1), **_one("new", _g("skolekantiner"))},
        "new_templates",
    ),
    # mix
    Case(
        "den 15. hver måned kl 10 send a customer survey til hotellene",
        {**_monthly("10:00", day_of_month=15), **_one("new", _g("hoteller"))},
        "new_templates",
    ),
    # nb
    Case(
        "send fakturapåminnelse til alle kunder den 20. hver mnd kl 9",
        {**_monthly("09:00", day_of_month=20), **_one("new", _all())},
        "new_templates",
    ),
    # mix
    Case(
        "hver mandag kl 08 send ut ukas åpningstider på kaia til all customers",
        {
            **_weekly("monday", "08:00"),
            **_one("new", _all()),
            "triggers": [_at("monday", "08:00")],
        },
        "new_templates",
    ),
    # en
    Case(
        "every tuesday 10am send the food safety checklist to the nursing homes",
        {
            **_weekly("tuesday", "10:00"),
            **_one("new", _g("sykehjem")),
            "triggers": [_at("tuesday", "10:00")],
        },
        "new_templates",
    ),
    # === must_ask ===============================================================================
    # nb
    Case("hei! ka skjer", "question", "must_ask"),
    # nb
    Case("kan du fikse det med skreien te båtan", "question", "must_ask"),
    # nb
    Case("send prislista te hotellan kvar måned", "question", "must_ask"),
    # en
    Case("Send the newsletter monthly to everyone", "question", "must_ask"),
    # nb
    Case("send skjema annenhver uke kl 10", "question", "must_ask"),
    # en
    Case("order form every other week pls, 9am", "question", "must_ask"),
    # nb
    Case("Send skjema kl 9", "question", "must_ask"),
    # nb
    Case("send en mail til restaurantene", "question", "must_ask"),
    # nb
    Case("Påminnelse til dem som ikke har bestilt", "question", "must_ask"),
    # nb
    Case("Send skjema te barnehagan kvar mandag kl 9", "question", "must_ask"),
    # en
    Case("send the order form to the kindergartens every friday at 10", "question", "must_ask"),
    # nb
    Case("hver mandag kl 15 om morran send dagens fangst", "question", "must_ask"),
    # nb
    Case("send prislista den 35. hver mnd kl 10", "question", "must_ask"),
    # nb
    Case("når det skjer noe med en kunde, send en mail", "question", "must_ask"),
    # nb
    Case("Slett alle kunder som ikke har bestilt på et år", "question", "must_ask"),
    # en
    Case(
        "every monday at 9 send the order form, no wait, tuesday. or monday? idk",
        "question",
        "must_ask",
    ),
    # nb
    Case("hver hverdag kl 8 send dagens fangst, men bare i helgene", "question", "must_ask"),
    # mix
    Case("auto-order for alle som ikke har bestilt", "question", "must_ask"),
    # nb
    Case("siste virkedag i mnd kl 15", "question", "must_ask"),
]
