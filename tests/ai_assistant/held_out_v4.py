"""Held-out phrasing set v4 for the offline assistant: measured once, at the end.

Written from the format docs (workflow-format.md whole, with "Calendar schedules"),
nl-examples.md, issues 19 and 20 and the checker in ``benchmarks.parser_accuracy`` only,
without looking at the parser or at the other phrasing sets' cases, so that it measures how
the parser generalises to phrasings nobody tuned it on. The business is new: Nidaros Drikke &
Snacks AS, a beverage and snacks distributor in Trondheim whose customers are kiosks, pubs,
gas stations, sports clubs, canteens and hotels. The texts are written as its people type
into a chat: short, sloppy, abbreviated ("kl", "mnd", "tors"), with typos and some Trøndelag
dialect ("kioskan", "pubban", "hotella"), in Norwegian Bokmål, English and a mix of both.

Each case has a language tag in the comment above it (``nb``, ``en`` or ``mix``) and a
category: ``basic``, ``chains``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates`` or ``must_ask``.

``expected`` is ``"question"`` (ask back, create nothing) or the key facts the text clearly
determines (``benchmarks.parser_accuracy.key_facts``); facts the text leaves open are left
out. Conventions used here:

- ``triggers`` of the first step of a weekly workflow repeat the schedule's day and time, as in
  the running example of workflow-format.md; ``triggers`` are left out of daily, monthly and
  calendar-kind schedules, and wherever the text's timing has more than one fair encoding.
- "Those who (still) haven't ordered" in a later step of a chain is ``orders_missing`` since
  ``execution_start``; a reminder ("påminnelse", "purring", "reminder") in a chain implies it
  too. A later step of a chain goes to the same audience as the first step.
- A ``notify_staff`` step's ``recipients`` are the customers it tells about (the audience of
  the chain, or the event's customer); ``templates`` are left out of cases with a
  ``notify_staff`` step.
- One phrase naming several days for the same action in a chain gives one step per day.
- A weekly ``every_weeks`` schedule with no first date given is anchored on the next such
  weekday after ``HELD_OUT_V4_TODAY`` (a Wednesday; no unanchored case uses Wednesday).
- A request for an email no template covers proposes a new template: ``templates`` ``"new"``.
- An invoice reminder ("fakturapåminnelse", "payment reminder") is the ``faktura`` template,
  not the order reminder; its ``conditions`` are left out.

For the record: while looking up the shape of a ``notify_staff`` step, the writer saw the
opening of ``executions/steps/notify_staff.py``, which includes that step type's phrase
pattern for the offline assistant; nothing else of the parser was read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case

# Wednesday 13 January 2027 (ISO week 2, an even week).
HELD_OUT_V4_TODAY = dt.date(2027, 1, 13)

HELD_OUT_V4_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1,
        "name": "Ukesbestilling",
        "category": "bestilling",
        "subject": "Bestill drikke og snacks til neste uke",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 2,
        "name": "Bestillingspåminnelse",
        "category": "reminder",
        "subject": "Du har ikke bestilt denne uka ennå",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 3,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "subject": "Vi har mottatt bestillingen din",
        "variables": ["kunde_navn", "ordre_nummer"],
    },
    {
        "id": 4,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "subject": "Velkommen til Nidaros Drikke & Snacks",
        "variables": ["kunde_navn"],
    },
    {
        "id": 5,
        "name": "Prisliste",
        "category": "prisliste",
        "subject": "Nye priser på drikke og snacks",
        "variables": ["kunde_navn", "prisliste_link"],
    },
    {
        "id": 6,
        "name": "Kampanjeavis",
        "category": "kampanje",
        "subject": "Månedens kampanjer på brus, øl og chips",
        "variables": ["kunde_navn", "bestilling_link"],
    },
    {
        "id": 7,
        "name": "Pantoppgjør",
        "category": "pant",
        "subject": "Oppgjør for innlevert pant og returkasser",
        "variables": ["kunde_navn", "pant_belop"],
    },
    {
        "id": 8,
        "name": "Leveringsvarsel",
        "category": "levering",
        "subject": "Sjåføren vår kommer med varene i morgen",
        "variables": ["kunde_navn", "leveringsdato"],
    },
    {
        "id": 9,
        "name": "Fakturapåminnelse",
        "category": "faktura",
        "subject": "Du har en forfalt faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop"],
    },
    {
        "id": 10,
        "name": "Månedsbrev",
        "category": "nyhetsbrev",
        "subject": "Nytt fra Nidaros Drikke denne måneden",
        "variables": ["kunde_navn"],
    },
    {
        "id": 11,
        "name": "Sommersortiment",
        "category": "sesong",
        "subject": "Is, vann og leskedrikk til sommersesongen",
        "variables": ["kunde_navn", "bestilling_link"],
    },
]

HELD_OUT_V4_GROUPS: list[GroupInfo] = [
    {"slug": "kiosker", "name": "Kiosker"},
    {"slug": "puber", "name": "Puber og barer"},
    {"slug": "bensinstasjoner", "name": "Bensinstasjoner"},
    {"slug": "idrettslag", "name": "Idrettslag"},
    {"slug": "kantiner", "name": "Kantiner"},
    {"slug": "hoteller", "name": "Hoteller"},
]

HELD_OUT_V4_STAFF_GROUPS = ["salg", "lager", "sjåfører", "økonomi"]


def held_out_v4_context() -> ParseContext:
    """The distributor's templates, groups and staff groups, on ``HELD_OUT_V4_TODAY``."""
    return ParseContext(
        templates=[dict(t) for t in HELD_OUT_V4_TEMPLATES],  # type: ignore[misc]
        groups=[dict(g) for g in HELD_OUT_V4_GROUPS],  # type: ignore[misc]
        staff_groups=list(HELD_OUT_V4_STAFF_GROUPS),
        today=HELD_OUT_V4_TODAY,
        timezone="Europe/Oslo",
    )


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


