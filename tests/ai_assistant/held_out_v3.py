"""Held-out phrasing set v3 for the offline assistant: measured once, at the end.

Written from the format docs (workflow-format.md, "Calendar schedules"), nl-examples.md and
issues 19 and 20 only, without looking at the parser or at the other phrasing sets, so that it
measures how the parser generalises to phrasings nobody tuned it on. The texts are written as
users of a Norwegian wholesaler type into a chat: short, sloppy, abbreviated, with typos, in
Norwegian, English and a mix of both.

Each case has a language tag in the comment above it (``nb``, ``en`` or ``mix``).

``expected`` is ``"question"`` (ask back, create nothing) or the key facts the text clearly
determines; facts the text leaves open are left out. Conventions used here:

- ``triggers`` of the first step of a weekly workflow repeat the schedule's day and time, as in
  the running example of workflow-format.md; ``triggers`` are left out of daily and monthly
  chains, where that first-step form is less settled.
- A ``notify_staff`` step's ``recipients`` are the customers it tells about (the audience of
  the step before it, or the event's customer); ``templates`` are left out of cases with a
  ``notify_staff`` step.
- One phrase naming several days for the same action gives one step per day, and the
  schedule's ``days`` is then the first of them.

  Changed on 2026-12-07 (h-kinds), after this set was no longer held out: where such a phrase
  is the whole request (no other step), the four cases marked "re-encoded" now expect one step
  on a weekly schedule on those ``days`` instead. Both encodings are valid in
  workflow-format.md; held-out v4, v5 and v6 (and the issue) give one step per day only in a
  chain, and v6 expects the ``days`` schedule for an action on its own, so the parser follows
  that and this set's four cases were re-encoded to it (same days, time, audience, template
  and condition).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case

# Monday 7 December 2026 (ISO week 50, an even week).
HELD_OUT_V3_TODAY = dt.date(2026, 12, 7)

HELD_OUT_V3_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1,
        "name": "Bestillingsskjema",
        "category": "bestilling",
        "subject": "Ukens bestillingsskjema - bestill innen torsdag",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 2,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "subject": "Husk å bestille denne uken",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 3,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk for bestillingen din",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 4,
        "name": "Velkommen som kunde",
        "category": "welcome",
        "subject": "Velkommen til Grossisten!",
        "variables": ["kunde_navn"],
    },
    {
        "id": 5,
        "name": "Prisliste",
        "category": "prisliste",
        "subject": "Oppdaterte priser fra Grossisten",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 6,
        "name": "Månedsbrev",
        "category": "nyhetsbrev",
        "subject": "Nytt fra oss denne måneden",
        "variables": ["kunde_navn"],
    },
    {
        "id": 7,
        "name": "Ukens tilbud",
        "category": "tilbud",
        "subject": "Ukens kampanjevarer",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 8,
        "name": "Betalingspåminnelse",
        "category": "faktura",
        "subject": "Ubetalt faktura har forfalt",
        "variables": ["kunde_navn", "faktura_nummer", "belop"],
    },
    {
        "id": 9,
        "name": "Leveringsvarsel",
        "category": "levering",
        "subject": "Varene dine kommer i morgen",
        "variables": ["kunde_navn", "leveringsdato"],
    },
    {
        "id": 10,
        "name": "Julehilsen",
        "category": "sesong",
        "subject": "God jul fra alle oss i Grossisten",
        "variables": ["kunde_navn"],
    },
]

HELD_OUT_V3_GROUPS: list[GroupInfo] = [
    {"slug": "butikker", "name": "Butikker"},
    {"slug": "kafeer", "name": "Kafeer"},
    {"slug": "restauranter", "name": "Restauranter"},
    {"slug": "hoteller", "name": "Hoteller"},
    {"slug": "kantiner", "name": "Kantiner"},
    {"slug": "bakerier", "name": "Bakerier"},
]

HELD_OUT_V3_STAFF_GROUPS = ["salg", "lager", "kundeservice"]


def _all() -> dict[str, Any]:
    return {"group": "all"}


def _g(slug: str) -> dict[str, Any]:
    return {"group": slug}


def _ev() -> dict[str, Any]:
    return {"event_customer": True}


def _at(day: str, time: str) -> dict[str, Any]:
    return {"day": day, "time": time}


def _delay(minutes: int) -> dict[str, Any]:
    return {"delay_minutes": minutes}


def _om_start() -> dict[str, Any]:
    return {"check": "orders_missing", "since": "execution_start"}


def _om_monday() -> dict[str, Any]:
    return {"check": "orders_missing", "since": "last_monday"}


def _om_days(n: int) -> dict[str, Any]:
    return {"check": "orders_missing", "days_back": n}


HELD_OUT_V3: list[Case] = [
    # ---------------------------------------------------------------- basic
    # nb
    Case(
        "hver man kl 9 skjema til alle kundene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
            "conditions": [None],
        },
        "basic",
    ),
    # en
    Case(
        "send the order form every tuesday morning at 7:30",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "07:30",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    # nb
    Case(
        "Bestillingskjema ut til alle hver dag kl 6",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "basic",
    ),
    # en
    Case(
        "every weekday at 8 send the order form to the cafes",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "08:00",
            "weekdays_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kafeer")],
        },
        "basic",
    ),
    # mix
    Case(
        "send order form hver fredag kl halv ti",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "09:30",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    # nb
    Case(
        "den 1. hver mnd kl 08 send skjema til alle",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "basic",
    ),
    # en
    Case(
        "Every Friday at 11, remind everyone who hasn't ordered in the past week",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "11:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [_all()],
            "conditions": [_om_days(7)],
        },
        "basic",
    ),
    # nb
    Case(
        "purring hver torsdag kl 15 te dem som ikke har handla på to uker",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "15:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_om_days(14)],
        },
        "basic",
    ),
    # nb
    Case(
        "hver onsdag kvart over 8 send skjema til kafeene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "08:15",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kafeer")],
        },
        "basic",
    ),
    # mix
    Case(
        "torsdager kl 16: order form -> alle kunder",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "16:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "basic",
    ),
    # --------------------------------------------------------------- chains
    # nb
    Case(
        "mandag kl 8 skjema til butikkene, onsdag kl 12 purring til de som ikke har bestilt, "
        "og fredag kl 10 legger du inn den vanlige ordren for dem som fortsatt ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "12:00"),
                _at("friday", "10:00"),
            ],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_g("butikker"), _g("butikker"), _g("butikker")],
            "templates": ["bestilling", "reminder", None],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # en
    Case(
        "Mon 7am order form to the restaurants. Wed 2pm nudge whoever hasnt ordered yet. "
        "Thu 9am email a list of who's still missing to salg@grossisten.no",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "generate_report"],
            "triggers": [
                _at("monday", "07:00"),
                _at("wednesday", "14:00"),
                _at("thursday", "09:00"),
            ],
            "recipients": [_g("restauranter"), _g("restauranter"), None],
            "templates": ["bestilling", "reminder", None],
            "report": "orders_missing",
            "send_to": ["salg@grossisten.no"],
        },
        "chains",
    ),
    # mix
    Case(
        "skjema mandag kl 9, reminder torsdag kl 15, og fredag kl 9 gi beskjed til salg "
        "om hvem som fortsatt ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "notify_staff"],
            "triggers": [
                _at("monday", "09:00"),
                _at("thursday", "15:00"),
                _at("friday", "09:00"),
            ],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_all(), _all(), _all()],
            "staff_group": "salg",
        },
        "chains",
    ),
    # nb
    Case(
        "Ny kunde registrert: send velkomstmail og si fra til salg med en gang, "
        "og to dager etter sender du prislista",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "notify_staff", "send_email"],
            "triggers": [None, None, _delay(2880)],
            "recipients": [_ev(), _ev(), _ev()],
            "staff_group": "salg",
        },
        "chains",
    ),
    # en
    Case(
        "Every Monday at 8 order form to the cafés, Tuesday 3pm reminder to the ones who "
        "haven't ordered, Wednesday 3pm one more reminder, then Thursday 10am send a summary "
        "of the run to ops@grossisten.no",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "send_email", "generate_report"],
            "triggers": [
                _at("monday", "08:00"),
                _at("tuesday", "15:00"),
                _at("wednesday", "15:00"),
                _at("thursday", "10:00"),
            ],
            "conditions": [None, _om_start(), _om_start(), None],
            "recipients": [_g("kafeer"), _g("kafeer"), _g("kafeer"), None],
            "templates": ["bestilling", "reminder", "reminder", None],
            "report": "execution_summary",
            "send_to": ["ops@grossisten.no"],
        },
        "chains",
    ),
    # nb
    Case(
        "hver fredag kl 14 send ukens tilbud til hotellene, 3 timer etter purring til de som "
        "ikke har bestilt, og mandag kl 9 bestill det vanlige for dem som ennå ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [_at("friday", "14:00"), _delay(180), _at("monday", "09:00")],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_g("hoteller"), _g("hoteller"), _g("hoteller")],
            "templates": ["tilbud", "reminder", None],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # en
    Case(
        "every weekday at 6am send the order form to the canteens, at 10 remind the ones who "
        "havent ordered since, and at 11 put in their standing order if they still haven't",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:00",
            "weekdays_only": True,
            "steps": ["send_email", "send_email", "create_order"],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_g("kantiner"), _g("kantiner"), _g("kantiner")],
            "templates": ["bestilling", "reminder", None],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # nb
    Case(
        "Første virkedag i måneden kl 8: prisliste til restaurantene. To timer etter: "
        "påminnelse til de som ikke har bestilt. Kl 16 samme dag: rapport over kjøringen "
        "til sjef@grossisten.no",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": 1,
            "time": "08:00",
            "steps": ["send_email", "send_email", "generate_report"],
            "conditions": [None, _om_start(), None],
            "recipients": [_g("restauranter"), _g("restauranter"), None],
            "templates": ["prisliste", "reminder", None],
            "report": "execution_summary",
            "send_to": ["sjef@grossisten.no"],
        },
        "chains",
    ),
    # ------------------------------------------------------------ multi_day
    # nb
    Case(
        "skjema mandag kl 9 til alle, purring onsdag og torsdag kl 14 til dem som ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "09:00"),
                _at("wednesday", "14:00"),
                _at("thursday", "14:00"),
            ],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_all(), _all(), _all()],
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    # en
    Case(
        "order form monday 8am to the bakeries, reminders wed and fri at 1pm for anyone who "
        "hasn't ordered",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "13:00"),
                _at("friday", "13:00"),
            ],
            "conditions": [None, _om_start(), _om_start()],
            "recipients": [_g("bakerier"), _g("bakerier"), _g("bakerier")],
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    # mix
    Case(
        "reminder tirsdag, onsdag og torsdag kl 15 til kafeene som ikke har bestilt siden mandag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday", "wednesday", "thursday"],  # re-encoded, see the docstring
            "time": "15:00",
            "steps": ["send_email"],
            "conditions": [_om_monday()],
            "recipients": [_g("kafeer")],
            "templates": ["reminder"],
        },
        "multi_day",
    ),
    # nb
    Case(
        "send prislista til hotellene mandag og torsdag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday", "thursday"],  # re-encoded, see the docstring
            "time": "07:00",
            "steps": ["send_email"],
            "recipients": [_g("hoteller")],
            "templates": ["prisliste"],
        },
        "multi_day",
    ),
    # en
    Case(
        "Remind the canteens thursday and friday at noon if they haven't ordered this week",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday", "friday"],  # re-encoded, see the docstring
            "time": "12:00",
            "steps": ["send_email"],
            "conditions": [_om_monday()],
            "recipients": [_g("kantiner")],
            "templates": ["reminder"],
        },
        "multi_day",
    ),
    # nb
    Case(
        "Bestillingsskjema til kantinene mandag og onsdag kl 8, purring tirsdag og torsdag "
        "kl 13 til de som ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "08:00"),
                _at("tuesday", "13:00"),
                _at("wednesday", "08:00"),
                _at("thursday", "13:00"),
            ],
            "conditions": [None, _om_start(), None, _om_start()],
            "recipients": [_g("kantiner"), _g("kantiner"), _g("kantiner"), _g("kantiner")],
            "templates": ["bestilling", "reminder", "bestilling", "reminder"],
        },
        "multi_day",
    ),
    # mix
    Case(
        "purring ons + fre kl 11 til restaurantene pls",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday", "friday"],  # re-encoded, see the docstring
            "time": "11:00",
            "steps": ["send_email"],
            "recipients": [_g("restauranter")],
            "templates": ["reminder"],
        },
        "multi_day",
    ),
    # ------------------------------------------------- templates_by_meaning
    # nb
    Case(
        "send ut de nye prisene til alle kafeer hver mandag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("kafeer")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "Send our monthly newsletter to all customers on the 1st at 10am",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [_all()],
        },
        "templates_by_meaning",
    ),
    # mix
    Case(
        "send månedsbrevet to everyone last day of the month kl 12",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": "last",
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [_all()],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "kampanjevarene til butikkene hver fredag kl 8",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [_g("butikker")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "every tuesday 5pm let the hotels know about tomorrows delivery",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "17:00",
            "steps": ["send_email"],
            "templates": ["levering"],
            "recipients": [_g("hoteller")],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "fakturapurring til restaurantene den 20. hver måned kl 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 20,
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [_g("restauranter")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "Send the price sheet to restaurants every Monday 6am",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "06:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("restauranter")],
        },
        "templates_by_meaning",
    ),
    # mix
    Case(
        "send ukas deals til kafeene tirsdag kl 10",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [_g("kafeer")],
        },
        "templates_by_meaning",
    ),
    # en
    Case(
        "payment reminder for overdue invoices to all customers on the 5th of each month at 9",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 5,
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [_all()],
        },
        "templates_by_meaning",
    ),
    # nb
    Case(
        "send leveringsvarsel te butikkene kvar onsdag kl 16",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "16:00",
            "steps": ["send_email"],
            "templates": ["levering"],
            "recipients": [_g("butikker")],
        },
        "templates_by_meaning",
    ),
    # -------------------------------------------------------- new_template
    # nb
    Case(
        "Send en kundeundersøkelse til hotellene første mandag i mnd kl 10",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("hoteller")],
        },
        "new_template",
    ),
    # en
    Case(
        "Every Friday at 2pm send the allergen list to the restaurants",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("restauranter")],
        },
        "new_template",
    ),
    # nb
    Case(
        "send åpningstidene våre til alle kundene hver fredag kl 12",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_all()],
        },
        "new_template",
    ),
    # nb
    Case(
        "oppskriftstips til kafeene hver torsdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("kafeer")],
        },
        "new_template",
    ),
    # nb
    Case(
        "Send lagerliste (det vi har inne) til butikkene hver mandag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("butikker")],
        },
        "new_template",
    ),
    # mix
    Case(
        "new order -> send bekreftelse med en gang, og 2 dager etter en kort feedback-undersøkelse",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email", "send_email"],
            "triggers": [None, _delay(2880)],
            "recipients": [_ev(), _ev()],
            "templates": ["confirmation", "new"],
        },
        "new_template",
    ),
    # en
    Case(
        "every other wednesday at 11 invite the hotels to our tasting event, first one dec 16",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "11:00",
            "every_weeks": 2,
            "anchor": "2026-12-16",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("hoteller")],
        },
        "new_template",
    ),
    # en
    Case(
        "send a customer satisfaction survey to all customers on the 15th at noon",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 15,
            "time": "12:00",
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_all()],
        },
        "new_template",
    ),
    # --------------------------------------------------------------- events
    # nb
    Case(
        "når noen bestiller, send ordrebekreftelse til kunden",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # en
    Case(
        "When a new customer signs up, send them the welcome mail",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "templates": ["welcome"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # mix
    Case(
        "ny kunde registrert -> velkomstmail, så prislista 1 time etter",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email"],
            "triggers": [None, _delay(60)],
            "templates": ["welcome", "prisliste"],
            "recipients": [_ev(), _ev()],
        },
        "events",
    ),
    # en
    Case(
        "Whenever an order comes in, let the warehouse team know",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["notify_staff"],
            "staff_group": "lager",
            "recipients": [_ev()],
        },
        "events",
    ),
    # nb
    Case(
        "Når en ny kunde blir opprettet, gi beskjed til salg",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["notify_staff"],
            "staff_group": "salg",
            "recipients": [_ev()],
        },
        "events",
    ),
    # nb
    Case(
        "kvittering til kunden når dem legger inn ordre",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # en
    Case(
        "30 min after a customer places an order, email them the order confirmation",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "triggers": [_delay(30)],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # en
    Case(
        "When our 'nettbutikk' webhook is called, send the confirmation email",
        {
            "type": "event_based",
            "event": "webhook",
            "steps": ["send_email"],
            "templates": ["confirmation"],
        },
        "events",
    ),
    # nb
    Case(
        "hver gang vi får en ny kunde: send velkomst og varsle kundeservice",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "notify_staff"],
            "staff_group": "kundeservice",
            "recipients": [_ev(), _ev()],
        },
        "events",
    ),
    # ------------------------------------------------------------- calendar
    # nb
    Case(
        "annenhver tirsdag kl 10 prisliste til restaurantene, første gang 8. des",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "10:00",
            "every_weeks": 2,
            "anchor": "2026-12-08",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("restauranter")],
        },
        "calendar",
    ),
    # en
    Case(
        "every 2nd thursday 9am order form to the hotels, starting Dec 17",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "09:00",
            "every_weeks": 2,
            "anchor": "2026-12-17",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("hoteller")],
        },
        "calendar",
    ),
    # nb
    Case(
        "hver tredje uke, fredag kl 8: skjema til kantinene. Start 18.12",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "08:00",
            "every_weeks": 3,
            "anchor": "2026-12-18",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kantiner")],
        },
        "calendar",
    ),
    # nb
    Case(
        "i partallsuker onsdag kl 9 send bestillingsskjema til alle",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "09:00",
            "iso_weeks": "even",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en
    Case(
        "odd weeks only, monday 8am, order form to the bakeries",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "iso_weeks": "odd",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("bakerier")],
        },
        "calendar",
    ),
    # nb
    Case(
        "første mandag i mnd kl 8 send prislista til alle",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en
    Case(
        "last friday of the month at 2pm send out the newsletter",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "friday",
            "nth": -1,
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        "calendar",
    ),
    # mix
    Case(
        "3rd wednesday each month kl 10 send tilbudene til hotellene",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "wednesday",
            "nth": 3,
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["tilbud"],
            "recipients": [_g("hoteller")],
        },
        "calendar",
    ),
    # nb
    Case(
        "første virkedag i måneden kl 08 send fakturapåminnelse til alle kunder",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": 1,
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en
    Case(
        "second to last business day of every month at 3pm remind customers who haven't "
        "ordered in 30 days",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": -2,
            "time": "15:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_om_days(30)],
        },
        "calendar",
    ),
    # nb
    Case(
        "hver virkedag kl 7 skjema til kafeene",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "business_days_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kafeer")],
        },
        "calendar",
    ),
    # nb
    Case(
        "skjema hver mandag kl 9, men ikke på helligdager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    # en
    Case(
        "order form every Monday 9am; if monday is a public holiday send it the next working "
        "day instead",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "holiday_policy": "next_business_day",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    # mix
    Case(
        "price list every friday kl 12 til butikkene - hvis det er helligdag, send dagen før",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "holiday_policy": "previous_business_day",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("butikker")],
        },
        "calendar",
    ),
    # en
    Case(
        "Every other Wednesday at 11 send the order form to the restaurants",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "11:00",
            "every_weeks": 2,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("restauranter")],
        },
        "calendar",
    ),
    # nb
    Case(
        "send skjema hver mandag kl 9 til alle, også på røde dager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "holiday_policy": "run",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en
    Case(
        "skip public holidays: reminder every thursday 3pm to those who haven't ordered "
        "since monday",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "15:00",
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_om_monday()],
        },
        "calendar",
    ),
    # --------------------------------------------------------------- groups
    # nb
    Case(
        "Hver torsdag kl 10 send skjemaet til bakeriene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("bakerier")],
        },
        "groups",
    ),
    # nb
    Case(
        "skjema til kantina hver ons kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kantiner")],
        },
        "groups",
    ),
    # en
    Case(
        "every monday 8am send the order form to our stores",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("butikker")],
        },
        "groups",
    ),
    # mix
    Case(
        "send price list til hotella hver mandag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("hoteller")],
        },
        "groups",
    ),
    # en
    Case(
        "Every Friday 3pm remind the coffee shops that haven't ordered this week",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "15:00",
            "steps": ["send_email"],
            "templates": ["reminder"],
            "recipients": [_g("kafeer")],
            "conditions": [_om_monday()],
        },
        "groups",
    ),
    # nb
    Case(
        "send bestillingsskjema til resturantene hver tysdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "09:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("restauranter")],
        },
        "groups",
    ),
    # nb
    Case("send skjema til barene mandag kl 9", "question", "groups"),
    # en
    Case("Send the order form to the schools every Monday at 9", "question", "groups"),
    # nb
    Case("prislista til sykehjemmene hver fre kl 8", "question", "groups"),
    # ------------------------------------------------------------- must_ask
    # nb
    Case("kan du sende månedsbrevet ut til alle en gang i måneden?", "question", "must_ask"),
    # en
    Case("remind the restaurants sometime next week", "question", "must_ask"),
    # nb
    Case("kjøp inn mer kaffe til kontoret", "question", "must_ask"),
    # nb
    Case("kan du gjøre den bedre?", "question", "must_ask"),
    # mix
    Case("send prislista every other week", "question", "must_ask"),
    # nb
    Case("purring hver uke til dem som ikke har bestilt", "question", "must_ask"),
    # nb
    Case("hei, hva kan du gjøre?", "question", "must_ask"),
    # nb
    Case("send noe hyggelig til kundene", "question", "must_ask"),
    # mix
    Case("fiks workflowen min pls", "question", "must_ask"),
    # mix
    Case("hver måned send invoice reminders kl 10", "question", "must_ask"),
    # en
    Case("send the pub owners the order form every Monday at 9", "question", "must_ask"),
]


def held_out_v3_context() -> ParseContext:
    """The business the held-out set v3 is written for, on Monday 2026-12-07."""
    return ParseContext(
        templates=list(HELD_OUT_V3_TEMPLATES),
        groups=list(HELD_OUT_V3_GROUPS),
        staff_groups=list(HELD_OUT_V3_STAFF_GROUPS),
        today=HELD_OUT_V3_TODAY,
    )
