"""A held-out set of phrasings for the offline assistant (issue 20, point 8).

Written from the docs only (nl-examples.md, workflow-format.md, issues 19 and 20), without
reading the parser or the team's own phrasing sets, and meant to be measured ONCE, at the end
of the work. The texts are the way customers of a Norwegian wholesaler type into the chat:
short, sloppy, Norwegian Bokmål, English and a mix of the two, with abbreviations and a few
typos a human would still understand.

Each case is ``Case(text, expected, category)``. ``expected`` is ``"question"`` (the
assistant must ask back and create nothing) or a dict of the key facts the text clearly
determines; facts the text leaves open are left out. Per-step facts (``steps``, ``triggers``,
``conditions``, ``recipients``, ``templates``) are lists with one entry per step, in order;
``templates`` names the *category* of the template a step should use, ``"new"`` when no
template of the business fits. The trailing comment on each case gives its language:
``nb``, ``en`` or ``mix``.

``benchmarks.parser_accuracy.Case`` has no ``category`` field (yet), so this module defines
its own ``Case`` with the fields ``text``, ``expected`` and ``category``; its first two
fields line up with the benchmark's ``Case``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ai_assistant.context import ParseContext

Expected = dict[str, Any] | str  # a dict of facts, or "question"


@dataclass(frozen=True)
class Case:
    text: str
    expected: Expected
    category: str


CATEGORIES = (
    "basic",
    "chains",
    "multi_day",
    "templates_by_meaning",
    "new_template",
    "events",
    "calendar",
    "groups",
    "must_ask",
)

# Monday 30 November 2026 (ISO week 49). Relative dates in the texts ("første gang 9. des",
# "starting dec 11") are read from here: 2026-12-07 is a Monday, 2026-12-09 a Wednesday,
# 2026-12-11 a Friday.
HELD_OUT_V2_TODAY = dt.date(2026, 11, 30)

HELD_OUT_V2_TEMPLATES: list[dict[str, Any]] = [
    {
        "id": 11,
        "name": "Bestillingsskjema",
        "category": "bestilling",
        "subject": "Ukens bestillingsskjema - bestill innen torsdag",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 12,
        "name": "Påminnelse om bestilling",
        "category": "reminder",
        "subject": "Har du husket å bestille denne uka?",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 13,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Takk for din bestilling",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 14,
        "name": "Velkommen som kunde",
        "category": "welcome",
        "subject": "Velkommen til Nordgros!",
        "variables": ["kunde_navn"],
    },
    {
        "id": 15,
        "name": "Prisliste",
        "category": "prisliste",
        "subject": "Oppdaterte priser fra Nordgros",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 16,
        "name": "Nyhetsbrev",
        "category": "nyhetsbrev",
        "subject": "Månedens nytt fra Nordgros",
        "variables": ["kunde_navn"],
    },
    {
        "id": 17,
        "name": "Ukens tilbud",
        "category": "tilbud",
        "subject": "Ukens kampanjer og tilbud",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 18,
        "name": "Betalingspåminnelse",
        "category": "faktura",
        "subject": "Påminnelse: ubetalt faktura",
        "variables": ["kunde_navn", "faktura_nummer", "forfallsdato"],
    },
    {
        "id": 19,
        "name": "Nye sesongvarer",
        "category": "sesong",
        "subject": "Sesongvarene er her",
        "variables": ["kunde_navn"],
    },
]

HELD_OUT_V2_GROUPS: list[dict[str, str]] = [
    {"slug": "butikker", "name": "Butikker"},
    {"slug": "kafeer", "name": "Kafeer"},
    {"slug": "restauranter", "name": "Restauranter"},
    {"slug": "hoteller", "name": "Hoteller"},
    {"slug": "kantiner", "name": "Kantiner"},
    {"slug": "bakerier", "name": "Bakerier"},
]

HELD_OUT_V2_STAFF_GROUPS = ["salg", "lager", "kundeservice"]

# Shorthands for the facts that recur.
SINCE_START = {"check": "orders_missing", "since": "execution_start"}
SINCE_MONDAY = {"check": "orders_missing", "since": "last_monday"}
ALL = {"group": "all"}
CUSTOMER = {"event_customer": True}


def _group(slug: str) -> dict[str, str]:
    return {"group": slug}


def _at(day: str, time: str) -> dict[str, str]:
    return {"day": day, "time": time}


HELD_OUT_V2: list[Case] = [
    # ---------------------------------------------------------------- basic
    Case(  # nb
        "hver tirsdag kl 8 send bestillingskjema til alle kundene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "08:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    Case(  # en
        "send order form every wed 10am",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    Case(  # nb
        "skjemaet skal ut hver fredag klokka 14",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    Case(  # nb
        "purring daglig kl 11 til kunder uten bestilling de siste 3 dagene",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "11:00",
            "steps": ["send_email"],
            "conditions": [{"check": "orders_missing", "days_back": 3}],
            "templates": ["reminder"],
        },
        "basic",
    ),
    Case(  # en
        "Every day at 7 send the order form, weekdays only",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "weekdays_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    Case(  # nb
        "send månedsrapport til sjef@grossisten.no den 1. hver mnd kl 07",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 1,
            "time": "07:00",
            "steps": ["generate_report"],
            "recipients": [None],
            "templates": [None],
            "send_to": ["sjef@grossisten.no"],
        },
        "basic",
    ),
    Case(  # en
        "remind customers who haven't ordered in the last 7 days, every friday at noon",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["send_email"],
            "conditions": [{"check": "orders_missing", "days_back": 7}],
            "templates": ["reminder"],
        },
        "basic",
    ),
    Case(  # mix
        "send order form hver mandag kl 9 til alle kundene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["bestilling"],
        },
        "basic",
    ),
    # --------------------------------------------------------------- chains
    Case(  # nb
        "mandag kl 8 skjema til butikkene, onsdag kl 14 påminnelse til dem som ikke har "
        "bestilt, fredag kl 9 legg inn vanlig bestilling for de som fortsatt ikke har bestilt",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "14:00"),
                _at("friday", "09:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "recipients": [_group("butikker")] * 3,
            "templates": ["bestilling", "reminder", None],
            "mode": "repeat_last",
        },
        "chains",
    ),
    Case(  # en
        "Monday 7:30 send the order form to the cafes, Tuesday 2pm remind anyone who hasn't "
        "ordered, Wednesday 11am place their usual order if they still haven't, then email a "
        "summary to innkjop@grossist.no",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:30",
            "steps": ["send_email", "send_email", "create_order", "generate_report"],
            "triggers": [
                _at("monday", "07:30"),
                _at("tuesday", "14:00"),
                _at("wednesday", "11:00"),
                None,
            ],
            "conditions": [None, SINCE_START, SINCE_START, None],
            "recipients": [_group("kafeer"), _group("kafeer"), _group("kafeer"), None],
            "templates": ["bestilling", "reminder", None, None],
            "mode": "repeat_last",
            "report": "execution_summary",
            "send_to": ["innkjop@grossist.no"],
        },
        "chains",
    ),
    Case(  # nb
        "hver torsdag: kl 9 send ukens tilbud til hotellene, kl 15 påminnelse til de som ikke "
        "har bestilt enda, kl 16 rapport over hvem som mangler bestilling til salg@grossist.no",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "generate_report"],
            "conditions": [None, SINCE_START, None],
            "recipients": [_group("hoteller"), _group("hoteller"), None],
            "templates": ["tilbud", "reminder", None],
            "report": "orders_missing",
            "send_to": ["salg@grossist.no"],
        },
        "chains",
    ),
    Case(  # en
        "Mon 8am order form to hotels, Wed noon reminder, Thu 9am create the standing order "
        "for anyone still missing, then notify salg",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "create_order", "notify_staff"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "09:00"),
                None,
            ],
            "conditions": [None, SINCE_START, SINCE_START, None],
            "recipients": [_group("hoteller")] * 3 + [None],
            "templates": ["bestilling", "reminder", None, None],
            "mode": "repeat_last",
            "staff_group": "salg",
        },
        "chains",
    ),
    Case(  # mix
        "Mandag kl 9 order form til kantinene, torsdag kl 15 reminder, fredag kl 8 lag ordre "
        "(samme som sist) for de som fortsatt mangler",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("monday", "09:00"),
                _at("thursday", "15:00"),
                _at("friday", "08:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "recipients": [_group("kantiner")] * 3,
            "templates": ["bestilling", "reminder", None],
            "mode": "repeat_last",
        },
        "chains",
    ),
    Case(  # nb
        "Når en ny kunde registrerer seg: send velkomstmail med en gang, prislista etter 2 "
        "timer og bestillingsskjemaet et døgn etter det",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [None, {"delay_minutes": 120}, {"delay_minutes": 1440}],
            "recipients": [CUSTOMER] * 3,
            "templates": ["welcome", "prisliste", "bestilling"],
        },
        "chains",
    ),
    Case(  # en
        "Daily at 6 send today's offer to cafes, at 10 remind the ones who haven't ordered, "
        "at 11 send a missing-orders report to drift@grossist.no",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "06:00",
            "steps": ["send_email", "send_email", "generate_report"],
            "conditions": [None, SINCE_START, None],
            "recipients": [_group("kafeer"), _group("kafeer"), None],
            "templates": ["tilbud", "reminder", None],
            "report": "orders_missing",
            "send_to": ["drift@grossist.no"],
        },
        "chains",
    ),
    Case(  # nb
        "fredag kl 12 send rapport over ukas bestillinger til leder@grossist.no, mandagen "
        "etter kl 8 skjema til alle, tirsdag kl 14 purring",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["generate_report", "send_email", "send_email"],
            "triggers": [
                _at("friday", "12:00"),
                _at("monday", "08:00"),
                _at("tuesday", "14:00"),
            ],
            "conditions": [None, None, SINCE_START],
            "recipients": [None, ALL, ALL],
            "templates": [None, "bestilling", "reminder"],
            "report": "weekly_orders",
            "send_to": ["leder@grossist.no"],
        },
        "chains",
    ),
    # ------------------------------------------------------------ multi_day
    Case(  # nb
        "Skjema mandag kl 9 til butikkene, purring ons og tors kl 15",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "09:00"),
                _at("wednesday", "15:00"),
                _at("thursday", "15:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "recipients": [_group("butikker")] * 3,
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    Case(  # en
        "order form tuesday 8am, reminders thursday and friday at 1pm to whoever hasn't "
        "ordered yet",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("tuesday", "08:00"),
                _at("thursday", "13:00"),
                _at("friday", "13:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    Case(  # nb
        # One action on two days, nothing else: one step per day or one step on a weekly
        # schedule with two days are both right, so only the undisputed facts are listed.
        "send bestillingsskjema mandag og torsdag kl 10 til restaurantene",
        {"type": "scheduled", "schedule": "weekly", "time": "10:00"},
        "multi_day",
    ),
    Case(  # nb
        "påminnelse tirsdag, onsdag og torsdag kl 12 etter at skjemaet har gått ut mandag "
        "morgen kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email", "send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "07:00"),
                _at("tuesday", "12:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "12:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START, SINCE_START],
            "templates": ["bestilling", "reminder", "reminder", "reminder"],
        },
        "multi_day",
    ),
    Case(  # en
        "Every week: order form to hotels monday 9:00, then reminder wed + fri 11:00",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "09:00"),
                _at("wednesday", "11:00"),
                _at("friday", "11:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "recipients": [_group("hoteller")] * 3,
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    Case(  # mix
        # No time for the reminders: the documented default 15:00.
        "skjema mandag 08:00, reminder onsdag og fredag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "15:00"),
                _at("friday", "15:00"),
            ],
            "conditions": [None, SINCE_START, SINCE_START],
            "templates": ["bestilling", "reminder", "reminder"],
        },
        "multi_day",
    ),
    # -------------------------------------------------- templates_by_meaning
    Case(  # nb
        "send prislisten til kafeene hver mandag kl 7",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "07:00",
            "steps": ["send_email"],
            "recipients": [_group("kafeer")],
            "templates": ["prisliste"],
        },
        "templates_by_meaning",
    ),
    Case(  # en
        "Send our newsletter to all customers on the 15th every month at 10",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 15,
            "time": "10:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["nyhetsbrev"],
        },
        "templates_by_meaning",
    ),
    Case(  # nb
        "månedsbrevet skal ut til alle kunder siste fredag i mnd kl 12",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "friday",
            "nth": -1,
            "time": "12:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["nyhetsbrev"],
        },
        "templates_by_meaning",
    ),
    Case(  # en
        "every thursday 2pm send the weekly deals to restaurants",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "steps": ["send_email"],
            "recipients": [_group("restauranter")],
            "templates": ["tilbud"],
        },
        "templates_by_meaning",
    ),
    Case(  # nb
        # An invoice reminder, not the order reminder: whether it gets an orders_missing
        # condition is left open.
        "send fakturapåminnelse til hotellene den 20. hver måned kl 09",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "day_of_month": 20,
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [_group("hoteller")],
            "templates": ["faktura"],
        },
        "templates_by_meaning",
    ),
    Case(  # mix
        "hver fredag kl 13 send price list til butikkene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "13:00",
            "steps": ["send_email"],
            "recipients": [_group("butikker")],
            "templates": ["prisliste"],
        },
        "templates_by_meaning",
    ),
    Case(  # nb
        "send ut info om nye sesongvarer til restaurantene første tirsdag i måneden kl 10",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "tuesday",
            "nth": 1,
            "time": "10:00",
            "steps": ["send_email"],
            "recipients": [_group("restauranter")],
            "templates": ["sesong"],
        },
        "templates_by_meaning",
    ),
    Case(  # en
        # "payment reminder" is the invoice template (Betalingspåminnelse), not the order
        # reminder; the condition is left open.
        "Every monday at 9 send the payment reminder to the cafes",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [_group("kafeer")],
            "templates": ["faktura"],
        },
        "templates_by_meaning",
    ),
    # --------------------------------------------------------- new_template
    Case(  # nb
        "send menyen for neste uke til kantinene hver fredag kl 12",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "12:00",
            "steps": ["send_email"],
            "recipients": [_group("kantiner")],
            "templates": ["new"],
        },
        "new_template",
    ),
    Case(  # en
        "Every monday 8am send the delivery schedule to hotels",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "recipients": [_group("hoteller")],
            "templates": ["new"],
        },
        "new_template",
    ),
    Case(  # nb
        "send en spørreundersøkelse om kundetilfredshet til restaurantene første mandag i "
        "måneden kl 10",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "10:00",
            "steps": ["send_email"],
            "recipients": [_group("restauranter")],
            "templates": ["new"],
        },
        "new_template",
    ),
    Case(  # mix
        "send allergen-oversikten to all cafes hver mandag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [_group("kafeer")],
            "templates": ["new"],
        },
        "new_template",
    ),
    Case(  # nb
        "når en ny kunde blir opprettet, send kundeavtalen til kunden",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "recipients": [CUSTOMER],
            "templates": ["new"],
        },
        "new_template",
    ),
    Case(  # en
        "send the opening hours email to all customers every friday at 3pm",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "15:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["new"],
        },
        "new_template",
    ),
    # --------------------------------------------------------------- events
    Case(  # nb
        "når noen legger inn en bestilling, send ordrebekreftelse til dem",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "recipients": [CUSTOMER],
            "templates": ["confirmation"],
        },
        "events",
    ),
    Case(  # en
        "when a new customer is registered send them the welcome mail",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email"],
            "recipients": [CUSTOMER],
            "templates": ["welcome"],
        },
        "events",
    ),
    Case(  # mix
        "new customer → send velkomst og prisliste",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["send_email", "send_email"],
            "triggers": [None, None],
            "recipients": [CUSTOMER, CUSTOMER],
            "templates": ["welcome", "prisliste"],
        },
        "events",
    ),
    Case(  # en
        "After each order, email the customer a confirmation and notify lager",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email", "notify_staff"],
            "recipients": [CUSTOMER, None],
            "templates": ["confirmation", None],
            "staff_group": "lager",
        },
        "events",
    ),
    Case(  # nb
        # "takk for bestillingen" matches the confirmation template's subject.
        "når en kunde bestiller, send takk for bestillingen med en gang",
        {
            "type": "event_based",
            "event": "order.created",
            "steps": ["send_email"],
            "recipients": [CUSTOMER],
            "templates": ["confirmation"],
        },
        "events",
    ),
    Case(  # en
        "When the webshop webhook fires, send the order confirmation",
        {
            "type": "event_based",
            "event": "webhook",
            "steps": ["send_email"],
            "templates": ["confirmation"],
        },
        "events",
    ),
    Case(  # nb
        "gi beskjed til salg når en ny kunde registreres",
        {
            "type": "event_based",
            "event": "customer.created",
            "steps": ["notify_staff"],
            "staff_group": "salg",
        },
        "events",
    ),
    # ------------------------------------------------------------- calendar
    Case(  # nb
        "annenhver tirsdag kl 10 send skjema til restaurangene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "10:00",
            "every_weeks": 2,
            "steps": ["send_email"],
            "recipients": [_group("restauranter")],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # en
        "every 2nd friday at 11 send the price list to hotels, starting dec 11",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "11:00",
            "every_weeks": 2,
            "anchor": "2026-12-11",
            "steps": ["send_email"],
            "recipients": [_group("hoteller")],
            "templates": ["prisliste"],
        },
        "calendar",
    ),
    Case(  # nb
        "hver 3. uke på onsdag kl 8, skjema til kantinene, første gang 9. des",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "08:00",
            "every_weeks": 3,
            "anchor": "2026-12-09",
            "steps": ["send_email"],
            "recipients": [_group("kantiner")],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # nb
        "skjema til butikkene tirsdager i partallsuker kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["tuesday"],
            "time": "09:00",
            "iso_weeks": "even",
            "steps": ["send_email"],
            "recipients": [_group("butikker")],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # en
        "odd weeks only: thursday 1pm order form to cafes",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "13:00",
            "iso_weeks": "odd",
            "steps": ["send_email"],
            "recipients": [_group("kafeer")],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # nb
        "første mandag i hver måned kl 8 send prisliste til alle",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "monday",
            "nth": 1,
            "time": "08:00",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["prisliste"],
        },
        "calendar",
    ),
    Case(  # en
        "last business day of every month 14:00 send the invoice reminder to restaurants",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": -1,
            "time": "14:00",
            "steps": ["send_email"],
            "recipients": [_group("restauranter")],
            "templates": ["faktura"],
        },
        "calendar",
    ),
    Case(  # nb
        "andre virkedag i måneden kl 7 send månedsrapport til regnskap@grossist.no",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "business_day": 2,
            "time": "07:00",
            "steps": ["generate_report"],
            "recipients": [None],
            "templates": [None],
            "send_to": ["regnskap@grossist.no"],
        },
        "calendar",
    ),
    Case(  # nb
        "hver virkedag kl 7 send dagens tilbud til kafeene",
        {
            "type": "scheduled",
            "schedule": "daily",
            "time": "07:00",
            "business_days_only": True,
            "steps": ["send_email"],
            "recipients": [_group("kafeer")],
            "templates": ["tilbud"],
        },
        "calendar",
    ),
    Case(  # nb
        "hver mandag kl 9 skjema til alle, men ikke på helligdager",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "recipients": [ALL],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # en
        "Order form every monday 8am; if it's a public holiday send it the next working day "
        "instead",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "holiday_policy": "next_business_day",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    Case(  # mix
        "fredag kl 14 reminder til de som ikke har bestilt siden mandag - er fredagen fridag, "
        "send dagen før",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["friday"],
            "time": "14:00",
            "holiday_policy": "previous_business_day",
            "steps": ["send_email"],
            "conditions": [SINCE_MONDAY],
            "templates": ["reminder"],
        },
        "calendar",
    ),
    Case(  # en
        "3rd wednesday of the month at 10 send the newsletter",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "wednesday",
            "nth": 3,
            "time": "10:00",
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
        },
        "calendar",
    ),
    Case(  # nb
        "siste torsdag i måneden kl 15 send prislista til hotellene, hopp over helligdager",
        {
            "type": "scheduled",
            "schedule": "monthly",
            "weekday": "thursday",
            "nth": -1,
            "time": "15:00",
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "recipients": [_group("hoteller")],
            "templates": ["prisliste"],
        },
        "calendar",
    ),
    Case(  # mix
        "every other monday kl 9 fra 7. des, skjema til butikkene",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "every_weeks": 2,
            "anchor": "2026-12-07",
            "steps": ["send_email"],
            "recipients": [_group("butikker")],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    # --------------------------------------------------------------- groups
    Case(  # nb
        "send skjema til bakeriene hver onsdag kl 9",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["wednesday"],
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [_group("bakerier")],
            "templates": ["bestilling"],
        },
        "groups",
    ),
    Case(  # en
        "every monday at 9 send order form to the canteens",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "09:00",
            "steps": ["send_email"],
            "recipients": [_group("kantiner")],
            "templates": ["bestilling"],
        },
        "groups",
    ),
    Case(  # nb
        # No such customer group: ask, never an empty or a guessed audience.
        "hver fredag kl 10 send skjema til bensinstasjonene",
        "question",
        "groups",
    ),
    Case(  # en
        "Send the order form to the bars every tuesday at 9",
        "question",
        "groups",
    ),
    Case(  # mix
        "hver mandag kl 8 skjema til hotels",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["monday"],
            "time": "08:00",
            "steps": ["send_email"],
            "recipients": [_group("hoteller")],
            "templates": ["bestilling"],
        },
        "groups",
    ),
    Case(  # nb
        "purring torsdag kl 14 til kafé-kundene som ikke har bestilt siden mandag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": ["thursday"],
            "time": "14:00",
            "steps": ["send_email"],
            "conditions": [SINCE_MONDAY],
            "recipients": [_group("kafeer")],
            "templates": ["reminder"],
        },
        "groups",
    ),
    # ------------------------------------------------------------- must_ask
    Case("send prislista til alle", "question", "must_ask"),  # nb: when?
    Case("remind the restaurants", "question", "must_ask"),  # en: when?
    Case("kan du fikse noe med bestillingene?", "question", "must_ask"),  # nb
    Case("what's the weather tomorrow in Bergen", "question", "must_ask"),  # en
    Case("bestill mer kaffe til kontoret", "question", "must_ask"),  # nb
    Case("newsletter ut hver mnd til kafeene", "question", "must_ask"),  # mix: which day?
    Case("every other week send the order form", "question", "must_ask"),  # en: which day?
    Case("send skjema til kundene en gang i blant", "question", "must_ask"),  # nb
    Case("hei! hva kan du gjøre?", "question", "must_ask"),  # nb
    Case("send order form hver mandag kl 25", "question", "must_ask"),  # mix: no such time
    Case("send something nice to the customers on friday", "question", "must_ask"),  # en
    Case("send påminnelse til de som ikke har bestilt", "question", "must_ask"),  # nb: when?
]


def held_out_v2_context() -> ParseContext:
    """The business the held-out set is written for, on Monday 30 November 2026."""
    return ParseContext(
        templates=[dict(template) for template in HELD_OUT_V2_TEMPLATES],
        groups=[dict(group) for group in HELD_OUT_V2_GROUPS],
        staff_groups=list(HELD_OUT_V2_STAFF_GROUPS),
        today=HELD_OUT_V2_TODAY,
    )