def _ms() -> dict[str, Any]:
    """Still not ordered in this run: the reminder / standing-order step of a chain."""
    return {"check": "orders_missing", "since": "execution_start"}


def _missing(**window: Any) -> dict[str, Any]:
    return {"check": "orders_missing", **window}


def _ordered(**window: Any) -> dict[str, Any]:
    return {"check": "has_ordered", **window}


def _weekly(day: str, time: str) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "weekly", "days": [day], "time": time}


def _daily(time: str) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "daily", "time": time}


def _monthly(time: str, **config: Any) -> dict[str, Any]:
    return {"type": "scheduled", "schedule": "monthly", "time": time, **config}


def _event(kind: str) -> dict[str, Any]:
    return {"type": "event_based", "event": kind}


HELD_OUT_V4: list[Case] = [
    # --- basic ---------------------------------------------------------------------------------
    # nb: plain weekly send to one group, definite plural of the group name
    Case(
        "hver mandag kl 8 send bestillingsskjema til kioskene",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email"],
            "triggers": [_at("monday", "08:00")],
            "templates": ["bestilling"],
            "recipients": [_g("kiosker")],
            "conditions": [None],
        },
        "basic",
    ),
    # en: plain weekly send to everyone, minutes given
    Case(
        "Every Tuesday at 7:30 send the order form to all customers",
        {
            **_weekly("tuesday", "07:30"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
            "conditions": [None],
        },
        "basic",
    ),
    # nb: abbreviated day "tors", no verb, word order reversed
    Case(
        "skjema til pubene tors kl 11",
        {
            **_weekly("thursday", "11:00"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("puber")],
        },
        "basic",
    ),
    # mix: English verb, Norwegian group and day, "kl 0930" without a colon
    Case(
        "send order form til hotellene hver fredag kl 0930",
        {
            **_weekly("friday", "09:30"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("hoteller")],
        },
        "basic",
    ),
    # en: the English name of a Norwegian group ("gas stations" = Bensinstasjoner)
    Case(
        "send the order form to the gas stations every wednesday 10am",
        {
            **_weekly("wednesday", "10:00"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("bensinstasjoner")],
        },
        "basic",
    ),
    # nb: "halv ni" is 08:30; dialect plural "idrettslaga"
    Case(
        "bestillingsskjema til idrettslaga hver mandag halv ni",
        {
            **_weekly("monday", "08:30"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("idrettslag")],
        },
        "basic",
    ),
    # en: plural weekday, "canteens" = Kantiner
    Case(
        "Order form to canteens, Mondays at 2pm",
        {
            **_weekly("monday", "14:00"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kantiner")],
        },
        "basic",
    ),
    # mix: "every weekday" is daily weekdays_only (as "hver hverdag" in nl-examples)
    Case(
        "every weekday kl 7 send skjema til kioskene",
        {
            **_daily("07:00"),
            "weekdays_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kiosker")],
        },
        "basic",
    ),
    # nb: typos ("sennd", "bestilingsskjema"), "kl.9", Trøndelag plural "kioskan"
    Case(
        "sennd bestilingsskjema til kioskan hver mandag kl.9",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kiosker")],
        },
        "basic",
    ),
    # nb: minimal, "alle" = every customer
    Case(
        "mandag kl 9 skjema til alle",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email"],
            "triggers": [_at("monday", "09:00")],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "basic",
    ),
    # --- chains --------------------------------------------------------------------------------
    # nb: the classic two-step chain with explicit times
    Case(
        "send bestillingsskjema mandag kl 8 og påminnelse onsdag kl 14 til de som ikke har bestilt",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email", "send_email"],
            "triggers": [_at("monday", "08:00"), _at("wednesday", "14:00")],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_all(), _all()],
        },
        "chains",
    ),
    # en: two steps to one group, "noon" = 12:00, "7am"
    Case(
        "Monday 7am order form to the pubs, Thursday noon remind the ones who haven't ordered yet",
        {
            **_weekly("monday", "07:00"),
            "steps": ["send_email", "send_email"],
            "triggers": [_at("monday", "07:00"), _at("thursday", "12:00")],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_g("puber"), _g("puber")],
        },
        "chains",
    ),
    # nb: three steps, the third a standing order ("vanlig bestilling") for the rest
    Case(
        "skjema til kantinene mandag kl 9, purring tors kl 12 til dem som ikke har bestilt, og "
        "fredag kl 10 legg inn vanlig bestilling for de som fortsatt ikke har bestilt",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("monday", "09:00"),
                _at("thursday", "12:00"),
                _at("friday", "10:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("kantiner"), _g("kantiner"), _g("kantiner")],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # en: three steps, "their usual order if they still haven't"
    Case(
        "order form every monday at 9 to the hotels, reminder on wednesday 3pm for anyone who "
        "hasn't ordered, then friday 8am create their usual order if they still haven't",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("monday", "09:00"),
                _at("wednesday", "15:00"),
                _at("friday", "08:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("hoteller"), _g("hoteller"), _g("hoteller")],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # mix: one reminder phrase naming two days gives two reminder steps
    Case(
        "skjema mandag kl 10, reminder tirsdag og torsdag kl 13 til de som ikke har bestilt",
        {
            **_weekly("monday", "10:00"),
            "steps": ["send_email", "send_email", "send_email"],
            "triggers": [
                _at("monday", "10:00"),
                _at("tuesday", "13:00"),
                _at("thursday", "13:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder"],
            "conditions": [None, _ms(), _ms()],
        },
        "chains",
    ),
    # nb: Sunday evening start, reminder the next day, "om de ikke har bestilt"
    Case(
        "send skjema til kioskene søndag kveld kl 20, påminnelse mandag kl 12 om de ikke har "
        "bestilt",
        {
            **_weekly("sunday", "20:00"),
            "steps": ["send_email", "send_email"],
            "triggers": [_at("sunday", "20:00"), _at("monday", "12:00")],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_g("kiosker"), _g("kiosker")],
        },
        "chains",
    ),
    # en: four steps, the last a notice to the sales staff
    Case(
        "Send the order form Monday 8, remind non-orderers Wednesday 12 and again Thursday 12, "
        "and on Friday at 9 tell sales who still hasn't ordered",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email", "send_email", "send_email", "notify_staff"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "12:00"),
                _at("friday", "09:00"),
            ],
            "conditions": [None, _ms(), _ms(), _ms()],
            "recipients": [_all(), _all(), _all(), _all()],
            "staff_group": "salg",
        },
        "chains",
    ),
    # mix: "2 days later" has more than one fair encoding, so its trigger is left out
    Case(
        "Monday kl 8 bestillingsskjema to the gas stations, then 2 days later a reminder for "
        "those who haven't ordered",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email", "send_email"],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_g("bensinstasjoner"), _g("bensinstasjoner")],
        },
        "chains",
    ),
    # nb: four steps over a week, no punctuation between the last two sentences' parts
    Case(
        "send bestillingsskjema tirsdag kl 9. påminnelse torsdag kl 9 og fredag kl 8 til de som "
        "ikke har bestilt. lørdag kl 10 legg inn forrige bestilling på nytt for dem som "
        "fortsatt ikke har bestilt",
        {
            **_weekly("tuesday", "09:00"),
            "steps": ["send_email", "send_email", "send_email", "create_order"],
            "triggers": [
                _at("tuesday", "09:00"),
                _at("thursday", "09:00"),
                _at("friday", "08:00"),
                _at("saturday", "10:00"),
            ],
            "templates": ["bestilling", "reminder", "reminder", None],
            "conditions": [None, _ms(), _ms(), _ms()],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # en: semicolons, "sports clubs" = Idrettslag, the standing order on the next Monday
    Case(
        "Every Thursday 10:00 send the order form to sports clubs; Friday 10:00 reminder to "
        "those who didn't order; Monday 9:00 place their usual order for the rest",
        {
            **_weekly("thursday", "10:00"),
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("thursday", "10:00"),
                _at("friday", "10:00"),
                _at("monday", "09:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("idrettslag"), _g("idrettslag"), _g("idrettslag")],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # nb: "hvis de ikke har bestilt innen onsdag kl 12" then a notice to sales
    Case(
        "Mandag kl 8 skjema til hotellene. Hvis de ikke har bestilt innen onsdag kl 12 send "
        "purring, og torsdag kl 8 si fra til salg om de som fortsatt ikke har bestilt",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email", "send_email", "notify_staff"],
            "triggers": [
                _at("monday", "08:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "08:00"),
            ],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("hoteller"), _g("hoteller"), _g("hoteller")],
            "staff_group": "salg",
        },
        "chains",
    ),
    # mix: Trøndelag "pubban", English "reminder" and "standing order"
    Case(
        "skjema til pubban onsdag kl 10, reminder fredag kl 11 te dem som ikke har bestilt, "
        "søndag kl 18 standing order for resten",
        {
            **_weekly("wednesday", "10:00"),
            "steps": ["send_email", "send_email", "create_order"],
            "triggers": [
                _at("wednesday", "10:00"),
                _at("friday", "11:00"),
                _at("sunday", "18:00"),
            ],
            "templates": ["bestilling", "reminder", None],
            "conditions": [None, _ms(), _ms()],
            "recipients": [_g("puber"), _g("puber"), _g("puber")],
            "mode": "repeat_last",
        },
        "chains",
    ),
    # --- conditions ----------------------------------------------------------------------------
    # mix: a Norwegian reminder with an English window ("since monday")
    Case(
        "purring fredag kl 10 til kioskene that haven't ordered since monday",
        {
            **_weekly("friday", "10:00"),
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_missing(since="last_monday")],
            "recipients": [_g("kiosker")],
        },
        "conditions",
    ),
    # en: window in days
    Case(
        "Every Monday 8am remind everyone who hasn't ordered in 10 days",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_missing(days_back=10)],
            "recipients": [_all()],
        },
        "conditions",
    ),
    # nb: the complement: only those who have ordered in the last 30 days
    Case(
        "send kampanjeavisa hver mandag kl 7 bare til de som har bestilt siste 30 dagene",
        {
            **_weekly("monday", "07:00"),
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "conditions": [_ordered(days_back=30)],
            "recipients": [_all()],
        },
        "conditions",
    ),
    # nb: "handla på 2 uker" is 14 days
    Case(
        "hver onsdag kl 13 påminnelse til alle som ikke har handla på 2 uker",
        {
            **_weekly("wednesday", "13:00"),
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_missing(days_back=14)],
            "recipients": [_all()],
        },
        "conditions",
    ),
    # en: "nudge", window "since Tuesday"
    Case(
        "Thursdays at 4pm nudge the pubs that haven't placed an order since Tuesday",
        {
            **_weekly("thursday", "16:00"),
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_missing(since="last_tuesday")],
            "recipients": [_g("puber")],
        },
        "conditions",
    ),
    # mix: daily reminder with a 3-day window
    Case(
        "hver dag kl 11 reminder til de som ikke har bestilt de siste 3 dagene",
        {
            **_daily("11:00"),
            "steps": ["send_email"],
            "templates": ["reminder"],
            "conditions": [_missing(days_back=3)],
        },
        "conditions",
    ),
    # nb: a staff notice about every customer with no order in 3 weeks
    Case(
        "hver mandag kl 8 si fra til salg om kunder som ikke har bestilt på 3 uker",
        {
            **_weekly("monday", "08:00"),
            "steps": ["notify_staff"],
            "staff_group": "salg",
            "conditions": [_missing(days_back=21)],
            "recipients": [_all()],
        },
        "conditions",
    ),
    # en: a staff notice to the warehouse about one group
    Case(
        "every Friday at 3pm let the warehouse know which hotels have not ordered in the last 7 "
        "days",
        {
            **_weekly("friday", "15:00"),
            "steps": ["notify_staff"],
            "staff_group": "lager",
            "conditions": [_missing(days_back=7)],
            "recipients": [_g("hoteller")],
        },
        "conditions",
    ),
    # mix: has_ordered with a group, time at the end
    Case(
        "send prisliste til bensinstasjonene som har bestilt last 14 days, hver torsdag kl 9",
        {
            **_weekly("thursday", "09:00"),
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "conditions": [_ordered(days_back=14)],
            "recipients": [_g("bensinstasjoner")],
        },
        "conditions",
    ),
    # --- calendar ------------------------------------------------------------------------------
    # nb: every other Tuesday with a first date
    Case(
        "annenhver tirsdag kl 10 skjema til puber, første gang 19. januar",
        {
            **_weekly("tuesday", "10:00"),
            "every_weeks": 2,
            "anchor": "2027-01-19",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("puber")],
        },
        "calendar",
    ),
    # en: every other Friday starting on a given date
    Case(
        "every other Friday at 9 send the order form to hotels, starting Jan 22",
        {
            **_weekly("friday", "09:00"),
            "every_weeks": 2,
            "anchor": "2027-01-22",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("hoteller")],
        },
        "calendar",
    ),
    # nb: every other Friday, no first date: the next Friday (15 January 2027)
    Case(
        "annenhver fredag kl 8 send prislista til kioskene",
        {
            **_weekly("friday", "08:00"),
            "every_weeks": 2,
            "anchor": "2027-01-15",
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("kiosker")],
        },
        "calendar",
    ),
    # nb: every third week, "f.o.m." (from and including) a Monday
    Case(
        "hver tredje mandag kl 9 bestillingsskjema til kantinene f.o.m. 1. feb",
        {
            **_weekly("monday", "09:00"),
            "every_weeks": 3,
            "anchor": "2027-02-01",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kantiner")],
        },
        "calendar",
    ),
    # nb: even ISO weeks ("partallsuker")
    Case(
        "skjema til idrettslaga tirsdager i partallsuker kl 17",
        {
            **_weekly("tuesday", "17:00"),
            "iso_weeks": "even",
            "every_weeks": None,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("idrettslag")],
        },
        "calendar",
    ),
    # en: odd ISO weeks
    Case(
        "odd weeks only: Thursday 8am order form to the kiosks",
        {
            **_weekly("thursday", "08:00"),
            "iso_weeks": "odd",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kiosker")],
        },
        "calendar",
    ),
    # nb: first Monday of the month, "mnd"
    Case(
        "første mandag i mnd kl 8 send prisliste til alle",
        {
            **_monthly("08:00", weekday="monday", nth=1),
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en: last Friday of the month; the deposit settlement by meaning (Pantoppgjør)
    Case(
        "Last Friday of each month, 14:00, send the deposit settlement to all pubs",
        {
            **_monthly("14:00", weekday="friday", nth=-1),
            "steps": ["send_email"],
            "templates": ["pant"],
            "recipients": [_g("puber")],
        },
        "calendar",
    ),
    # nb: second Wednesday of the month
    Case(
        "andre onsdag i måneden kl 10 kampanjeavis til bensinstasjonene",
        {
            **_monthly("10:00", weekday="wednesday", nth=2),
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [_g("bensinstasjoner")],
        },
        "calendar",
    ),
    # nb: first business day of the month
    Case(
        "første virkedag i måneden kl 8 send prisliste til alle kunder",
        {
            **_monthly("08:00", business_day=1),
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # en: last business day; an invoice reminder is the faktura template
    Case(
        "On the last business day of the month at 3pm email the invoice reminder to everyone",
        {
            **_monthly("15:00", business_day=-1),
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # nb: second-to-last business day, a report of who has not ordered
    Case(
        "nest siste virkedag i mnd kl 12 rapport over hvem som ikke har bestilt til "
        "salg@nidarosdrikke.no",
        {
            **_monthly("12:00", business_day=-2),
            "steps": ["generate_report"],
            "report": "orders_missing",
            "send_to": ["salg@nidarosdrikke.no"],
        },
        "calendar",
    ),
    # nb: every business day
    Case(
        "hver virkedag kl 7 send bestillingsskjema til kantinene",
        {
            **_daily("07:00"),
            "business_days_only": True,
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kantiner")],
        },
        "calendar",
    ),
    # nb: holiday policy skip, "men ikke på helligdager"
    Case(
        "hver mandag kl 9 skjema til alle, men ikke på helligdager",
        {
            **_weekly("monday", "09:00"),
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # nb: holiday policy next business day, "fridag"
    Case(
        "skjema hver mandag kl 8 – hvis det er fridag ta det neste virkedag",  # noqa: RUF001
        {
            **_weekly("monday", "08:00"),
            "holiday_policy": "next_business_day",
            "steps": ["send_email"],
            "templates": ["bestilling"],
        },
        "calendar",
    ),
    # en: holiday policy previous business day, "the day before instead"
    Case(
        "Every Friday at 10 order form to hotels; if Friday is a public holiday, send it the day "
        "before instead",
        {
            **_weekly("friday", "10:00"),
            "holiday_policy": "previous_business_day",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("hoteller")],
        },
        "calendar",
    ),
    # mix: "skip helligdager"
    Case(
        "skjema til pubene torsdag kl 9, skip helligdager",
        {
            **_weekly("thursday", "09:00"),
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("puber")],
        },
        "calendar",
    ),
    # nb: every other Monday (next Monday: 18 January 2027) and moved to the day after
    Case(
        "annenhver mandag kl 7 skjema til hotellene, og er det helligdag så flytt til dagen etter",
        {
            **_weekly("monday", "07:00"),
            "every_weeks": 2,
            "anchor": "2027-01-18",
            "holiday_policy": "next_business_day",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("hoteller")],
        },
        "calendar",
    ),
    # mix: last Thursday of the month, the newsletter by its English name
    Case(
        "siste torsdag i måneden kl 15 send monthly newsletter til alle",
        {
            **_monthly("15:00", weekday="thursday", nth=-1),
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [_all()],
        },
        "calendar",
    ),
    # nb: first Tuesday, "ved helligdag dagen før"
    Case(
        "kampanjeavis første tirsdag hver mnd kl 9, ved helligdag dagen før",
        {
            **_monthly("09:00", weekday="tuesday", nth=1),
            "holiday_policy": "previous_business_day",
            "steps": ["send_email"],
            "templates": ["kampanje"],
        },
        "calendar",
    ),
    # en: "every 2nd week", a Wednesday anchor given, noon
    Case(
        "every 2nd week on Wednesday at noon, order form to the sports clubs, from Jan 20",
        {
            **_weekly("wednesday", "12:00"),
            "every_weeks": 2,
            "anchor": "2027-01-20",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("idrettslag")],
        },
        "calendar",
    ),
    # nb: odd weeks ("oddetallsuker"), skipped on holidays, in one sloppy line
    Case(
        "oddetallsuker fre kl 12 skjema te bensinstasjonan ikke på røde dager",
        {
            **_weekly("friday", "12:00"),
            "iso_weeks": "odd",
            "holiday_policy": "skip",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("bensinstasjoner")],
        },
        "calendar",
    ),
    # --- events --------------------------------------------------------------------------------
    # nb: new customer -> welcome email
    Case(
        "når en ny kunde registreres send velkomstmail",
        {
            **_event("customer.created"),
            "steps": ["send_email"],
            "triggers": [None],
            "templates": ["velkomst"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # en: new order -> order confirmation
    Case(
        "When someone places an order, send them an order confirmation",
        {
            **_event("order.created"),
            "steps": ["send_email"],
            "triggers": [None],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # mix: "ny ordre" -> "confirmation"
    Case(
        "når det kommer inn en ny ordre, send confirmation",
        {
            **_event("order.created"),
            "steps": ["send_email"],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # nb: new customer -> notice to sales, written with an arrow
    Case(
        "ny kunde → gi beskjed til salg",
        {
            **_event("customer.created"),
            "steps": ["notify_staff"],
            "staff_group": "salg",
            "recipients": [_ev()],
        },
        "events",
    ),
    # en: "signs up" is a new customer, not an order
    Case(
        "whenever a new customer signs up, email them our price list",
        {
            **_event("customer.created"),
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_ev()],
        },
        "events",
    ),
    # nb: a named webhook starts a report
    Case(
        "når webhook «lager-lavt» kommer inn, send rapport til innkjop@nidarosdrikke.no",
        {
            **_event("webhook"),
            "event_name": "lager-lavt",
            "steps": ["generate_report"],
            "send_to": ["innkjop@nidarosdrikke.no"],
        },
        "events",
    ),
    # en: a named webhook starts an email to a group
    Case(
        "when the webhook 'pos-sync' fires, send the order form to all kiosks",
        {
            **_event("webhook"),
            "event_name": "pos-sync",
            "steps": ["send_email"],
            "templates": ["bestilling"],
            "recipients": [_g("kiosker")],
        },
        "events",
    ),
    # nb: every order -> notice to the warehouse ("lageret")
    Case(
        "hver gang en kunde bestiller, si ifra til lageret",
        {
            **_event("order.created"),
            "steps": ["notify_staff"],
            "staff_group": "lager",
            "recipients": [_ev()],
        },
        "events",
    ),
    # mix: new customer -> welcome email and a notice to sales
    Case(
        "når en ny kunde blir lagt inn: velkomst email + beskjed til salg",
        {
            **_event("customer.created"),
            "steps": ["send_email", "notify_staff"],
            "staff_group": "salg",
            "recipients": [_ev(), _ev()],
        },
        "events",
    ),
    # en: new order -> tell the drivers (staff group "sjåfører")
    Case(
        "When a new order comes in, let the drivers know",
        {
            **_event("order.created"),
            "steps": ["notify_staff"],
            "staff_group": "sjåfører",
            "recipients": [_ev()],
        },
        "events",
    ),
    # --- delays --------------------------------------------------------------------------------
    # nb: "2 timer etter" an order
    Case(
        "når ny ordre kommer inn, send ordrebekreftelse 2 timer etter",
        {
            **_event("order.created"),
            "steps": ["send_email"],
            "triggers": [_delay(120)],
            "templates": ["confirmation"],
            "recipients": [_ev()],
        },
        "delays",
    ),
    # en: right away, then "after 3 days"
    Case(
        "when a new customer is created, send the welcome email right away and the price list "
        "after 3 days",
        {
            **_event("customer.created"),
            "steps": ["send_email", "send_email"],
            "triggers": [None, _delay(3 * 24 * 60)],
            "templates": ["velkomst", "prisliste"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # nb: "med en gang", then "dagen etter" (one day later)
    Case(
        "ny kunde: velkomstmail med en gang, dagen etter prislista",
        {
            **_event("customer.created"),
            "steps": ["send_email", "send_email"],
            "triggers": [None, _delay(24 * 60)],
            "templates": ["velkomst", "prisliste"],
            "recipients": [_ev(), _ev()],
        },
        "delays",
    ),
    # mix: "30 min etter" an order, the delivery notice
    Case(
        "when an order is placed send leveringsvarsel 30 min etter",
        {
            **_event("order.created"),
            "steps": ["send_email"],
            "triggers": [_delay(30)],
            "templates": ["levering"],
            "recipients": [_ev()],
        },
        "delays",
    ),
    # nb: a weekly send and a reminder "4 timer etter"
    Case(
        "skjema mandag kl 8 til kioskene, og 4 timer etter en påminnelse til dem som ikke har "
        "bestilt",
        {
            **_weekly("monday", "08:00"),
            "steps": ["send_email", "send_email"],
            "triggers": [_at("monday", "08:00"), _delay(240)],
            "templates": ["bestilling", "reminder"],
            "conditions": [None, _ms()],
            "recipients": [_g("kiosker"), _g("kiosker")],
        },
        "delays",
    ),
    # en: "1.5 hours later" a staff notice about who hasn't ordered
    Case(
        "Send the order form every Tuesday 9am to pubs, and 1.5 hours later tell sales who "
        "hasn't ordered",
        {
            **_weekly("tuesday", "09:00"),
            "steps": ["send_email", "notify_staff"],
            "triggers": [_at("tuesday", "09:00"), _delay(90)],
            "conditions": [None, _ms()],
            "recipients": [_g("puber"), _g("puber")],
            "staff_group": "salg",
        },
        "delays",
    ),
    # mix: "1 hour later" a notice to the accounts staff ("økonomi")
    Case(
        "every friday kl 12 send pantoppgjør til pubene, og 1 hour later si fra til økonomi",
        {
            **_weekly("friday", "12:00"),
            "steps": ["send_email", "notify_staff"],
            "triggers": [_at("friday", "12:00"), _delay(60)],
            "staff_group": "økonomi",
        },
        "delays",
    ),
    # --- templates by meaning ------------------------------------------------------------------
    # nb: "de nye prisene" is the price list
    Case(
        "send ut de nye prisene til hotellene hver mandag kl 10",
        {
            **_weekly("monday", "10:00"),
            "steps": ["send_email"],
            "templates": ["prisliste"],
            "recipients": [_g("hoteller")],
        },
        "templates_by_meaning",
    ),
    # en: "this week's deals" is the campaign template
    Case(
        "every Monday 7am send this week's deals to the gas stations",
        {
            **_weekly("monday", "07:00"),
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [_g("bensinstasjoner")],
        },
        "templates_by_meaning",
    ),
    # nb: "tilbudene våre" is the campaign template
    Case(
        "send tilbudene våre til kioskene hver torsdag kl 9",
        {
            **_weekly("thursday", "09:00"),
            "steps": ["send_email"],
            "templates": ["kampanje"],
            "recipients": [_g("kiosker")],
        },
        "templates_by_meaning",
    ),
    # en: "bottle deposit statement" is Pantoppgjør; monthly on the 5th
    Case(
        "send the bottle deposit statement to the pubs on the 5th of every month at 10",
        {
            **_monthly("10:00", day_of_month=5),
            "steps": ["send_email"],
            "templates": ["pant"],
            "recipients": [_g("puber")],
        },
        "templates_by_meaning",
    ),
    # nb: "beskjed om morgendagens levering" to customers is the delivery notice
    Case(
        "send beskjed om morgendagens levering til kantinene hver onsdag kl 15",
        {
            **_weekly("wednesday", "15:00"),
            "steps": ["send_email"],
            "templates": ["levering"],
            "recipients": [_g("kantiner")],
        },
        "templates_by_meaning",
    ),
    # en: newsletter on the 1st
    Case(
        "Monthly newsletter to all customers on the 1st at 8am",
        {
            **_monthly("08:00", day_of_month=1),
            "steps": ["send_email"],
            "templates": ["nyhetsbrev"],
            "recipients": [_all()],
        },
        "templates_by_meaning",
    ),
    # mix: "summer range" is Sommersortiment (category sesong)
    Case(
        "send summer range mail til bensinstasjonene hver fredag kl 8",
        {
            **_weekly("friday", "08:00"),
            "steps": ["send_email"],
            "templates": ["sesong"],
            "recipients": [_g("bensinstasjoner")],
        },
        "templates_by_meaning",
    ),
    # en: a payment reminder for overdue invoices is the faktura template, not the order reminder
    Case(
        "every Monday at 9 send a payment reminder for overdue invoices to all customers",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email"],
            "templates": ["faktura"],
            "recipients": [_all()],
        },
        "templates_by_meaning",
    ),
    # nb: "purring på ubetalte fakturaer" on the 20th
    Case(
        "send purring på ubetalte fakturaer hver 20. kl 9",
        {
            **_monthly("09:00", day_of_month=20),
            "steps": ["send_email"],
            "templates": ["faktura"],
        },
        "templates_by_meaning",
    ),
    # mix: "returkassene" (the returned crates) is the deposit settlement
    Case(
        "oppgjør for returkassene to all hotels every Friday at 1pm",
        {
            **_weekly("friday", "13:00"),
            "steps": ["send_email"],
            "templates": ["pant"],
            "recipients": [_g("hoteller")],
        },
        "templates_by_meaning",
    ),
    # --- new templates -------------------------------------------------------------------------
    # nb: stock-taking ("vareopptelling"): no template covers it
    Case(
        "hver mandag kl 10 send mail om vareopptelling til alle kiosker",
        {
            **_weekly("monday", "10:00"),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("kiosker")],
        },
        "new_templates",
    ),
    # en: new opening hours: no template covers it
    Case(
        "Send our new opening hours to everyone every Friday at noon",
        {
            **_weekly("friday", "12:00"),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_all()],
        },
        "new_templates",
    ),
    # nb: an invitation to a tasting night, on the first Thursday of the month
    Case(
        "send invitasjon til smakskveld til puber hver første torsdag i mnd kl 12",
        {
            **_monthly("12:00", weekday="thursday", nth=1),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("puber")],
        },
        "new_templates",
    ),
    # en: allergen information sheet
    Case(
        "send the allergen info sheet to all canteens every Monday 9am",
        {
            **_weekly("monday", "09:00"),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("kantiner")],
        },
        "new_templates",
    ),
    # mix: a customer survey ("kundeundersøkelse") on the 1st
    Case(
        "send kundeundersøkelse to all customers den 1. hver måned kl 10",
        {
            **_monthly("10:00", day_of_month=1),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_all()],
        },
        "new_templates",
    ),
    # nb: lending of fridges to the sports clubs
    Case(
        "send info om utlån av kjøleskap til idrettslaga første mandag i mnd kl 9",
        {
            **_monthly("09:00", weekday="monday", nth=1),
            "steps": ["send_email"],
            "templates": ["new"],
            "recipients": [_g("idrettslag")],
        },
        "new_templates",
    ),
    # --- must ask ------------------------------------------------------------------------------
    # nb: a group that does not exist ("frisørene")
    Case("send skjema til frisørene hver mandag kl 9", "question", "must_ask"),
    # en: a group that does not exist ("golf clubs")
    Case("remind the golf clubs every Thursday at 2pm", "question", "must_ask"),
    # nb: no time at all for the send
    Case("send prislista til pubene", "question", "must_ask"),
    # nb: "av og til" (sometimes)
    Case("send bestillingsskjema til hotella av og til", "question", "must_ask"),
    # nb: the user is unsure of the day
    Case(
        "skjema til kioskene mandag kl 8, eller var det onsdag? husker ikke", "question", "must_ask"
    ),
    # en: contradictory days
    Case("Every Monday at 9, but never on Mondays, send the order form", "question", "must_ask"),
    # nb: "minn dem på det" with no earlier step
    Case("minn dem på det fredag kl 12", "question", "must_ask"),
    # en: "remind them again" with no earlier step
    Case("remind them again tomorrow", "question", "must_ask"),
    # nb: weekly with no day and no time
    Case("skjema til hotellene hver uke", "question", "must_ask"),
    # en: an impossible time
    Case("send the order form on Monday at 25:30", "question", "must_ask"),
    # nb: one known group and one that does not exist
    Case("skjema til kiosker og frisører mandag kl 9", "question", "must_ask"),
    # nb: no event that the product knows, no email named
    Case("når noe skjer, send en mail", "question", "must_ask"),
    # mix: every other week with no weekday and no time
    Case("send skjema annenhver uke til pubs", "question", "must_ask"),
    # nb: a group of staff that does not exist ("markedsavdelinga")
    Case(
        "si fra til markedsavdelinga hver fredag kl 10 om kunder som ikke har bestilt",
        "question",
        "must_ask",
    ),
]
