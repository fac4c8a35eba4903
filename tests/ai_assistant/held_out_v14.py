"""Held-out phrasing set v14 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders); of
``tests/ai_assistant/held_out_v13.py`` only the part above ``HELD_OUT_V13: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class EditCase``,
the cases just above it and the first conversation after it); of
``benchmarks/bench_offline_parser.py`` lines 47-100 and 167-281 (the imports and the rows of
v13, to add this set's rows; their comments name the businesses of earlier sets, so this one is
a business none of them had) and, of ``tests/ai_assistant/test_parser_accuracy.py``, lines
205-245 (the benchmark test's list of metric names, to add this set's two). The parser was never
run on these cases (only an import of this module, to check that it is well-formed) before the
one measurement.

The business: Vestfold Helse & Velvære Engros AS, a wholesaler of pharmacy goods, health food,
supplements, sports nutrition and wellness products (massage oils, sauna products, sun cream)
in Tønsberg with a warehouse in Sandefjord. Customers: pharmacies (apotek), health-food shops
(helsekost), gyms (treningssentre), physiotherapists (fysioterapeuter), spas, elderly care
homes (omsorgssentre) and sports shops (sportsbutikker). Its people write Vestfold dialect
("æ", "ikke", "hu", "te", "kundan", "apotekan", "sia"), a Somali-born driver writes simple
Norwegian (no inflection, "du sende", "klokke"), a Finnish-Swedish buyer writes Swedish, the CFO
writes terse English with abbreviations ("EOM", "asap", "Mon", "w/ no order", "fortnightly",
"last working day"), some dictate with filler words ("ehm", "liksom", "altså"), some give the
request as a numbered plan or a table-like list, in the passive voice ("skjemaet skal sendes
ut ...") or as a wish for the future ("fra neste uke av vil vi at ..."), with exceptions ("men
ikke på helligdager"). Webhooks named in texts: ``lager-lavt`` (a customer's shop system
reports that its shelf of our goods is running low; the webhook's data names that customer, so
"kunden" / "the customer" / "butikken" is the event's customer) and ``prisfil`` (our supplier's
new price file has been imported; it is about no customer).

Each case has a language tag in the comment above it: ``nb``, ``dial`` (Vestfold dialect),
``en`` (the CFO's terse English, or plain English), ``sv`` (Swedish), ``simple`` (simple
Norwegian of a second-language writer) or ``dict`` (dictated, with filler words). Categories, as
v13's: ``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``,
``delays``, ``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V14_CONVERSATIONS``) are ``answers`` (the start makes the assistant ask, the
follow-up answers it, one word or more) or ``edits`` (the start is a draft, the follow-up
changes it); their ``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v13's, so the numbers compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way.
- In an event workflow a step that runs at once ("med en gang", "straks", "direkt", "right
  away", "asap") has trigger ``None``; "N minutes / hours / days (døgn) / a week after" is
  ``{"delay_minutes": N in minutes}``, counted from the step before ("en halvtime" 30); the
  customer the event is about is ``{"event_customer": True}``. Telling a staff group ("gi
  beskjed til lageret", "tell the drivers") is a step whose ``staff_group`` is that group; only
  ``staff_group`` and the event are given for it.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard order", "vanlig ordre", "standardordre", "standing order" is
  ``create_order`` with ``mode`` ``repeat_last``. Without a time, an order form is at 09:00 and
  a reminder at 15:00 (nl-examples.md); an offer, newsletter, price list or any other email has
  no default time.
- A window written in the text is the condition's window: "siden mandag" / "sia tirsdag" is
  ``since: "last_monday"`` / ``"last_tuesday"``, "de siste 10 dagene" ``days_back: 10``, "to
  uker" / "två veckor" 14 days, "3 weeks" / "tre ukene" 21 days, "30 dager" 30. A lone reminder
  without a window has no ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days`` in week order ("måndag till torsdag" is Monday to Thursday); in a chain every day is a
  step of its own. Relative days ("dagen etter", "to dager senere", "the day after", "same day
  at 3pm", "mandagen etter") are the weekday they name, counted from the step before.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" is
  ``business_days_only``; "første virkedag" ``business_day: 1``, "last working day" -1, "nest
  siste virkedag" -2.
- ``every_weeks`` is anchored on the date the text gives (a date without a year is the next one
  after today: "8. januar" is 2030-01-08, "9 January" 2030-01-09, "11. januar" 2030-01-11),
  otherwise on the next such weekday after ``HELD_OUT_V14_TODAY`` (a Thursday; no unanchored
  case uses Thursday): Friday 2029-12-28, Monday 2029-12-31. "Annenhver" / "fortnightly" is 2,
  "hver tredje uke" 3.
- A holiday policy is given only where the text says what happens on a public holiday ("også
  på helligdager" is ``run``; "ikke på helligdager" ``skip``; "the business day before"
  ``previous_business_day``; "dagen etter" ``next_business_day``; a "rød dag" is a public
  holiday).
- Clock words: "ti over åtte" is 08:10, "halv ni" 08:30, "middag" / "noon" 12:00; "7.45am" is
  07:45; a bare hour is only used where it cannot be read as night (6-11 in the morning, 12-18
  written out, "2pm").
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("hvem som ikke har bestilt" / "who hasn't ordered"
  is ``orders_missing``).
- Group slugs: pharmacies / apotekene / apotekan / apotek ``apotek``; health-food shops /
  helsekostbutikkene / helsekost ``helsekost``; gyms / gymene / treningssentrene ``trening``;
  physios / fysioterapeutene / fysioterapeut ``fysio``; spas / spaene / spaan ``spa``; care
  homes / omsorgssentrene / omsorgssentran / omsorgssenter ``omsorg``; sports shops /
  sportsbutikkene / sportbutikerna ``sport``. "Butikkene" (health-food or sports shops?),
  hotels, "de store kundene" and "kundene i Sandefjord" are not groups: a question.
- Templates by meaning: order form / skjema / bestillingsskjema / bestillingslista /
  ordreskjema / beställningsformulär ``bestilling``; reminder / påminnelse / purring /
  purringa ``reminder``; confirmation / ordrebekreftelse / bekräftelse ``confirmation``;
  price list / prislista / "prisene våre" / prislistan ``prisliste``; newsletter / nyhetsbrev /
  månedsbrev / nyhetsbrevet ``newsletter``; offer / tilbud / kampanje / deals ``tilbud``;
  welcome / velkomst / välkomstmejl ``velkomst``; payment reminder for overdue invoices /
  fakturapurring ``faktura`` (not the order reminder); refill / påfyll / "mailen om å fylle på"
  ``påfyll``; season pre-order / säsong ``sesong``. An email none of them covers (delivery
  routes, a survey, a fair invitation, allergen labelling, Christmas opening hours, a course
  invitation) is ``"new"``.
- Must ask: an unknown or ambiguous group; SMS, phone calls or social media (the format only
  sends email); a request that contradicts itself; a time or date that cannot exist (kl 25,
  24:30, 31 February, the fifth Monday, every 10 weeks); deleting customers or workflows, a
  cancelled order, a payment, a changed address, a birthday or anything but ``order.created``,
  ``customer.created`` and named webhooks as trigger; no "when"; an offer, newsletter or price
  list without its time or day; a text that is not a workflow.

Today is Thursday 27 December 2029 (ISO week 52 of 2029, which has 52 weeks, so the Monday
after, 31 December, is in ISO week 1 of 2030). It lies between Christmas and New Year:
Tuesday 1 January 2030 (1. nyttårsdag) is a public holiday.
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

# Thursday 27 December 2029 (ISO week 52); 1. nyttårsdag is the Tuesday after.
HELD_OUT_V14_TODAY = dt.date(2029, 12, 27)

HELD_OUT_V14_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1401,
        "name": "Ukens innkjøp",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Legg inn bestillingen av helse- og velværevarer for neste uke",
    },
    {
        "id": 1402,
        "name": "Vi venter fortsatt på deg",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Har du glemt ukens bestilling?",
    },
    {
        "id": 1403,
        "name": "Takk for ordren",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt ordren din",
    },
    {
        "id": 1404,
        "name": "Gjeldende priser",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Priser på vitaminer, kosttilskudd og velværeprodukter",
    },
    {
        "id": 1405,
        "name": "Velværebrevet",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Vestfold Helse & Velvære denne måneden",
    },
    {
        "id": 1406,
        "name": "Månedens kupp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Kampanje på proteinpulver, omega-3 og massasjeoljer",
    },
    {
        "id": 1407,
        "name": "Velkommen om bord",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Welcome as a customer of Vestfold Helse & Velvære",
    },
    {
        "id": 1408,
        "name": "Forfalt betaling",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om ubetalt faktura",
    },
    {
        "id": 1409,
        "name": "Snart tomt i hylla?",
        "category": "påfyll",
        "variables": ["kunde_navn", "produkt_liste", "bestilling_link"],
        "subject": "Vi ser at dere snart går tom - skal vi fylle på?",
    },
    {
        "id": 1410,
        "name": "Sommersesongen",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Forhåndsbestill solkrem og sportsernæring til sesongen",
    },
]

HELD_OUT_V14_GROUPS: list[GroupInfo] = [
    {"slug": "apotek", "name": "Apotek", "size": 38},
    {"slug": "helsekost", "name": "Helsekostbutikker", "size": 27},
    {"slug": "trening", "name": "Treningssentre", "size": 45},
    {"slug": "fysio", "name": "Fysioterapeuter", "size": 61},
    {"slug": "spa", "name": "Spa og velvære", "size": 14},
    {"slug": "omsorg", "name": "Omsorgssentre", "size": 23},
    {"slug": "sport", "name": "Sportsbutikker", "size": 19},
]

HELD_OUT_V14_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "økonomi"]


def held_out_v14_context() -> ParseContext:
    """Vestfold Helse & Velvære's templates, groups and staff groups, on
    ``HELD_OUT_V14_TODAY``."""
    return facts.business_context(
        HELD_OUT_V14_TEMPLATES, HELD_OUT_V14_GROUPS, HELD_OUT_V14_STAFF_GROUPS, HELD_OUT_V14_TODAY
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


def _lavt(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``lager-lavt`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="lager-lavt")


def _prisfil(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="prisfil", **more)


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V14: list[Case] = [
    # --- basic ---
    # nb (passive voice)
    Case(
        "Hver tirsdag kl 08:30 skal bestillingsskjemaet sendes til alle apotekene.",
        _wk1(TUE, "08:30", "bestilling", _g("apotek")),
        category="basic",
    ),
    # dial
    Case(
        "Æ vil at skjemaet går ut te helsekostbutikkan hver onsdag klokka ni",
        _wk1(WED, "09:00", "bestilling", _g("helsekost")),
        category="basic",
    ),
    # en
    Case(
        "Order form to gyms, every Mon 7.45am.",
        _wk1(MON, "07:45", "bestilling", _g("trening")),
        category="basic",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret till alla kunder varje fredag klockan 10.",
        _wk1(FRI, "10:00", "bestilling", _all()),
        category="basic",
    ),
    # simple
    Case(
        "Hver torsdag klokke 11 du sende skjema til fysioterapeut.",
        _wk1(THU, "11:00", "bestilling", _g("fysio")),
        category="basic",
    ),
    # dict
    Case(
        "ehm altså hver mandag liksom kl ti over åtte så send skjemaet til omsorgssentrene",
        _wk1(MON, "08:10", "bestilling", _g("omsorg")),
        category="basic",
    ),
    # nb (a wish for the future)
    Case(
        "Fra neste uke av vil vi at bestillingslista går ut til sportsbutikkene hver fredag kl 13.",
        _wk1(FRI, "13:00", "bestilling", _g("sport")),
        category="basic",
    ),
    # en
    Case(
        "Every day at 6:30 send the order form to the spas.",
        _daily("06:30", **_one("bestilling", _g("spa"))),
        category="basic",
    ),
    # nb
    Case(
        "Hver hverdag kl 07:00 send bestillingsskjema til treningssentrene",
        _daily("07:00", weekdays_only=True, **_one("bestilling", _g("trening"))),
        category="basic",
    ),
    # dial
    Case(
        "Send skjemaet te alle kundan den 5. hver måned klokka 10",
        _monthly("10:00", day_of_month=5, **_one("bestilling", _all())),
        category="basic",
    ),
    # en
    Case(
        "Monthly report to cfo@vhv.no on the 1st at 8am",
        _monthly("08:00", day_of_month=1, **_report(["cfo@vhv.no"])),
        category="basic",
    ),
    # sv
    Case(
        "Varje måndag kl 07:00 skicka rapporten över vilka som inte har beställt till lager@vhv.no",
        _weekly(
            MON,
            "07:00",
            triggers=[_at(MON, "07:00")],
            **_report(["lager@vhv.no"], "orders_missing"),
        ),
        category="basic",
    ),
    # nb
    Case(
        "Skjema til spaene hver lørdag kl 09:15",
        _wk1(SAT, "09:15", "bestilling", _g("spa")),
        category="basic",
    ),
    # --- chains ---
    # nb
    Case(
        "Skjema til apotekene mandag kl 9, påminnelse onsdag kl 12 til dem som ikke har "
        "bestilt, og fredag kl 10 legger vi inn vanlig ordre for de som fortsatt mangler.",
        _weekly(
            MON,
            "09:00",
            **facts.form_reminder_order(
                _at(MON, "09:00"), _at(WED, "12:00"), _at(FRI, "10:00"), _g("apotek")
            ),
        ),
        category="chains",
    ),
    # nb (a numbered plan)
    Case(
        "Plan for helsekostbutikkene:\n"
        "1. tirsdag 08:00 - bestillingsskjema\n"
        "2. torsdag 14:00 - purring til dem som ikke har bestilt\n"
        "3. fredag 09:00 - standardordre for resten",
        _weekly(
            TUE,
            "08:00",
            **facts.form_reminder_order(
                _at(TUE, "08:00"), _at(THU, "14:00"), _at(FRI, "09:00"), _g("helsekost")
            ),
        ),
        category="chains",
    ),
    # nb (a table)
    Case(
        "Dag | Tid | Hva\nMandag | 10:00 | skjema til gymene\nOnsdag | 15:00 | påminnelse",
        _weekly(
            MON,
            "10:00",
            **facts.form_then_reminder(_at(MON, "10:00"), _at(WED, "15:00"), _g("trening")),
        ),
        category="chains",
    ),
    # en
    Case(
        "Mon 8am order form to all; Wed 2pm reminder; Thu 2pm 2nd reminder; Fri 9am standing "
        "order for those still missing.",
        _weekly(
            MON,
            "08:00",
            **facts.form_two_reminders_order(
                [_at(MON, "08:00"), _at(WED, "14:00"), _at(THU, "14:00"), _at(FRI, "09:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Send skjemaet til spaene tirsdag kl 9, og to dager senere kl 15 en påminnelse til de "
        "som ikke har bestilt.",
        _weekly(
            TUE,
            "09:00",
            **facts.form_then_reminder(_at(TUE, "09:00"), _at(THU, "15:00"), _g("spa")),
        ),
        category="chains",
    ),
    # en
    Case(
        "Order form to the physios Wednesday 8am, a reminder the day after at 10, and the day "
        "after that at 10 place their usual order if they still haven't ordered.",
        _weekly(
            WED,
            "08:00",
            **facts.form_reminder_order(
                _at(WED, "08:00"), _at(THU, "10:00"), _at(FRI, "10:00"), _g("fysio")
            ),
        ),
        category="chains",
    ),
    # dial
    Case(
        "Skjema te omsorgssentran mandag klokka 8, påminnelse dagen etter klokka 12 og ny "
        "påminnelse torsdag klokka 12 for dem som ikke har bestilt ennå",
        _weekly_chain(
            ["bestilling", "reminder", "reminder"],
            [_at(MON, "08:00"), _at(TUE, "12:00"), _at(THU, "12:00")],
            _g("omsorg"),
        ),
        category="chains",
    ),
    # sv
    Case(
        "Skicka formuläret till sportbutikerna tisdag kl 9, påminnelse torsdag kl 13 till dem "
        "som inte har beställt.",
        _weekly(
            TUE,
            "09:00",
            **facts.form_then_reminder(_at(TUE, "09:00"), _at(THU, "13:00"), _g("sport")),
        ),
        category="chains",
    ),
    # en
    Case(
        "Monday 9am order form to pharmacies, same day at 3pm a reminder to those who haven't "
        "ordered",
        _weekly(
            MON,
            "09:00",
            **facts.form_then_reminder(_at(MON, "09:00"), _at(MON, "15:00"), _g("apotek")),
        ),
        category="chains",
    ),
    # dict (five steps)
    Case(
        "ehm ok så mandag kl 8 skjema til alle, altså, tirsdag kl 12 påminnelse, onsdag kl 12 "
        "påminnelse igjen, torsdag kl 12 en siste påminnelse og fredag kl 8 legger vi liksom "
        "inn vanlig ordre for de som ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", "reminder", "reminder", None],
            [
                _at(MON, "08:00"),
                _at(TUE, "12:00"),
                _at(WED, "12:00"),
                _at(THU, "12:00"),
                _at(FRI, "08:00"),
            ],
            _all(),
        ),
        category="chains",
    ),
    # nb (passive voice)
    Case(
        "Bestillingsskjemaet skal sendes ut til helsekostbutikkene torsdag kl 10, og en purring "
        "skal sendes fredag kl 10 til dem som ikke har bestilt.",
        _weekly(
            THU,
            "10:00",
            **facts.form_then_reminder(_at(THU, "10:00"), _at(FRI, "10:00"), _g("helsekost")),
        ),
        category="chains",
    ),
    # simple
    Case(
        "Mandag klokke 9 skjema til apotek. Tirsdag klokke 14 påminnelse til de som ikke bestilt.",
        _weekly(
            MON,
            "09:00",
            **facts.form_then_reminder(_at(MON, "09:00"), _at(TUE, "14:00"), _g("apotek")),
        ),
        category="chains",
    ),
    # nb (over the weekend)
    Case(
        "Skjema til treningssentrene fredag kl 12, og mandagen etter kl 9 purring til de som "
        "ikke har bestilt",
        _weekly(
            FRI,
            "12:00",
            **facts.form_then_reminder(_at(FRI, "12:00"), _at(MON, "09:00"), _g("trening")),
        ),
        category="chains",
    ),
    # en
    Case(
        "Tue 10am order form to the care homes. Two days later at 11am remind the ones w/ no "
        "order. The day after that at 9am put in the usual order for anyone "
        "still missing.",
        _weekly(
            TUE,
            "10:00",
            **facts.form_reminder_order(
                _at(TUE, "10:00"), _at(THU, "11:00"), _at(FRI, "09:00"), _g("omsorg")
            ),
        ),
        category="chains",
    ),
    # --- multi_day ---
    # nb
    Case(
        "Send skjema til apotekene mandag og torsdag kl 9",
        _days([MON, THU], "09:00", **_one("bestilling", _g("apotek"))),
        category="multi_day",
    ),
    # nb
    Case(
        "mandag, onsdag og fredag kl 07:30 bestillingsskjema til gymene",
        _days([MON, WED, FRI], "07:30", **_one("bestilling", _g("trening"))),
        category="multi_day",
    ),
    # en
    Case(
        "Order form to the spas Tue and Fri 11am",
        _days([TUE, FRI], "11:00", **_one("bestilling", _g("spa"))),
        category="multi_day",
    ),
    # sv
    Case(
        "Skicka beställningsformuläret måndag till torsdag kl 8 till alla kunder",
        _days([MON, TUE, WED, THU], "08:00", **_one("bestilling", _all())),
        category="multi_day",
    ),
    # dial
    Case(
        "Kampanjen skal ut te helsekost tirsdag og torsdag klokka 10",
        _days([TUE, THU], "10:00", **_one("tilbud", _g("helsekost"))),
        category="multi_day",
    ),
    # nb (chain)
    Case(
        "Skjema mandag kl 9 til alle, påminnelse tirsdag og onsdag kl 14 til dem som ikke har "
        "bestilt",
        _weekly_chain(
            ["bestilling", "reminder", "reminder"],
            [_at(MON, "09:00"), _at(TUE, "14:00"), _at(WED, "14:00")],
            _all(),
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Reminder to pharmacies that haven't ordered in 7 days, Mon, Wed and Fri at 1pm",
        _days(
            [MON, WED, FRI],
            "13:00",
            **_one("reminder", _g("apotek"), conditions=[_missing(days_back=7)]),
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "Hver lørdag og søndag kl 10 send ukens tilbud til spaene",
        _days([SAT, SUN], "10:00", **_one("tilbud", _g("spa"))),
        category="multi_day",
    ),
    # simple
    Case(
        "Skjema til omsorgssenter onsdag og fredag klokke 8.",
        _days([WED, FRI], "08:00", **_one("bestilling", _g("omsorg"))),
        category="multi_day",
    ),
    # en (chain)
    Case(
        "Order form Monday 9am to the gyms; reminders Wednesday, Thursday and Friday at noon "
        "to those who still haven't ordered",
        _weekly_chain(
            ["bestilling", "reminder", "reminder", "reminder"],
            [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "12:00"), _at(FRI, "12:00")],
            _g("trening"),
        ),
        category="multi_day",
    ),
    # dict
    Case(
        "altså prislista til fysioterapeutene, ehm, tirsdag og fredag kl 08:45",
        _days([TUE, FRI], "08:45", **_one("prisliste", _g("fysio"))),
        category="multi_day",
    ),
    # --- conditions ---
    # nb
    Case(
        "Hver fredag kl 14 send påminnelse til apotek som ikke har bestilt siden mandag",
        _wk1(FRI, "14:00", "reminder", _g("apotek"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 10am remind gyms with no order in the last 10 days",
        _daily("10:00", **_one("reminder", _g("trening"), conditions=[_missing(days_back=10)])),
        category="conditions",
    ),
    # nb
    Case(
        "Send tilbudet hver torsdag kl 12 til helsekostbutikker som har bestilt de siste 30 dagene",
        _wk1(THU, "12:00", "tilbud", _g("helsekost"), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # sv
    Case(
        "Varje onsdag kl 9 skicka en påminnelse till kunder som inte har beställt på två veckor",
        _wk1(WED, "09:00", "reminder", _all(), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # dial
    Case(
        "Purring te spaan som ikke har bestilt sia tirsdag, hver torsdag klokka 13",
        _wk1(THU, "13:00", "reminder", _g("spa"), conditions=[_missing(since="last_tuesday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every Monday 8am send the price list to customers who ordered in the last 3 weeks",
        _wk1(MON, "08:00", "prisliste", _all(), conditions=[_ordered(days_back=21)]),
        category="conditions",
    ),
    # nb
    Case(
        "Daglig kl 11 legg inn vanlig ordre for omsorgssentrene som ikke har bestilt på 5 dager",
        _daily(
            "11:00",
            steps=[ORDER],
            recipients=[_g("omsorg")],
            conditions=[_missing(days_back=5)],
            mode="repeat_last",
        ),
        category="conditions",
    ),
    # dict
    Case(
        "ehm hver tirsdag kl 9 altså send purring til fysioterapeutene som liksom ikke har "
        "bestilt de siste tre ukene",
        _wk1(TUE, "09:00", "reminder", _g("fysio"), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # en
    Case(
        "Wed 3pm remind everyone w/o an order since Monday",
        _wk1(WED, "15:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # simple
    Case(
        "Fredag klokke 12 påminnelse til alle kunder som ikke bestilt 7 dager.",
        _wk1(FRI, "12:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # --- calendar ---
    # nb
    Case(
        "Annenhver mandag kl 9 send skjema til apotekene",
        _weekly(
            MON, "09:00", every_weeks=2, anchor="2029-12-31", **_one("bestilling", _g("apotek"))
        ),
        category="calendar",
    ),
    # en
    Case(
        "Fortnightly on Wednesdays at 10am, order form to the gyms, starting 9 January",
        _weekly(
            WED, "10:00", every_weeks=2, anchor="2030-01-09", **_one("bestilling", _g("trening"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Hver tredje fredag kl 08:00 prislista til helsekost, første gang 11. januar",
        _weekly(
            FRI, "08:00", every_weeks=3, anchor="2030-01-11", **_one("prisliste", _g("helsekost"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Annenhver fredag kl 12 send tilbudet til sportsbutikkene",
        _weekly(FRI, "12:00", every_weeks=2, anchor="2029-12-28", **_one("tilbud", _g("sport"))),
        category="calendar",
    ),
    # simple
    Case(
        "Annenhver tirsdag klokke 9 skjema til fysio, fra 8. januar.",
        _weekly(
            TUE, "09:00", every_weeks=2, anchor="2030-01-08", **_one("bestilling", _g("fysio"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Skjema til omsorgssentrene tirsdag kl 10 i partallsuker",
        _weekly(TUE, "10:00", iso_weeks="even", **_one("bestilling", _g("omsorg"))),
        category="calendar",
    ),
    # en
    Case(
        "Order form to the spas on Thursdays at 9am in odd-numbered ISO weeks only",
        _weekly(THU, "09:00", iso_weeks="odd", **_one("bestilling", _g("spa"))),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08:00 send nyhetsbrevet til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Second Tuesday of every month at 9am newsletter to all customers",
        _monthly("09:00", weekday=TUE, nth=2, **_one("newsletter", _all())),
        category="calendar",
    ),
    # dial
    Case(
        "Siste fredagen i måneden klokka 14 ska prislista ut te treningssentran",
        _monthly("14:00", weekday=FRI, nth=-1, **_one("prisliste", _g("trening"))),
        category="calendar",
    ),
    # nb
    Case(
        "Første virkedag i måneden kl 07:30 send rapport til okonomi@vhv.no",
        _monthly("07:30", business_day=1, **_report(["okonomi@vhv.no"])),
        category="calendar",
    ),
    # en
    Case(
        "EOM, last working day, 4pm: report on who hasn't ordered to cfo@vhv.no",
        _monthly("16:00", business_day=-1, **_report(["cfo@vhv.no"], "orders_missing")),
        category="calendar",
    ),
    # nb
    Case(
        "Nest siste virkedag i måneden kl 12 send fakturapurring til alle kunder",
        _monthly("12:00", business_day=-2, **_one("faktura", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 07 send bestillingsskjema til omsorgssentrene",
        _daily("07:00", business_days_only=True, **_one("bestilling", _g("omsorg"))),
        category="calendar",
    ),
    # nb (an exception)
    Case(
        "Hver mandag kl 9 skjema til alle, men ikke på helligdager",
        _weekly(MON, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Every Friday 10am order form to the spas; if it's a public holiday, send it the "
        "business day before",
        _weekly(
            FRI, "10:00", holiday_policy="previous_business_day", **_one("bestilling", _g("spa"))
        ),
        category="calendar",
    ),
    # dial
    Case(
        "Skjemaet går ut hver tirsdag klokka 8 te apotekan, og er det rød dag så tar vi det "
        "dagen etter",
        _weekly(
            TUE, "08:00", holiday_policy="next_business_day", **_one("bestilling", _g("apotek"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Hver onsdag kl 10 skjema til helsekost, også på helligdager",
        _weekly(WED, "10:00", holiday_policy="run", **_one("bestilling", _g("helsekost"))),
        category="calendar",
    ),
    # sv
    Case(
        "Skicka nyhetsbrevet till alla kunder den sista vardagen i månaden kl 15",
        _monthly("15:00", business_day=-1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Every business day at 6am order form to the care homes",
        _daily("06:00", business_days_only=True, **_one("bestilling", _g("omsorg"))),
        category="calendar",
    ),
    # --- events ---
    # nb
    Case(
        "Når en ny kunde registreres, send velkomstmail med en gang",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # en
    Case(
        "When an order comes in, send the confirmation right away",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # nb
    Case(
        "Når det kommer inn en ordre, gi beskjed til lageret",
        _event("order.created", staff_group="lager"),
        category="events",
    ),
    # nb
    Case(
        "Når lager-lavt-webhooken kommer inn, send påfyllmailen til kunden med en gang",
        _lavt(["påfyll"], [None]),
        category="events",
    ),
    # nb
    Case(
        "Når prisfil-webhooken kommer, si fra til salg",
        _prisfil(staff_group="salg"),
        category="events",
    ),
    # sv
    Case(
        "När en ny kund skapas, skicka välkomstmejlet direkt och prislistan en dag senare",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(DAY)]),
        category="events",
    ),
    # dial
    Case(
        "Når det kommer inn en ny kunde, send velkomstbrevet straks og skjemaet to døgn etter",
        _event_sends("customer.created", ["velkomst", "bestilling"], [None, _delay(2 * DAY)]),
        category="events",
    ),
    # simple
    Case(
        "Ny kunde kommer, du sende velkommen mail med en gang.",
        _event_sends("customer.created", ["velkomst"], [None]),
        category="events",
    ),
    # en
    Case(
        "Whenever a new order is placed, tell the drivers",
        _event("order.created", staff_group="sjåfører"),
        category="events",
    ),
    # en
    Case(
        "When the prisfil webhook fires, notify the sales team",
        _prisfil(staff_group="salg"),
        category="events",
    ),
    # dict
    Case(
        "ehm når lager-lavt kommer fra en butikk så altså send påfyll-eposten til butikken "
        "med en gang",
        _lavt(["påfyll"], [None]),
        category="events",
    ),
    # --- delays ---
    # nb
    Case(
        "Når en kunde legger inn ordre: bekreftelse med en gang, og 3 dager etter send prislista",
        _event_sends("order.created", ["confirmation", "prisliste"], [None, _delay(3 * DAY)]),
        category="delays",
    ),
    # en
    Case(
        "New customer: welcome email after 2 hours, then the order form 1 week later",
        _event_sends(
            "customer.created", ["velkomst", "bestilling"], [_delay(2 * HOUR), _delay(7 * DAY)]
        ),
        category="delays",
    ),
    # nb
    Case(
        "Når lager-lavt-webhooken kommer, vent 45 minutter og send påfyllmailen til kunden",
        _lavt(["påfyll"], [_delay(45)]),
        category="delays",
    ),
    # dict
    Case(
        "ehm når det kommer en ny kunde så altså vent en halvtime og send velkomstmailen",
        _event_sends("customer.created", ["velkomst"], [_delay(30)]),
        category="delays",
    ),
    # sv
    Case(
        "När en order läggs, skicka bekräftelsen efter 15 minuter",
        _event_sends("order.created", ["confirmation"], [_delay(15)]),
        category="delays",
    ),
    # en
    Case(
        "When a new customer signs up: welcome straight away, order form 90 mins later, and a "
        "reminder two days after that if they haven't ordered",
        _event_sends(
            "customer.created",
            ["velkomst", "bestilling", "reminder"],
            [None, _delay(90), _delay(2 * DAY)],
            conditions=[None, None, _ms()],
        ),
        category="delays",
    ),
    # dial
    Case(
        "Når det kommer ny kunde, send velkomstmailen etter 1 time og prislista et døgn etter",
        _event_sends("customer.created", ["velkomst", "prisliste"], [_delay(HOUR), _delay(DAY)]),
        category="delays",
    ),
    # nb
    Case(
        "Når lager-lavt kommer fra en kunde, send månedens tilbud til kunden etter 20 minutter",
        _lavt(["tilbud"], [_delay(20)]),
        category="delays",
    ),
    # simple
    Case(
        "Ny ordre kommer. Etter 10 minutter du sende bekreftelse til kunde.",
        _event_sends("order.created", ["confirmation"], [_delay(10)]),
        category="delays",
    ),
    # --- templates_by_meaning ---
    # nb
    Case(
        "Hver mandag kl 8 send kampanjen på kosttilskudd til helsekostbutikkene",
        _wk1(MON, "08:00", "tilbud", _g("helsekost")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send the payment reminder for overdue invoices every Thursday at 10am to all customers",
        _wk1(THU, "10:00", "faktura", _all()),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver fredag kl 9 send oversikten over prisene våre til apotekene",
        _wk1(FRI, "09:00", "prisliste", _g("apotek")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send månedsbrevet til alle den 15. hver måned kl 12",
        _monthly("12:00", day_of_month=15, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # dial
    Case(
        "Hver torsdag klokka 10 send mailen om å fylle på hyllene te treningssentran",
        _wk1(THU, "10:00", "påfyll", _g("trening")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Monday 9am send the deals email to the spas",
        _wk1(MON, "09:00", "tilbud", _g("spa")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver tirsdag kl 11 send ordreskjemaet til sportsbutikkene",
        _wk1(TUE, "11:00", "bestilling", _g("sport")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every 1st of the month at 8am, send the monthly newsletter to the pharmacies",
        _monthly("08:00", day_of_month=1, **_one("newsletter", _g("apotek"))),
        category="templates_by_meaning",
    ),
    # sv
    Case(
        "Varje måndag kl 9 skicka förhandsbeställningen inför sommarsäsongen till sportbutikerna",
        _wk1(MON, "09:00", "sesong", _g("sport")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver onsdag kl 14 send purringen på ubetalte fakturaer til treningssentrene",
        _wk1(WED, "14:00", "faktura", _g("trening")),
        category="templates_by_meaning",
    ),
    # --- new_templates ---
    # nb
    Case(
        "Hver mandag kl 8 send leveringsruta for uka til omsorgssentrene",
        _wk1(MON, "08:00", "new", _g("omsorg")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Friday 2pm send the customer satisfaction survey to the gyms",
        _wk1(FRI, "14:00", "new", _g("trening")),
        category="new_templates",
    ),
    # nb
    Case(
        "Den 1. hver måned kl 10 send info om nye allergenmerkinger til helsekostbutikkene",
        _monthly("10:00", day_of_month=1, **_one("new", _g("helsekost"))),
        category="new_templates",
    ),
    # sv
    Case(
        "Varje tisdag kl 9 skicka inbjudan till mässan till alla apotek",
        _wk1(TUE, "09:00", "new", _g("apotek")),
        category="new_templates",
    ),
    # dict
    Case(
        "ehm send liksom åpningstidene våre i jula til alle kundene, altså hver mandag kl 9",
        _wk1(MON, "09:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver torsdag kl 13 send kursinvitasjon om kosttilskudd til fysioterapeutene",
        _wk1(THU, "13:00", "new", _g("fysio")),
        category="new_templates",
    ),
    # --- must_ask ---
    # nb (not a group)
    Case("Send skjema til hotellene hver mandag kl 9", Q, category="must_ask"),
    # nb (ambiguous: health-food or sports shops)
    Case("Send skjema til butikkene hver mandag kl 9", Q, category="must_ask"),
    # en (not a group)
    Case("Order form to the Sandefjord customers every Mon 9am", Q, category="must_ask"),
    # simple (not a group)
    Case("Skjema til de store kundene mandag klokke 9.", Q, category="must_ask"),
    # nb (SMS)
    Case("Send SMS til apotekene hver fredag kl 10 om tilbudet", Q, category="must_ask"),
    # dial (phone calls)
    Case("Ring fysioterapeutan hver mandag klokka 10", Q, category="must_ask"),
    # en (social media)
    Case("Post the deals on Facebook every Thursday at noon", Q, category="must_ask"),
    # nb (destructive)
    Case("Slett alle kundene som ikke har bestilt på et år", Q, category="must_ask"),
    # en (destructive)
    Case("Delete the workflow for the gyms asap", Q, category="must_ask"),
    # nb (a time that cannot exist)
    Case("Send skjema kl 25 på mandag til alle", Q, category="must_ask"),
    # nb (a date that cannot exist)
    Case("Skjema til apotekene den 31. februar kl 9", Q, category="must_ask"),
    # nb (the fifth Monday)
    Case("Femte mandag i måneden kl 9 send nyhetsbrevet til alle", Q, category="must_ask"),
    # nb (every 10 weeks)
    Case("Hver tiende uke send prislista til helsekost tirsdag kl 9", Q, category="must_ask"),
    # nb (no when)
    Case("Send nyhetsbrevet til alle kundene", Q, category="must_ask"),
    # nb (an offer without its time)
    Case("Send tilbudet til helsekostbutikkene hver mandag", Q, category="must_ask"),
    # nb (a price list without its day)
    Case("Send prislista til apotekene kl 10", Q, category="must_ask"),
    # nb (contradiction)
    Case(
        "Send bestillingsskjema til apotekene hver onsdag kl 10, men aldri på onsdager",
        Q,
        category="must_ask",
    ),
    # nb (a cancelled order)
    Case("Når en kunde kansellerer en ordre, send bekreftelse", Q, category="must_ask"),
    # en (a payment)
    Case("When a payment is received send a thank-you email", Q, category="must_ask"),
    # nb (a changed address)
    Case("Når en kunde endrer adresse, gi beskjed til sjåførene", Q, category="must_ask"),
    # nb (a birthday)
    Case("Når en kunde har bursdag, send en hilsen", Q, category="must_ask"),
    # en (not a workflow)
    Case("What was our revenue in Q2?", Q, category="must_ask"),
    # nb (not a workflow)
    Case("Bestill 40 kartonger proteinbarer", Q, category="must_ask"),
    # dict (not a workflow)
    Case("ehm kan du liksom skrive en hyggelig julehilsen altså", Q, category="must_ask"),
    # sv (no day or time)
    Case("Skicka nyhetsbrevet varje månad till alla", Q, category="must_ask"),
    # nb (24:30)
    Case("Send påminnelse onsdag kl 24:30", Q, category="must_ask"),
    # nb (destructive)
    Case("Stopp alle arbeidsflytene og slett historikken", Q, category="must_ask"),
]

HELD_OUT_V14_CONVERSATIONS: list[EditCase] = [
    # --- answers ---
    # nb
    EditCase(
        "Send nyhetsbrevet til alle kundene hver måned",
        "den 1. kl 9",
        _monthly("09:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "Send tilbudet til helsekostbutikkene hver mandag",
        "kl 10",
        _wk1(MON, "10:00", "tilbud", _g("helsekost")),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send skjema til butikkene hver fredag kl 9",
        "helsekost",
        _wk1(FRI, "09:00", "bestilling", _g("helsekost")),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send skjema til butikkene hver fredag kl 9",
        "sportsbutikkene",
        _wk1(FRI, "09:00", "bestilling", _g("sport")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send SMS om tilbudet til spaene hver torsdag kl 12",
        "ok, send det på e-post i stedet",
        _wk1(THU, "12:00", "tilbud", _g("spa")),
        category="answers",
    ),
    # en
    EditCase(
        "Order form to the hotels every Monday 9am",
        "the spas",
        _wk1(MON, "09:00", "bestilling", _g("spa")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send prislista til apotekene",
        "hver tirsdag kl 8",
        _wk1(TUE, "08:00", "prisliste", _g("apotek")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send skjema kl 25 på mandag til alle",
        "kl 15 mente jeg",
        _wk1(MON, "15:00", "bestilling", _all()),
        category="answers",
    ),
    # nb
    EditCase(
        "Send nyhetsbrevet til omsorgssentrene hver måned",
        "siste virkedag kl 14",
        _monthly("14:00", business_day=-1, **_one("newsletter", _g("omsorg"))),
        category="answers",
    ),
    # nb (one word)
    EditCase(
        "Send tilbudet til treningssentrene hver onsdag",
        "middag",
        _wk1(WED, "12:00", "tilbud", _g("trening")),
        category="answers",
    ),
    # simple (one word)
    EditCase(
        "Skjema til de store kundene mandag klokke 9.",
        "alle",
        _wk1(MON, "09:00", "bestilling", _all()),
        category="answers",
    ),
    # en
    EditCase(
        "Send the newsletter to the pharmacies every month",
        "first Monday, 8am",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _g("apotek"))),
        category="answers",
    ),
    # --- edits ---
    # nb
    EditCase(
        "Skjema til apotekene mandag kl 9, påminnelse torsdag kl 15 til de som ikke har bestilt",
        "flytt purringa til onsdag kl 13",
        _weekly(
            MON,
            "09:00",
            **facts.form_then_reminder(_at(MON, "09:00"), _at(WED, "13:00"), _g("apotek")),
        ),
    ),
    # en
    EditCase(
        "Every Tuesday 8am order form to the gyms",
        "make it 7.30am instead",
        _wk1(TUE, "07:30", "bestilling", _g("trening")),
    ),
    # nb
    EditCase(
        "Hver fredag kl 10 send tilbudet til spaene",
        "bytt til helsekostbutikkene",
        _wk1(FRI, "10:00", "tilbud", _g("helsekost")),
    ),
    # nb
    EditCase(
        "Skjema til alle hver mandag kl 9",
        "legg til en påminnelse onsdag kl 12 til de som ikke har bestilt",
        _weekly(
            MON,
            "09:00",
            **facts.form_then_reminder(_at(MON, "09:00"), _at(WED, "12:00"), _all()),
        ),
    ),
    # nb
    EditCase(
        "Til fysioterapeutene: skjema mandag kl 9 og påminnelse onsdag kl 14",
        "fjern påminnelsen",
        _wk1(MON, "09:00", "bestilling", _g("fysio")),
    ),
    # nb
    EditCase(
        "Hver mandag kl 9 skjema til omsorgssentrene",
        "bare annenhver uke",
        _weekly(
            MON, "09:00", every_weeks=2, anchor="2029-12-31", **_one("bestilling", _g("omsorg"))
        ),
    ),
    # nb
    EditCase(
        "Hver tirsdag kl 9 skjema til alle",
        "men ikke på helligdager",
        _weekly(TUE, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
    ),
    # nb
    EditCase(
        "Når en ny kunde registreres, send velkomstmail med en gang",
        "og prislista to dager etter",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(2 * DAY)]),
    ),
    # dial
    EditCase(
        "Hver onsdag klokka 10 skjema te spaan",
        "ta det klokka 11 i stedet",
        _wk1(WED, "11:00", "bestilling", _g("spa")),
    ),
    # sv
    EditCase(
        "Skicka formuläret till alla varje fredag kl 9",
        "nej, ta det på torsdag",
        _wk1(THU, "09:00", "bestilling", _all()),
    ),
]
