"""Held-out phrasing set v13 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders); of
``tests/ai_assistant/held_out_v12.py`` only the part above ``HELD_OUT_V12: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers) and the line numbers of its "The cases" heading and of ``HELD_OUT_V12_CONVERSATIONS``
(found with grep, their contents not read); of ``tests/ai_assistant/parser_phrasings_v2.py``
lines 1150-1200 (``class EditCase``, the cases just above it and the first conversation after
it); of ``benchmarks/bench_offline_parser.py`` lines 55-80 and 160-262 (the imports and the rows
of v12, to add this set's rows; their comments name the businesses of earlier sets, so this one
is a business none of them had) and, of ``tests/ai_assistant/test_parser_accuracy.py``, lines
215-240 (the benchmark test's list of metric names, to add this set's two). The parser was never
run on these cases (only an import of this module, to check that it is well-formed) before the
one measurement.

The business: Mjøsa Storkjøkken & Emballasje AS, a wholesaler of restaurant equipment,
packaging and disposables (takeaway boxes, napkins, cups, cutlery, gloves, aprons) in
Lillehammer with a warehouse in Gjøvik. Customers: food trucks, ski resorts' restaurants
(alpinanlegg), campsites (campingplasser), festivals, pizzerias, sushi bars, school canteens
(skolekantiner) and sports clubs' kiosks (idrettslag). Its people write Gudbrandsdal and
Valdres dialect ("æ", "itte", "kåles", "ått", "dom", "kvar", "sia", "ska"), a Lithuanian
warehouse worker writes English without articles and with wrong verb forms, the retired founder
writes formal, old-fashioned Riksmål ("efter", "De", "ønskes sendt", "samtlige"), the marketing
person writes English-Norwegian jargon ("kickoffe", "pushe ut", "follow-up", "targete"), some
write SMS shorthand ("pls", "asap", "mnd", "man", "tors", "t"), and many ask in questions ("går
det an å ...?", "kan vi ...?", "can you make it so that ..."). Webhooks named in texts:
``kiosk-tom`` (a sports club's kiosk system reports that the kiosk is running out of
disposables; the webhook's data names that customer, so "kunden" / "the customer" / "klubben"
is the event's customer) and ``lagertelling`` (the Gjøvik warehouse has finished a stock count;
it is about no customer).

Each case has a language tag in the comment above it: ``nb``, ``dial`` (Gudbrandsdal / Valdres
dialect), ``en`` (a Lithuanian-born worker's English, or plain English), ``riks`` (formal
old-fashioned Riksmål), ``mix`` (English-Norwegian marketing jargon) or ``sms`` (SMS
shorthand). Categories, as v12's: ``basic``, ``chains``, ``multi_day``, ``conditions``,
``calendar``, ``events``, ``delays``, ``templates_by_meaning``, ``new_templates``,
``must_ask``. The conversations (``HELD_OUT_V13_CONVERSATIONS``) are ``answers`` (the start
makes the assistant ask, the follow-up answers it, one word or more) or ``edits`` (the start is
a draft, the follow-up changes it); their ``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v12's, so the numbers compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way.
- In an event workflow a step that runs at once ("med en gang", "straks", "right away",
  "asap") has trigger ``None``; "N minutes / hours / days (døgn) / a week after" is
  ``{"delay_minutes": N in minutes}``, counted from the step before; the customer the event is
  about is ``{"event_customer": True}``. The ``kiosk-tom`` webhook's data names the customer, so
  "kunden" / "klubben" there is ``{"event_customer": True}``. Telling a staff group ("gi beskjed
  til lageret", "tell the sales team") is a step whose ``staff_group`` is that group; only
  ``staff_group`` and the event are given for it.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard order", "vanlig ordre" is ``create_order`` with ``mode``
  ``repeat_last``. Without a time, an order form is at 09:00 and a reminder at 15:00
  (nl-examples.md); an offer, newsletter, price list or any other email has no default time.
- A window written in the text is the condition's window: "siden mandag" / "sia måndag" is
  ``since: "last_monday"`` (any weekday likewise), "de siste 10 dagene" ``days_back: 10``, "to
  uker" 14 days, "3 weeks" 21 days, "30 dager" 30. A lone reminder without a window has no
  ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days`` ("man-tors" is Monday to Thursday); in a chain every day is a step of its own.
  Relative days ("dagen etter", "2 days later", "same day at 3pm") are the weekday they name,
  counted from the step before.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" is
  ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives (a date without a year is the next one
  after today: "4. juni" is 2029-06-04, "2. mars" 2030-03-02), otherwise on the next such
  weekday after ``HELD_OUT_V13_TODAY`` (a Tuesday; no unanchored case uses Tuesday): Wednesday
  2029-05-16, Thursday 2029-05-17 (17. mai), Friday 2029-05-18, Monday 2029-05-21 (2. pinsedag).
- A holiday policy is given only where the text says what happens on a public holiday ("også
  på helligdager" / "also on holidays" is ``run``; "ikke på helligdager" ``skip``; "the
  business day before" ``previous_business_day``; "dagen etter" ``next_business_day``; a "rød
  dag" is a public holiday).
- Clock words: "halv åtte" is 07:30, "kvart over sju" 07:15, "middag" 12:00; "08.30" is 08:30;
  a bare hour is only used where it cannot be read as night (6-11 in the morning, 12-18 written
  out, "2pm", or "same day at 3pm").
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("hvem som ikke har bestilt" is
  ``orders_missing``).
- Group slugs: food trucks / food truckene / foodtruckane ``foodtrucks``; ski resorts /
  alpinanleggene / alpinanlegga / skirestaurantene ``alpin``; campsites / campingplassene /
  campingplassa ``camping``; festivals / festivalene / festivalane ``festival``; pizzerias /
  pizzeriaene / pizzeriaa ``pizza``; sushi bars / sushibarene / sushibarane ``sushi``; school
  canteens / skolekantinene ``skolekantiner``; sports clubs / idrettslagene / idrettslaga /
  kioskene ``idrettslag``. "Restaurantene" (ski restaurants or pizzerias or sushi bars?),
  hotels, "de store kundene" and "kundene i Gjøvik" are not groups: a question.
- Templates by meaning: order form / skjema / bestillingsskjema / bestillingslista / order
  sheet / "Ukesbestilling" ``bestilling``; reminder / påminnelse / purring / follow-up about
  orders ``reminder``; confirmation / ordrebekreftelse / kvittering ``confirmation``; price
  list / prislista / prisoversikt / "prisene våre" ``prisliste``; newsletter / nyhetsbrev /
  månedsbrev / nyhetsskriv / "Grossistnytt" ``newsletter``; offer / tilbud / kampanje / deals /
  "Ukens kupp" ``tilbud``; welcome / velkomst ``velkomst``; season start / forhåndsbestilling
  for the season / season kickoff / "Sesongstart" ``sesong``; payment reminder for unpaid
  invoices / forfalte fakturaer / fakturapurring ``faktura`` (not the order reminder); hygiene
  and food-safety tips / glove handling / "Hygienerutiner" ``hygiene``. An email none of them
  covers (delivery routes, opening hours, a survey, a fair invitation, cup deposits, packaging
  recycling, allergen sheets, credit terms) is ``"new"``.
- Must ask: an unknown or ambiguous group; SMS, phone calls or social media (the format only
  sends email); a request that contradicts itself; a time or date that cannot exist (kl 25,
  24:30, 31 February, the fifth Monday, every 10 weeks); deleting customers or workflows, a
  cancelled order, a payment, a changed address, low stock or anything but ``order.created``,
  ``customer.created`` and named webhooks as trigger; no "when"; an offer, newsletter or price
  list without its time or day; a text that is not a workflow.

Today is Tuesday 15 May 2029 (ISO week 20, even). Thursday 17 May is Grunnlovsdag and the
Monday after (21 May) is 2. pinsedag, both public holidays; Kristi himmelfartsdag (10 May) has
just passed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import DAY, HOUR, ORDER, REPORT, SEND
from tests.ai_assistant.parser_phrasings_v2 import EditCase

# The shared builders of expected facts (tests/ai_assistant/expected_facts.py), under this
# set's short names.
_all = facts.everyone
_g = facts.group
_ev = facts.event_customer
_at = facts.at
_delay = facts.delay
_ms = facts.missing_since_start
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send

# Tuesday 15 May 2029 (ISO week 20, an even week); 17. mai is the Thursday after, 2. pinsedag
# the Monday after.
HELD_OUT_V13_TODAY = dt.date(2029, 5, 15)

HELD_OUT_V13_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1301,
        "name": "Ukesbestilling",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill emballasje og engangsvarer for neste uke",
    },
    {
        "id": 1302,
        "name": "Mangler vi bestillingen din?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi har ikke fått bestillingen din ennå",
    },
    {
        "id": 1303,
        "name": "Ordrekvittering",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen - her er kvitteringen",
    },
    {
        "id": 1304,
        "name": "Prisoversikt",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Gjeldende priser på bokser, servietter og hansker",
    },
    {
        "id": 1305,
        "name": "Grossistnytt",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedens nytt fra Mjøsa Storkjøkken & Emballasje",
    },
    {
        "id": 1306,
        "name": "Ukens kupp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Kampanje: takeaway-bokser og servietter til redusert pris",
    },
    {
        "id": 1307,
        "name": "Hei og velkommen",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Welcome as a customer of Mjøsa Storkjøkken & Emballasje",
    },
    {
        "id": 1308,
        "name": "Sesongstart",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Klar for skisesongen og festivalsesongen? Forhåndsbestill nå",
    },
    {
        "id": 1309,
        "name": "Ubetalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om forfalt faktura",
    },
    {
        "id": 1310,
        "name": "Hygienerutiner",
        "category": "hygiene",
        "variables": ["kunde_navn"],
        "subject": "Food safety: riktig bruk av engangshansker og matemballasje",
    },
]

HELD_OUT_V13_GROUPS: list[GroupInfo] = [
    {"slug": "foodtrucks", "name": "Food trucks", "size": 31},
    {"slug": "alpin", "name": "Alpinanlegg og skirestauranter", "size": 17},
    {"slug": "camping", "name": "Campingplasser", "size": 44},
    {"slug": "festival", "name": "Festivaler", "size": 9},
    {"slug": "pizza", "name": "Pizzeriaer", "size": 58},
    {"slug": "sushi", "name": "Sushibarer", "size": 21},
    {"slug": "skolekantiner", "name": "Skolekantiner", "size": 36},
    {"slug": "idrettslag", "name": "Idrettslag og kiosker", "size": 52},
]

HELD_OUT_V13_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "marked"]


def held_out_v13_context() -> ParseContext:
    """Mjøsa Storkjøkken & Emballasje's templates, groups and staff groups, on
    ``HELD_OUT_V13_TODAY``."""
    return facts.business_context(
        HELD_OUT_V13_TEMPLATES, HELD_OUT_V13_GROUPS, HELD_OUT_V13_STAFF_GROUPS, HELD_OUT_V13_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

MON, TUE, WED, THU, FRI, SAT, SUN = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def _chain(
    templates: list[str | None],
    triggers: list[dict[str, Any] | None] | None,
    recipients: dict[str, Any],
) -> dict[str, Any]:
    """Sends (and a usual order where the template is ``None``): the first to ``recipients``,
    every later step to the same audience, only those still without an order in this run."""
    steps = [SEND if t is not None else ORDER for t in templates]
    out: dict[str, Any] = {
        "steps": steps,
        "templates": templates,
        "recipients": [recipients] * len(steps),
        "conditions": [None] + [_ms()] * (len(steps) - 1),
    }
    if triggers is not None:
        out["triggers"] = triggers
    if ORDER in steps:
        out["mode"] = "repeat_last"
    return out


def _weekly_chain(
    templates: list[str | None], triggers: list[dict[str, Any]], recipients: dict[str, Any]
) -> dict[str, Any]:
    """A weekly chain whose schedule is its first step's day and time."""
    first = triggers[0]
    return _weekly(first["day"], first["time"], **_chain(templates, triggers, recipients))


def _report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report`` where the text names what it reports)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def _event_sends(
    kind: str,
    templates: list[str],
    triggers: list[dict[str, Any] | None],
    **more: Any,
) -> dict[str, Any]:
    """Sends to the customer the event is about, one per template, at ``triggers``."""
    return _event(
        kind,
        steps=[SEND] * len(templates),
        templates=templates,
        recipients=[_ev()] * len(templates),
        triggers=triggers,
        **more,
    )


def _kiosk(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="kiosk-tom", **more)


def _lager(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="lagertelling", **more)


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V13: list[Case] = [
    # --- basic ---------------------------------------------------------------------------------
    # nb
    Case(
        "Hver fredag kl 10 send bestillingsskjemaet til pizzeriaene",
        _wk1(FRI, "10:00", "bestilling", _g("pizza")),
        category="basic",
    ),
    # dial
    Case(
        "Æ vil at alle kundom ska få bestillingsskjemaet kvar måndag klokka åtte",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="basic",
    ),
    # en
    Case(
        "Every tuesday at 9 am send order form to sushi bars pls",
        _wk1(TUE, "09:00", "bestilling", _g("sushi")),
        category="basic",
    ),
    # riks
    Case(
        "Vær så vennlig å sende bestillingsskjemaet til samtlige kunder hver torsdag klokken 08.30",
        _wk1(THU, "08:30", "bestilling", _all()),
        category="basic",
    ),
    # mix
    Case(
        "Kan vi pushe ut order formen til food truckene hver onsdag kl 11?",
        _wk1(WED, "11:00", "bestilling", _g("foodtrucks")),
        category="basic",
    ),
    # sms
    Case(
        "bestillingsskjema til campingplassene hver man kl 7 pls",
        _wk1(MON, "07:00", "bestilling", _g("camping")),
        category="basic",
    ),
    # en
    Case(
        "can you make it so that the ski resorts get the order form every thursday 2pm",
        _wk1(THU, "14:00", "bestilling", _g("alpin")),
        category="basic",
    ),
    # nb
    Case(
        "Går det an å sende skjemaet til skolekantinene hver hverdag kl 07?",
        _daily("07:00", weekdays_only=True, **_one("bestilling", _g("skolekantiner"))),
        category="basic",
    ),
    # dial
    Case(
        "Dom på idrettslaga ska ha skjemaet kvar onsdag klokka ti",
        _wk1(WED, "10:00", "bestilling", _g("idrettslag")),
        category="basic",
    ),
    # en
    Case(
        "Each saturday 8 o'clock morning send order sheet to festivals",
        _wk1(SAT, "08:00", "bestilling", _g("festival")),
        category="basic",
    ),
    # riks
    Case(
        "Hver søndag klokken 18 ønskes bestillingsskjemaet tilsendt alle våre kunder.",
        _wk1(SUN, "18:00", "bestilling", _all()),
        category="basic",
    ),
    # sms
    Case(
        "daglig kl 06:30 skjema til food truckene",
        _daily("06:30", **_one("bestilling", _g("foodtrucks"))),
        category="basic",
    ),
    # nb
    Case(
        "Sett opp at sushibarene får bestillingslista hver mandag halv åtte",
        _wk1(MON, "07:30", "bestilling", _g("sushi")),
        category="basic",
    ),
    # --- chains --------------------------------------------------------------------------------
    # nb
    Case(
        "Skjema til pizzeriaene tirsdag kl 9, påminnelse torsdag kl 14 til de som ikke har "
        "bestilt, og fredag kl 10 legg inn vanlig ordre for dem som fortsatt mangler",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "09:00"), _at(THU, "14:00"), _at(FRI, "10:00")],
            _g("pizza"),
        ),
        category="chains",
    ),
    # dial
    Case(
        "Send skjemaet ått alle på måndag klokka ni, å på onsdag klokka tolv ska dom som itte "
        "har bestilt få ei påminnelse",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "12:00")], _all()),
        category="chains",
    ),
    # en
    Case(
        "Monday 8am order form to campsites, then 2 days later at 1pm reminder for who not "
        "ordered yet, and next day 11am make their usual order",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(WED, "13:00"), _at(THU, "11:00")],
            _g("camping"),
        ),
        category="chains",
    ),
    # mix
    Case(
        "Kickoff mandag kl 10 med skjemaet til festivalene, follow-up onsdag kl 15 til de som "
        "ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "10:00"), _at(WED, "15:00")], _g("festival")
        ),
        category="chains",
    ),
    # sms
    Case(
        "skjema man kl 9, purring tors kl 15, ny purring fre kl 9, så standardordre fre kl 12 "
        "for dem som mangler. alle kunder",
        _weekly(
            MON,
            "09:00",
            **facts.form_two_reminders_order(
                [_at(MON, "09:00"), _at(THU, "15:00"), _at(FRI, "09:00"), _at(FRI, "12:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # riks
    Case(
        "Bestillingsskjemaet bør sendes våre sushibarer hver onsdag klokken 09.00. Har de ikke "
        "bestilt innen fredag klokken 12.00, ønskes en påminnelse sendt dem.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(WED, "09:00"), _at(FRI, "12:00")], _g("sushi")
        ),
        category="chains",
    ),
    # nb
    Case(
        "Send bestillingsskjema til alpinanleggene mandag og påminnelse onsdag",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "15:00")], _g("alpin")
        ),
        category="chains",
    ),
    # en
    Case(
        "thursday 7am form to school canteens, same day at 3pm reminder to who has not ordered",
        _weekly_chain(
            ["bestilling", "reminder"],
            [_at(THU, "07:00"), _at(THU, "15:00")],
            _g("skolekantiner"),
        ),
        category="chains",
    ),
    # dial
    Case(
        "Skjemaet ått pizzeriaa fredag klokka åtte, å påminnelse dagen ette klokka ti om dom "
        "itte har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(FRI, "08:00"), _at(SAT, "10:00")], _g("pizza")
        ),
        category="chains",
    ),
    # en
    Case(
        "Sunday 6pm order form to all customers, Monday 9am reminder, Monday 2pm second "
        "reminder, Tuesday 10am place the usual order for those still missing",
        _weekly(
            SUN,
            "18:00",
            **facts.form_two_reminders_order(
                [_at(SUN, "18:00"), _at(MON, "09:00"), _at(MON, "14:00"), _at(TUE, "10:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Mandag kl 9 skjema til alle, torsdag kl 15 påminnelse, og fredag kl 12 send en "
        "rapport over hvem som ikke har bestilt til lager@mjosastorkjokken.no",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at(MON, "09:00"), _at(THU, "15:00"), _at(FRI, "12:00")],
            report="orders_missing",
            send_to=["lager@mjosastorkjokken.no"],
        ),
        category="chains",
    ),
    # mix
    Case(
        "Kan vi kickoffe uka med order form til idrettslagene mandag kl 08, pushe en reminder "
        "tirsdag kl 12 og en til onsdag kl 12, og torsdag kl 9 bare legge inn det samme som "
        "sist for de som fortsatt ikke har ordret?",
        _weekly(
            MON,
            "08:00",
            **facts.form_two_reminders_order(
                [_at(MON, "08:00"), _at(TUE, "12:00"), _at(WED, "12:00"), _at(THU, "09:00")],
                _g("idrettslag"),
            ),
        ),
        category="chains",
    ),
    # riks
    Case(
        "Hver tirsdag klokken 10 skal bestillingsskjemaet gå til campingplassene, og efter to "
        "dager, klokken 10, en påminnelse til dem som ennu ikke har bestilt.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "10:00"), _at(THU, "10:00")], _g("camping")
        ),
        category="chains",
    ),
    # sms
    Case(
        "ons kl 8 skjema til food truckene, tors kl 13 purring, fre kl 8 vanlig ordre til de "
        "som mangler",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(WED, "08:00"), _at(THU, "13:00"), _at(FRI, "08:00")],
            _g("foodtrucks"),
        ),
        category="chains",
    ),
    # --- multi_day -----------------------------------------------------------------------------
    # nb
    Case(
        "Send prislista til alle kundene mandag og torsdag kl 08:00",
        _days([MON, THU], "08:00", **_one("prisliste", _all())),
        category="multi_day",
    ),
    # en
    Case(
        "order form to food trucks every wednesday and saturday at 10am",
        _days([WED, SAT], "10:00", **_one("bestilling", _g("foodtrucks"))),
        category="multi_day",
    ),
    # dial
    Case(
        "Tysdag å fredag klokka sju ska pizzeriaa få bestillingsskjemaet",
        _days([TUE, FRI], "07:00", **_one("bestilling", _g("pizza"))),
        category="multi_day",
    ),
    # sms
    Case(
        "tilbud til festivalene man, ons, fre kl 12",
        _days([MON, WED, FRI], "12:00", **_one("tilbud", _g("festival"))),
        category="multi_day",
    ),
    # mix
    Case(
        "Kan vi sette opp at sushibarene får order form man-tors kl 9?",
        _days([MON, TUE, WED, THU], "09:00", **_one("bestilling", _g("sushi"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Skjema mandag kl 9 til alle, påminnelse onsdag og fredag kl 13 til de som ikke har "
        "bestilt",
        _weekly_chain(
            ["bestilling", "reminder", "reminder"],
            [_at(MON, "09:00"), _at(WED, "13:00"), _at(FRI, "13:00")],
            _all(),
        ),
        category="multi_day",
    ),
    # riks
    Case(
        "Prisoversikten ønskes sendt pizzeriaene hver mandag, onsdag og fredag klokken 07.45",
        _days([MON, WED, FRI], "07:45", **_one("prisliste", _g("pizza"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Lørdag og søndag kl 08 send ukens kupp til campingplassene",
        _days([SAT, SUN], "08:00", **_one("tilbud", _g("camping"))),
        category="multi_day",
    ),
    # en
    Case(
        "send the deals to ski resorts on friday, saturday and sunday at 7am, it is ski season",
        _days([FRI, SAT, SUN], "07:00", **_one("tilbud", _g("alpin"))),
        category="multi_day",
    ),
    # --- conditions ----------------------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 10 send påminnelse til alle som ikke har bestilt de siste 10 dagene",
        _wk1(MON, "10:00", "reminder", _all(), conditions=[_missing(days_back=10)]),
        category="conditions",
    ),
    # en
    Case(
        "every day at 11 remind pizzerias that did not order for 3 weeks",
        _daily("11:00", **_one("reminder", _g("pizza"), conditions=[_missing(days_back=21)])),
        category="conditions",
    ),
    # dial
    Case(
        "Fredag klokka tolv: påminnelse te alle som itte har bestilt sia måndag",
        _wk1(FRI, "12:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver fredag kl 14 send tilbudet til kundene som har bestilt de siste 14 dagene",
        _wk1(FRI, "14:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # en
    Case(
        "Every Thursday at 4pm send the price list to the food trucks that have ordered since "
        "Monday",
        _wk1(
            THU, "16:00", "prisliste", _g("foodtrucks"), conditions=[_ordered(since="last_monday")]
        ),
        category="conditions",
    ),
    # sms
    Case(
        "purring ons kl 13 til alle som ikke har bestilt siden søndag",
        _wk1(WED, "13:00", "reminder", _all(), conditions=[_missing(since="last_sunday")]),
        category="conditions",
    ),
    # riks
    Case(
        "Hver fredag klokken 11 bes en påminnelse sendt de idrettslag som ikke har bestilt på to "
        "uker.",
        _wk1(FRI, "11:00", "reminder", _g("idrettslag"), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # mix
    Case(
        "Kan vi targete alpinanleggene som ikke har ordret på 30 dager med ukens deals hver "
        "mandag kl 9?",
        _wk1(MON, "09:00", "tilbud", _g("alpin"), conditions=[_missing(days_back=30)]),
        category="conditions",
    ),
    # en
    Case(
        "remind everyone who haven't order last 7 day, every monday 8am",
        _wk1(MON, "08:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver onsdag kl 09 send prislista til skolekantinene som har bestilt siden fredag",
        _wk1(
            WED,
            "09:00",
            "prisliste",
            _g("skolekantiner"),
            conditions=[_ordered(since="last_friday")],
        ),
        category="conditions",
    ),
    # dial
    Case(
        "Kvar torsdag klokka ni ska sushibarane som itte har bestilt dom siste fem dagan få "
        "ei påminnelse",
        _wk1(THU, "09:00", "reminder", _g("sushi"), conditions=[_missing(days_back=5)]),
        category="conditions",
    ),
    # --- calendar (today Tuesday 2029-05-15, ISO week 20) --------------------------------------
    # nb
    Case(
        "Annenhver fredag kl 10 send bestillingsskjema til festivalene",
        _weekly(
            FRI,
            "10:00",
            every_weeks=2,
            anchor="2029-05-18",
            **_one("bestilling", _g("festival")),
        ),
        category="calendar",
    ),
    # dial
    Case(
        "Kvar tredje torsdag klokka ni ska alpinanlegga få skjemaet",
        _weekly(
            THU, "09:00", every_weeks=3, anchor="2029-05-17", **_one("bestilling", _g("alpin"))
        ),
        category="calendar",
    ),
    # en
    Case(
        "every second monday 9am order form to campsites, first time 4 june",
        _weekly(
            MON, "09:00", every_weeks=2, anchor="2029-06-04", **_one("bestilling", _g("camping"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08 send nyhetsbrevet til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # riks
    Case(
        "Den siste fredag i hver måned klokken 14 ønskes prisoversikten sendt samtlige kunder",
        _monthly("14:00", weekday=FRI, nth=-1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "last day of every month at 3pm send the monthly report to okonomi@mjosastorkjokken.no",
        _monthly("15:00", day_of_month="last", **_report(["okonomi@mjosastorkjokken.no"])),
        category="calendar",
    ),
    # nb
    Case(
        "Siste virkedag i måneden kl 12 send fakturapurring til alle kundene",
        _monthly("12:00", business_day=-1, **_one("faktura", _all())),
        category="calendar",
    ),
    # sms
    Case(
        "skjema i partallsuker tirs kl 9 til pizzeriaene",
        _weekly(TUE, "09:00", iso_weeks="even", **_one("bestilling", _g("pizza"))),
        category="calendar",
    ),
    # dial
    Case(
        "I oddetallsvekene ska sushibarane ha skjemaet måndag klokka ni",
        _weekly(MON, "09:00", iso_weeks="odd", **_one("bestilling", _g("sushi"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 07 send dagens tilbud til food truckene",
        _daily("07:00", business_days_only=True, **_one("tilbud", _g("foodtrucks"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver torsdag kl 9 skjema til alle, men ikke på helligdager",
        _weekly(THU, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="calendar",
    ),
    # en
    Case(
        "order form every thursday 8am to ski resorts; if thursday is a public holiday send it "
        "the business day before",
        _weekly(
            THU,
            "08:00",
            holiday_policy="previous_business_day",
            **_one("bestilling", _g("alpin")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "Hver mandag kl 10 pushe ut tilbudet til festivalene, og er det rød dag så ta det "
        "dagen etter",
        _weekly(MON, "10:00", holiday_policy="next_business_day", **_one("tilbud", _g("festival"))),
        category="calendar",
    ),
    # riks
    Case(
        "Annen virkedag i måneden klokken 08.00 ønskes bestillingsskjemaet sendt skolekantinene",
        _monthly("08:00", business_day=2, **_one("bestilling", _g("skolekantiner"))),
        category="calendar",
    ),
    # nb
    Case(
        "Tredje onsdag i måneden kl 13 send ukens kupp til idrettslagene",
        _monthly("13:00", weekday=WED, nth=3, **_one("tilbud", _g("idrettslag"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver fjerde uke på mandag kl 08:00 send prislista til alle",
        _weekly(MON, "08:00", every_weeks=4, anchor="2029-05-21", **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "every other wednesday 11am newsletter to all customers, also on public holidays",
        _weekly(
            WED,
            "11:00",
            every_weeks=2,
            anchor="2029-05-16",
            holiday_policy="run",
            **_one("newsletter", _all()),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Annenhver lørdag kl 09 skjema til campingplassene, første gang 2. mars",
        _weekly(
            SAT, "09:00", every_weeks=2, anchor="2030-03-02", **_one("bestilling", _g("camping"))
        ),
        category="calendar",
    ),
    # sms
    Case(
        "prisliste til alle første virkedag hver mnd kl 7",
        _monthly("07:00", business_day=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # dial
    Case(
        "Fyste måndag i månaden klokka ni ska alle få månedsbrevet",
        _monthly("09:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "the 20th every month 10am send payment reminder about unpaid invoices to all customers",
        _monthly("10:00", day_of_month=20, **_one("faktura", _all())),
        category="calendar",
    ),
    # --- events --------------------------------------------------------------------------------
    # nb
    Case(
        "Når en ny kunde registreres, send velkomstmail med en gang",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # en
    Case(
        "when customer place order send confirmation right away",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # dial
    Case(
        "Når nån legg inn ei bestilling, ska dom få kvittering med det same",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # nb
    Case(
        "Når webhooken kiosk-tom kommer, send bestillingsskjemaet til kunden med en gang",
        _kiosk(steps=[SEND], templates=["bestilling"], recipients=[_ev()], triggers=[None]),
        category="events",
    ),
    # nb
    Case(
        "Når webhooken lagertelling kommer inn, send rapport til lager@mjosastorkjokken.no",
        _lager(**_report(["lager@mjosastorkjokken.no"])),
        category="events",
    ),
    # en
    Case(
        "when the kiosk-tom webhook comes in, tell the sales team",
        _kiosk(staff_group="salg"),
        category="events",
    ),
    # riks
    Case(
        "Når en ny kunde opprettes, ønskes et velkomstbrev sendt vedkommende straks.",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # nb
    Case(
        "Når det kommer inn en ordre, gi beskjed til lageret",
        _event("order.created", staff_group="lager"),
        category="events",
    ),
    # sms
    Case(
        "ny ordre -> bekreftelse til kunden asap",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # mix
    Case(
        "Når kiosk-tom-webhooken trigger, send ukens deals til klubben med en gang",
        _kiosk(steps=[SEND], templates=["tilbud"], recipients=[_ev()], triggers=[None]),
        category="events",
    ),
    # --- delays --------------------------------------------------------------------------------
    # nb
    Case(
        "Når en ny kunde registreres: velkomstmail med en gang, og prislista 2 dager etter",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(2 * DAY)]),
        category="delays",
    ),
    # en
    Case(
        "when order is created, send confirmation after 30 minutes",
        _event_sends("order.created", ["confirmation"], [_delay(30)]),
        category="delays",
    ),
    # dial
    Case(
        "Når det kjem inn ein ny kunde, send velkomst straks, å ei veke ette send dom nyhetsbrevet",
        _event_sends("customer.created", ["velkomst", "newsletter"], [None, _delay(7 * DAY)]),
        category="delays",
    ),
    # sms
    Case(
        "ny kunde -> velkomst asap, prisliste etter 3 t, tilbud etter 2 døgn",
        _event_sends(
            "customer.created",
            ["velkomst", "prisliste", "tilbud"],
            [None, _delay(3 * HOUR), _delay(2 * DAY)],
        ),
        category="delays",
    ),
    # riks
    Case(
        "Efter at en ordre er mottatt, ønskes en ordrebekreftelse sendt kunden efter en time.",
        _event_sends("order.created", ["confirmation"], [_delay(HOUR)]),
        category="delays",
    ),
    # mix
    Case(
        "Når kiosk-tom webhooken trigger, send ukens deals til kunden etter 15 min",
        _kiosk(steps=[SEND], templates=["tilbud"], recipients=[_ev()], triggers=[_delay(15)]),
        category="delays",
    ),
    # en
    Case(
        "new customer: welcome mail immediately, 1 day later order form, 3 days after that a "
        "reminder if they not ordered",
        _event(
            "customer.created",
            steps=[SEND, SEND, SEND],
            templates=["velkomst", "bestilling", "reminder"],
            recipients=[_ev()] * 3,
            triggers=[None, _delay(DAY), _delay(3 * DAY)],
            conditions=[None, None, _ms()],
        ),
        category="delays",
    ),
    # nb
    Case(
        "Når det kommer en ordre, send bekreftelse med en gang og hygienetips en halvtime etter",
        _event_sends("order.created", ["confirmation", "hygiene"], [None, _delay(30)]),
        category="delays",
    ),
    # en
    Case(
        "When kiosk-tom webhook arrive, send order form to the club at once, and after 2 hours "
        "a reminder if no order",
        _kiosk(
            steps=[SEND, SEND],
            templates=["bestilling", "reminder"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(2 * HOUR)],
            conditions=[None, _ms()],
        ),
        category="delays",
    ),
    # --- templates_by_meaning ------------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 08:00 send prisene våre til pizzeriaene",
        _wk1(MON, "08:00", "prisliste", _g("pizza")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "every friday 9am send the deals to food trucks",
        _wk1(FRI, "09:00", "tilbud", _g("foodtrucks")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver torsdag kl 10 send info om forfalte fakturaer til alle kundene",
        _wk1(THU, "10:00", "faktura", _all()),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "every monday 7am send tips about food safety and glove handling to school canteens",
        _wk1(MON, "07:00", "hygiene", _g("skolekantiner")),
        category="templates_by_meaning",
    ),
    # riks
    Case(
        "Hver mandag klokken 09 ønskes kampanjetilbudene sendt til pizzeriaene",
        _wk1(MON, "09:00", "tilbud", _g("pizza")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "Hver onsdag kl 10 send season kickoff-mailen til alpinanleggene",
        _wk1(WED, "10:00", "sesong", _g("alpin")),
        category="templates_by_meaning",
    ),
    # sms
    Case(
        "prisoversikt til sushibarene hver tors kl 8",
        _wk1(THU, "08:00", "prisliste", _g("sushi")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver mandag kl 9 send forhåndsbestilling for skisesongen til alpinanleggene",
        _wk1(MON, "09:00", "sesong", _g("alpin")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Når en ny kunde kommer til, send kunden en hilsen som ønsker dem velkommen",
        _event("customer.created", templates=["velkomst"], recipients=[_ev()]),
        category="templates_by_meaning",
    ),
    # dial
    Case(
        "Kvar fredag klokka elleve ska dom på festivalane få tilboda våre",
        _wk1(FRI, "11:00", "tilbud", _g("festival")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver mandag kl 06 send oversikten over hva boksene og hanskene koster nå til food "
        "truckene",
        _wk1(MON, "06:00", "prisliste", _g("foodtrucks")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "first monday of the month 10am send our monthly news letter to campsites",
        _monthly("10:00", weekday=MON, nth=1, **_one("newsletter", _g("camping"))),
        category="templates_by_meaning",
    ),
    # riks
    Case(
        "Efter hver ordre ønskes kunden tilsendt en kvittering for bestillingen straks.",
        _event_sends("order.created", ["confirmation"], [None]),
        category="templates_by_meaning",
    ),
    # --- new_templates -------------------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 08 send info om nye leveringsruter til campingplassene",
        _wk1(MON, "08:00", "new", _g("camping")),
        category="new_templates",
    ),
    # en
    Case(
        "every friday 10am send our opening hours for the summer holiday to all customers",
        _wk1(FRI, "10:00", "new", _all()),
        category="new_templates",
    ),
    # dial
    Case(
        "Kvar onsdag klokka ni send ei spørreundersøkelse te idrettslaga om kåles dom lika "
        "varene våre",
        _wk1(WED, "09:00", "new", _g("idrettslag")),
        category="new_templates",
    ),
    # riks
    Case(
        "Hver onsdag klokken 10 ønskes en invitasjon til vår høstmesse i Gjøvik sendt samtlige "
        "kunder",
        _wk1(WED, "10:00", "new", _all()),
        category="new_templates",
    ),
    # mix
    Case(
        "Hver torsdag kl 9 pushe ut info om pant på festivalkopper til festivalene",
        _wk1(THU, "09:00", "new", _g("festival")),
        category="new_templates",
    ),
    # sms
    Case(
        "info om nye åpningstider på lageret til alle hver man kl 7",
        _wk1(MON, "07:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 09 send kundene info om gjenvinning av emballasje",
        _monthly("09:00", weekday=MON, nth=1, **_one("new", _all())),
        category="new_templates",
    ),
    # en
    Case(
        "every monday 8am send the allergen information sheet to sushi bars",
        _wk1(MON, "08:00", "new", _g("sushi")),
        category="new_templates",
    ),
    # nb
    Case(
        "Når en ny kunde registreres, send kredittvilkårene våre med en gang",
        _event_sends("customer.created", ["new"], [None]),
        category="new_templates",
    ),
    # --- must_ask ------------------------------------------------------------------------------
    # nb: "restaurantene" could be the ski restaurants, the pizzerias or the sushi bars
    Case("Send skjema til restaurantene hver mandag kl 9", Q, category="must_ask"),
    # en: no hotels group
    Case("send order form to hotels every friday 9am", Q, category="must_ask"),
    # nb: SMS
    Case("Send SMS til food truckene hver morgen kl 7 om dagens tilbud", Q, category="must_ask"),
    # dial: phone calls
    Case("Ring alle pizzeriaa kvar fredag klokka ti", Q, category="must_ask"),
    # nb: newsletter without day or time
    Case("Send grossistnytt til campingplassene en gang i måneden", Q, category="must_ask"),
    # en: offer without day or time
    Case("send offers to festivals every week", Q, category="must_ask"),
    # riks: offer without time
    Case("De bes sende tilbudene til sushibarene hver torsdag.", Q, category="must_ask"),
    # nb: contradiction
    Case(
        "Send skjema hver mandag kl 9 til alle, men ikke send noe på mandager",
        Q,
        category="must_ask",
    ),
    # en: impossible time
    Case("every day at 25:00 send reminder to pizzerias", Q, category="must_ask"),
    # nb: impossible date
    Case("Send skjema den 31. februar kl 9 til alle", Q, category="must_ask"),
    # nb: no fifth Monday
    Case("Femte mandag i måneden kl 08 send prislista til alle", Q, category="must_ask"),
    # sms: every 10 weeks is beyond 1..8
    Case("skjema hver 10. uke man kl 9 til alle", Q, category="must_ask"),
    # nb: destructive
    Case("Slett alle kundene som ikke har bestilt på et år", Q, category="must_ask"),
    # en: cancelling orders
    Case("cancel all orders from pizzerias that are not paid", Q, category="must_ask"),
    # nb: payment is not a trigger
    Case("Når en kunde betaler fakturaen, send en takk", Q, category="must_ask"),
    # nb: address change is not a trigger
    Case("Når en kunde endrer adresse, send bekreftelse", Q, category="must_ask"),
    # dial: not a workflow
    Case("Kåles går det med bestillingane i dag?", Q, category="must_ask"),
    # en: not a workflow
    Case("buy more gloves from the supplier", Q, category="must_ask"),
    # mix: social media
    Case("Kan vi pushe ut sommerkampanjen på Instagram hver fredag kl 12?", Q, category="must_ask"),
    # nb: no when
    Case("Send påminnelse til alle", Q, category="must_ask"),
    # nb: not a group
    Case("Send bestillingsskjema til de store kundene hver mandag kl 9", Q, category="must_ask"),
    # en: not a group
    Case("every monday 9am send the form to customers in Gjøvik", Q, category="must_ask"),
    # riks: destructive
    Case("Slett samtlige arbeidsflyter vi har, og begynn forfra.", Q, category="must_ask"),
    # en: SMS and an unknown event
    Case("text the campsites when their order ships", Q, category="must_ask"),
    # nb: newsletter every other week without day or time
    Case("Send nyhetsbrev til idrettslagene annenhver uke", Q, category="must_ask"),
    # nb: low stock is not an event
    Case(
        "Når vi har lite hansker på lager, send e-post til alle kundene",
        Q,
        category="must_ask",
    ),
    # sms: impossible time
    Case("skjema til alle hver man kl 24:30", Q, category="must_ask"),
    # mix: no group ("noen av kundene") and no day or time
    Case("Kan vi pushe ut prislista til noen av kundene snart?", Q, category="must_ask"),
]

HELD_OUT_V13_CONVERSATIONS: list[EditCase] = [
    # --- answers -------------------------------------------------------------------------------
    # nb
    EditCase(
        "Send grossistnytt til alle kundene en gang i måneden",
        "den 1. kl 08",
        _monthly("08:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "Send tilbud til pizzeriaene hver uke",
        "fredag kl 10",
        _wk1(FRI, "10:00", "tilbud", _g("pizza")),
        category="answers",
    ),
    # dial: one word
    EditCase(
        "Send skjema til restaurantene hver mandag kl 9",
        "alpinanlegga",
        _wk1(MON, "09:00", "bestilling", _g("alpin")),
        category="answers",
    ),
    # en
    EditCase(
        "send order form to hotels every thursday 8am",
        "sorry, i mean sushi bars",
        _wk1(THU, "08:00", "bestilling", _g("sushi")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send SMS til food truckene hver fredag kl 9 med ukens kupp",
        "ta det på e-post i stedet",
        _wk1(FRI, "09:00", "tilbud", _g("foodtrucks")),
        category="answers",
    ),
    # sms
    EditCase(
        "prisliste til campingplassene hver tors",
        "kl 7",
        _wk1(THU, "07:00", "prisliste", _g("camping")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send påminnelse til alle",
        "hver onsdag kl 13",
        _wk1(WED, "13:00", "reminder", _all()),
        category="answers",
    ),
    # sms
    EditCase(
        "nyhetsbrev til skolekantinene hver mnd",
        "første mandag kl 8",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _g("skolekantiner"))),
        category="answers",
    ),
    # riks
    EditCase(
        "Nyhetsskrivet ønskes sendt idrettslagene.",
        "Den siste fredag i hver måned, klokken 14.",
        _monthly("14:00", weekday=FRI, nth=-1, **_one("newsletter", _g("idrettslag"))),
        category="answers",
    ),
    # nb: the answer gives the day, an offer still has no time
    EditCase("Send tilbud til festivalene", "onsdag", Q, category="answers"),
    # dial: one word, a bare hour in the morning
    EditCase(
        "Send tilbod te festivalane kvar onsdag",
        "elleve",
        _wk1(WED, "11:00", "tilbud", _g("festival")),
        category="answers",
    ),
    # en: one word
    EditCase(
        "send the deals every monday 10am to the restaurants",
        "pizzerias",
        _wk1(MON, "10:00", "tilbud", _g("pizza")),
        category="answers",
    ),
    # --- edits ---------------------------------------------------------------------------------
    # nb
    EditCase(
        "Skjema til pizzeriaene mandag kl 9, påminnelse onsdag kl 15",
        "flytt purringen til torsdag kl 12",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "12:00")], _g("pizza")
        ),
        category="edits",
    ),
    # nb
    EditCase(
        "Hver fredag kl 10 send ukens kupp til food truckene",
        "bytt til sushibarene",
        _wk1(FRI, "10:00", "tilbud", _g("sushi")),
        category="edits",
    ),
    # en
    EditCase(
        "Every monday 8am order form to campsites",
        "make it 7:30 instead",
        _wk1(MON, "07:30", "bestilling", _g("camping")),
        category="edits",
    ),
    # nb
    EditCase(
        "Hver mandag kl 9 skjema til alle",
        "men ikke på helligdager",
        _weekly(MON, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="edits",
    ),
    # nb
    EditCase(
        "Skjema mandag kl 9 til alle",
        "legg til påminnelse torsdag kl 15 for dem som ikke har bestilt",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _all()),
        category="edits",
    ),
    # nb
    EditCase(
        "Skjema tirsdag kl 9, purring torsdag kl 15, fredag kl 12 vanlig ordre for de som "
        "mangler, til alle",
        "fjern ordren",
        _weekly_chain(["bestilling", "reminder"], [_at(TUE, "09:00"), _at(THU, "15:00")], _all()),
        category="edits",
    ),
    # nb
    EditCase(
        "Send prislista til alle hver mandag kl 8",
        "gjør det annenhver uke",
        _weekly(MON, "08:00", every_weeks=2, anchor="2029-05-21", **_one("prisliste", _all())),
        category="edits",
    ),
    # nb
    EditCase(
        "Når en ny kunde registreres, send velkomstmail",
        "vent 2 timer før den sendes",
        _event_sends("customer.created", ["velkomst"], [_delay(2 * HOUR)]),
        category="edits",
    ),
    # nb
    EditCase(
        "hver dag kl 11 påminnelse til de som ikke har bestilt siste 5 dager",
        "bare til skolekantinene",
        _daily(
            "11:00",
            **_one("reminder", _g("skolekantiner"), conditions=[_missing(days_back=5)]),
        ),
        category="edits",
    ),
    # en
    EditCase(
        "Every Thursday 2pm order form to ski resorts",
        "actually every weekday instead",
        _daily("14:00", weekdays_only=True, **_one("bestilling", _g("alpin"))),
        category="edits",
    ),
    # mix
    EditCase(
        "Hver fredag kl 10 pushe ut tilbudet til festivalene",
        "swap til prislista",
        _wk1(FRI, "10:00", "prisliste", _g("festival")),
        category="edits",
    ),
    # dial
    EditCase(
        "Skjemaet ått campingplassa kvar måndag klokka ni",
        "æ vil ha det på tysdag i staden",
        _wk1(TUE, "09:00", "bestilling", _g("camping")),
        category="edits",
    ),
]
