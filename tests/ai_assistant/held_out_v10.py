"""Held-out phrasing set v10 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read;
``tests/ai_assistant/expected_facts.py`` (the shared fact builders) whole; of
``tests/ai_assistant/held_out_v9.py`` only the part above its first case (docstring with the
conventions, imports, template and group lists, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 around ``class EditCase``;
``benchmarks/bench_offline_parser.py`` lines 25-175 (to add this set's rows) and, of
``tests/ai_assistant/test_parser_accuracy.py``, lines 185-215 (the benchmark test's list of
metric names; this set's two names were placed after v9's, found with a grep for those two
names, inserted with ``sed`` and checked with a zero-context diff). The parser was never run
on these cases (only an import of this module, to check that it is well-formed) before the
one measurement.

The business: Nordlys Drikke og Kiosk AS, a distributor of beverages, snacks, tobacco-free kiosk
goods and coffee in Tromsø with a depot in Alta. Customers: kiosks and convenience stores,
cafés, hotels, ski and tourism lodges, the local shops (nærbutikker) of fishing villages, school
canteens, festivals and event organisers, and the kiosks on ferries and Hurtigruten ships. Its
people write Northern Norwegian dialect ("æ", "ka", "kem", "korsn", "ikkje", "førr", "mæ",
"te", "kioskan", "daga"), SMS shorthand ("kl", "ma", "ons", "fre", "asap", "ang."), typos and no
æøå, voice dictation without punctuation; a Swedish-speaking buyer writes Swedish ("varje
måndag", "påminnelse", "beställningsformuläret", "till alla kunder"); a Filipino office worker
writes polite English; the CEO writes long formal Bokmål with bullet points; someone writes
Nynorsk. Webhooks named in texts: ``kjol-tom`` (the cooler a customer rents from the company
reports that it is empty; the webhook's data names that customer, who is the event's customer)
and ``nytt-vareparti`` (a supplier's delivery has been received at the Alta depot; not about a
customer).

Each case has a language tag in the comment above it: ``nb`` (Bokmål and Northern Norwegian
dialect), ``nn`` (Nynorsk, or half Nynorsk), ``sv`` (Swedish or Swedish-tinged Norwegian),
``en`` (English) or ``mix`` (English and Norwegian mixed). Categories, as v9's: ``basic``,
``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V10_CONVERSATIONS``) are ``answers`` (the start makes the assistant ask, the
follow-up answers it) or ``edits`` (the start is a draft, the follow-up changes it); their
``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v9's (and so v7's and v5's), so the numbers
compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way ("same day at 3" after a morning step may be ``{"time": ...}``
  or the day and time, so it is left out). "Dagen etter kl 10" / "to dager senere kl 14" after
  a step on a named day is that later day and time.
- In an event workflow a step that runs at once has trigger ``None``; "N minutes / hours / days
  (døgn) after" is ``{"delay_minutes": N in minutes}`` ("halvannen time" 90, "tre kvarter" 45);
  the customer the event is about is ``{"event_customer": True}``.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard / last order" is ``create_order`` with ``mode`` ``repeat_last``.
- A window written in the text is the condition's window: "siden mandag" is ``since:
  "last_monday"`` (any weekday likewise), "de siste 5 dagene" ``days_back: 5``, "2 weeks" 14
  days, "3 uker" 21 days. A lone reminder without a window has no ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days``; in a chain every day is a step of its own.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" /
  "yrkedag" is ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives (a date without a year is the next
  one: "10. januar" is 2028-01-10), otherwise on the next such weekday after
  ``HELD_OUT_V10_TODAY`` (a Wednesday; no unanchored case uses Wednesday). "Start i uke 2"
  names a week, not a date, so that case leaves ``anchor`` out.
- A holiday policy is given only where the text says what happens on a public holiday ("også på
  røde dager" is ``run``; "send dagen før" ``previous_business_day``).
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("kem som fortsatt mangle" is ``orders_missing``).
- Webhooks (new in v10): a webhook's data may name the customer it concerns. Where the text
  clearly means the one customer a ``kjol-tom`` event is about ("kunden", "den kunden", "that
  shop"), the recipients are ``{"event_customer": True}``; a webhook that is not about one
  customer (``nytt-vareparti``) with "kunden" in the text is still the event's customer by the
  text. ``event_name`` is the webhook's name.
- Group slugs: kiosks and convenience stores / kioskan / Kioske ``kiosker``; cafés / kafean /
  kaféerna ``kafeer``; hotels / hotellan / hotella ``hoteller``; ski and tourism lodges / hyttene
  / lodges ``hytter``; the fishing villages' local shops / nærbutikkan ``naerbutikker``; school
  canteens / skulekantinene ``kantiner``; festivals and event organisers ``festival``; ferry and
  Hurtigruten kiosks ``sjokiosker``. Kindergartens, bakeries, restaurants, pharmacies, nursing
  homes, "app users" and "the customers in Alta" are not groups: a question.
- Templates by meaning: price list / prisarket / de nye prisene / prislistan / prislista
  ``priser``; newsletter / månedsbrev / "Nordlysposten" ``nyhetsbrev``; offer / kampanje / ukens
  or dagens tilbud / erbjudandet / "Kuldekuppet" ``kampanje``; welcome / velkomst / välkomst
  ``velkommen``; survey / spørreundersøkelse / "Ka du mene?" ``sporreundersokelse``;
  confirmation / bekreftelse / bekräftelse / stadfesting ``confirmation``. An email none of them
  covers (opening hours, payment reminders for unpaid invoices, delivery plans, deposit (pant)
  information, ferry-route information, back-order lists, allergen sheets) is ``"new"``; a
  payment reminder is not the order reminder.
- Must ask: an unknown group; SMS, phone calls, WhatsApp or push (the format only sends email);
  a request that contradicts or cancels itself; a time or date that cannot exist (kl 25, 24:30,
  the 32nd, 30 February, the fifth Friday, every 12 weeks); a change of customer data, a
  cancelled order, a complaint, stock running out or anything but ``order.created``,
  ``customer.created`` and named webhooks as trigger; no "when"; a text that is not a workflow.

Today is Wednesday 29 December 2027 (ISO week 52 of 2027, even; 2027 has 52 ISO weeks, so the
next week is week 1 of 2028, odd). 1 January 2028 (1. nyttårsdag) is a Saturday; the first
Monday is 3 January. Easter 2028: skjærtorsdag 13 April, langfredag 14 April, 2. påskedag Monday
17 April; 1 May is a Monday, 17 May a Wednesday, Kristi himmelfartsdag Thursday 25 May and 2.
pinsedag Monday 5 June. Many cases' first runs cross New Year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import ORDER, REPORT, SEND
from tests.ai_assistant.parser_phrasings_v2 import EditCase

# The shared builders of expected facts (tests/ai_assistant/expected_facts.py), under this
# set's short names.
_all = facts.everyone
_g = facts.group
_ev = facts.event_customer
_at = facts.at
_delay = facts.delay
_ms = facts.missing_since_start
_form_remind = facts.form_then_reminder
_form_remind_order = facts.form_reminder_order
_form_two_reminders_order = facts.form_two_reminders_order
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send

# Wednesday 29 December 2027 (ISO week 52 of 2027, an even week).
HELD_OUT_V10_TODAY = dt.date(2027, 12, 29)

HELD_OUT_V10_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1001,
        "name": "Ukeslista",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill drikke, snacks og kaffe til neste uke",
    },
    {
        "id": 1002,
        "name": "Har du glemt oss?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi har ikke fått bestillingen din ennå",
    },
    {
        "id": 1003,
        "name": "Ordren er i boks",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen - vi pakker den i Tromsø",
    },
    {
        "id": 1004,
        "name": "Prisark drikke og snacks",
        "category": "priser",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Nye priser fra neste uke",
    },
    {
        "id": 1005,
        "name": "Nordlysposten",
        "category": "nyhetsbrev",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedens nytt fra Nordlys Drikke og Kiosk",
    },
    {
        "id": 1006,
        "name": "Kuldekuppet",
        "category": "kampanje",
        "variables": ["kunde_navn", "kampanje_liste", "bestilling_link"],
        "subject": "Ukens tilbud: brus, snacks og kaffe til kampanjepris",
    },
    {
        "id": 1007,
        "name": "Velkommen om bord",
        "category": "velkommen",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde - slik bestiller du hos oss",
    },
    {
        "id": 1008,
        "name": "Ka du mene?",
        "category": "sporreundersokelse",
        "variables": ["kunde_navn", "undersokelse_link"],
        "subject": "Hvordan var leveransen fra oss denne gangen?",
    },
]

HELD_OUT_V10_GROUPS: list[GroupInfo] = [
    {"slug": "kiosker", "name": "Kiosker og dagligvare", "size": 164},
    {"slug": "kafeer", "name": "Kafeer", "size": 52},
    {"slug": "hoteller", "name": "Hoteller", "size": 23},
    {"slug": "hytter", "name": "Ski- og turisthytter", "size": 17},
    {"slug": "naerbutikker", "name": "Nærbutikker i fiskeværene", "size": 36},
    {"slug": "kantiner", "name": "Skolekantiner", "size": 28},
    {"slug": "festival", "name": "Festivaler og arrangører", "size": 9},
    {"slug": "sjokiosker", "name": "Ferje- og Hurtigrutekiosker", "size": 14},
]

HELD_OUT_V10_STAFF_GROUPS = ["salg", "lager-alta", "sjåfører", "kundeservice"]


def held_out_v10_context() -> ParseContext:
    """Nordlys Drikke og Kiosk's templates, groups and staff groups, on ``HELD_OUT_V10_TODAY``."""
    return facts.business_context(
        HELD_OUT_V10_TEMPLATES,
        HELD_OUT_V10_GROUPS,
        HELD_OUT_V10_STAFF_GROUPS,
        HELD_OUT_V10_TODAY,
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


def _webhook(name: str, **more: Any) -> dict[str, Any]:
    """An event workflow started by the named webhook."""
    return _event("webhook", event_name=name, **more)


HELD_OUT_V10: list[Case] = [
    # --- basic --------------------------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 08:30 send ukeslista til alle kundan",
        _wk1(MON, "08:30", "bestilling", _all()),
        category="basic",
    ),
    # nb
    Case(
        "kan du sende bestillingsskjemaet te kioskan hver tirsdag kl 9 takk",
        _wk1(TUE, "09:00", "bestilling", _g("kiosker")),
        category="basic",
    ),
    # en
    Case(
        "Good morning po! Could you please send the order form to all of our customers every "
        "Thursday at 10 am? Thank you so much.",
        _wk1(THU, "10:00", "bestilling", _all()),
        category="basic",
    ),
    # sv
    Case(
        "Varje måndag kl 07 skicka beställningsformuläret till alla kunder",
        _wk1(MON, "07:00", "bestilling", _all()),
        category="basic",
    ),
    # nb
    Case(
        "send paaminnelse fredag kl 11 til kafeene",
        _wk1(FRI, "11:00", "reminder", _g("kafeer")),
        category="basic",
    ),
    # nb
    Case(
        "hver fredag klokka ti på ni om morran send ukeslista til hotellene",
        _wk1(FRI, "08:50", "bestilling", _g("hoteller")),
        category="basic",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til skulekantinene kvar måndag klokka halv ni om morgonen",
        _wk1(MON, "08:30", "bestilling", _g("kantiner")),
        category="basic",
    ),
    # en
    Case(
        "Hello, kindly send the order form to the ferry and Hurtigruten kiosks every Friday at "
        "2 pm. Salamat!",
        _wk1(FRI, "14:00", "bestilling", _g("sjokiosker")),
        category="basic",
    ),
    # nb
    Case(
        "Hver dag kl 06 send kampanjen til kafeene",
        _daily("06:00", **_one("kampanje", _g("kafeer"))),
        category="basic",
    ),
    # nb
    Case(
        "Fra og med nyttår ønsker jeg at følgende settes opp: hver hverdag kl. 07.00 sendes "
        "ukens tilbud til kioskene.",
        _daily("07:00", weekdays_only=True, **_one("kampanje", _g("kiosker"))),
        category="basic",
    ),
    # nb
    Case(
        "Den 1. hver måned kl 08 send prisarket til alle",
        _monthly("08:00", day_of_month=1, **_one("priser", _all())),
        category="basic",
    ),
    # en
    Case(
        "Send the monthly report to ceo@nordlysdrikke.no on the 2nd of every month at 9am",
        _monthly("09:00", day_of_month=2, steps=[REPORT], send_to=["ceo@nordlysdrikke.no"]),
        category="basic",
    ),
    # nb
    Case(
        "æ vil at ukeslista går ut te nærbutikkan i fiskeværan hver mandag kl 7 ja",
        _wk1(MON, "07:00", "bestilling", _g("naerbutikker")),
        category="basic",
    ),
    # mix
    Case(
        "every saturday kl 10 send kampanjen til festivalene, de handler mest i helgene",
        _wk1(SAT, "10:00", "kampanje", _g("festival")),
        category="basic",
    ),
    # --- chains -------------------------------------------------------------------------------
    # nb
    Case(
        "Ukeslista mandag kl 9, påminnelse torsdag kl 14 te dem som ikkje har bestilt",
        _weekly(MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(THU, "14:00"), _all())),
        category="chains",
    ),
    # nb
    Case(
        "skjema til kioskan ma kl 8 purring ons kl 12 og fre kl 10 legg inn vanlig bestilling "
        "for dem som fortsatt mangler",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "10:00"), _g("kiosker")
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "Please send the order form to the cafés on Tuesday at 8:30, a reminder on Thursday at "
        "1 pm to those who haven't ordered yet, and on Friday at 9 place their usual order. "
        "Thank you po!",
        _weekly(
            TUE,
            "08:30",
            **_form_remind_order(
                _at(TUE, "08:30"), _at(THU, "13:00"), _at(FRI, "09:00"), _g("kafeer")
            ),
        ),
        category="chains",
    ),
    # sv
    Case(
        "Varje måndag kl 9 skicka beställningsformuläret till hotellen, påminnelse onsdag kl 10 "
        "till de som inte har beställt, en påminnelse till torsdag kl 15 och sedan fredag kl 8 "
        "lägg deras vanliga beställning",
        _weekly(
            MON,
            "09:00",
            **_form_two_reminders_order(
                [_at(MON, "09:00"), _at(WED, "10:00"), _at(THU, "15:00"), _at(FRI, "08:00")],
                _g("hoteller"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Hei. Fra nyttår ønsker vi følgende faste rutine for skolekantinene:\n"
        "- Mandag kl. 07.30: bestillingsskjemaet sendes ut\n"
        "- Tirsdag kl. 12.00: påminnelse til de som ikke har bestilt\n"
        "- Onsdag kl. 12.00: ny påminnelse til de samme\n"
        "- Torsdag kl. 08.00: standardbestillingen legges inn for dem som fortsatt ikke har "
        "bestilt\n"
        "Med vennlig hilsen Kari, administrerende direktør",
        _weekly(
            MON,
            "07:30",
            **_form_two_reminders_order(
                [_at(MON, "07:30"), _at(TUE, "12:00"), _at(WED, "12:00"), _at(THU, "08:00")],
                _g("kantiner"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "send ukeslista mandag kl 9 til alle, og dagen etter kl 10 en påminnelse til dem som "
        "ikke har bestilt",
        _weekly(MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(TUE, "10:00"), _all())),
        category="chains",
    ),
    # nb
    Case(
        "Tirsdag kl 8 skjema til hyttene, to dager senere kl 14 purring til dem som mangler",
        _weekly(TUE, "08:00", **_form_remind(_at(TUE, "08:00"), _at(THU, "14:00"), _g("hytter"))),
        category="chains",
    ),
    # en
    Case(
        "Monday 8am order form to the kiosks, same day at 3 remind the ones who haven't ordered",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, SEND],
            templates=["bestilling", "reminder"],
            recipients=[_g("kiosker"), _g("kiosker")],
            conditions=[None, _ms()],
        ),
        category="chains",
    ),
    # mix
    Case(
        "skjema fredag kl 12 to all customers, reminder mandag kl 9 til de som ikke har bestilt",
        _weekly(FRI, "12:00", **_form_remind(_at(FRI, "12:00"), _at(MON, "09:00"), _all())),
        category="chains",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til nærbutikkane måndag klokka 8, påminning onsdag klokka 13 "
        "til dei som ikkje har bestilt, og fredag klokka 9 legg inn den vanlege bestillinga "
        "deira",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(WED, "13:00"), _at(FRI, "09:00"), _g("naerbutikker")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "send bestillingsskjema til festivalene torsdag klokka 10 så påminnelse fredag klokka 12 "
        "til de som ikke har bestilt så mandag klokka 8 en påminnelse til og tirsdag klokka 9 "
        "legg inn siste bestilling deres på nytt",
        _weekly(
            THU,
            "10:00",
            **_form_two_reminders_order(
                [_at(THU, "10:00"), _at(FRI, "12:00"), _at(MON, "08:00"), _at(TUE, "09:00")],
                _g("festival"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Ukeslista mandag kl 9, purring torsdag kl 14 te dem som ikkje har bestilt, og fredag "
        "kl 15 send rapport om kem som fortsatt mangle te salg@nordlysdrikke.no",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at(MON, "09:00"), _at(THU, "14:00"), _at(FRI, "15:00")],
            report="orders_missing",
            send_to=["salg@nordlysdrikke.no"],
        ),
        category="chains",
    ),
    # nb
    Case(
        "kvart over åtte på mandagsmorran send skjema til kafeene, onsdag ti på tolv påminnelse "
        "til dem som ikke har bestilt",
        _weekly(MON, "08:15", **_form_remind(_at(MON, "08:15"), _at(WED, "11:50"), _g("kafeer"))),
        category="chains",
    ),
    # en
    Case(
        "Hi Sir/Ma'am, kindly set up the following for the hotels: 1) order form every Monday "
        "10:00 2) reminder Wednesday 10:00 for those who have not ordered 3) Thursday 10:00 "
        "another reminder 4) Friday 08:00 place their standard order. Thank you very much!",
        _weekly(
            MON,
            "10:00",
            **_form_two_reminders_order(
                [_at(MON, "10:00"), _at(WED, "10:00"), _at(THU, "10:00"), _at(FRI, "08:00")],
                _g("hoteller"),
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "ukeslista tirsdag kl 9 til sjøkioskene on the ferries, reminder torsdag kl 11 for those "
        "still missing, asap takk",
        _weekly(
            TUE, "09:00", **_form_remind(_at(TUE, "09:00"), _at(THU, "11:00"), _g("sjokiosker"))
        ),
        category="chains",
    ),
    # --- multi_day ----------------------------------------------------------------------------
    # nb
    Case(
        "Mandag og torsdag kl 9 send ukeslista til kioskene",
        _days([MON, THU], "09:00", **_one("bestilling", _g("kiosker"))),
        category="multi_day",
    ),
    # en
    Case(
        "Send the price list every Tuesday and Friday at 7am to the hotels please",
        _days([TUE, FRI], "07:00", **_one("priser", _g("hoteller"))),
        category="multi_day",
    ),
    # sv
    Case(
        "måndagar och torsdagar kl 10 skicka erbjudandet till kaféerna",
        _days([MON, THU], "10:00", **_one("kampanje", _g("kafeer"))),
        category="multi_day",
    ),
    # nb
    Case(
        "ma, ons og fre kl 8 send skjema te kafean",
        _days([MON, WED, FRI], "08:00", **_one("bestilling", _g("kafeer"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Skjema mandag og tirsdag kl 8 til hyttene, påminnelse torsdag kl 12 til dem som ikke "
        "har bestilt",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "bestilling", "reminder"],
            recipients=[_g("hytter")] * 3,
            conditions=[None, None, _ms()],
            triggers=[_at(MON, "08:00"), _at(TUE, "08:00"), _at(THU, "12:00")],
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "send påminnelse tirsdag og torsdag kl 13 til de som ikke har bestilt siden mandag",
        _days(
            [TUE, THU],
            "13:00",
            **_one("reminder", _all(), conditions=[_missing(since="last_monday")]),
        ),
        category="multi_day",
    ),
    # nn
    Case(
        "Send prisarket kvar måndag og fredag klokka 7 til alle kundane",
        _days([MON, FRI], "07:00", **_one("priser", _all())),
        category="multi_day",
    ),
    # en
    Case(
        "weekends too: every Saturday and Sunday at 9 send the weekly offer to the lodges",
        _days([SAT, SUN], "09:00", **_one("kampanje", _g("hytter"))),
        category="multi_day",
    ),
    # --- conditions ---------------------------------------------------------------------------
    # nb
    Case(
        "Hver torsdag kl 12 send påminnelse til kioskene som ikke har bestilt de siste 5 dagene",
        _wk1(THU, "12:00", "reminder", _g("kiosker"), conditions=[_missing(days_back=5)]),
        category="conditions",
    ),
    # en
    Case(
        "Every Friday at 2pm remind the cafés that haven't ordered since Monday",
        _wk1(FRI, "14:00", "reminder", _g("kafeer"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # nb
    Case(
        "kvar dag kl 11 send purring te alle som ikkje har bestilt på 2 uker",
        _daily("11:00", **_one("reminder", _all(), conditions=[_missing(days_back=14)])),
        category="conditions",
    ),
    # nb
    Case(
        "Send kampanjen til kundene som HAR bestilt siste 7 dagene, hver fredag kl 13",
        _wk1(FRI, "13:00", "kampanje", _all(), conditions=[_ordered(days_back=7)]),
        category="conditions",
    ),
    # sv
    Case(
        "Varje tisdag kl 9 skicka en påminnelse till de som inte har beställt sedan fredag",
        _wk1(TUE, "09:00", "reminder", _all(), conditions=[_missing(since="last_friday")]),
        category="conditions",
    ),
    # mix
    Case(
        "hver mandag kl 10 send ukeslista but only to customers who have ordered in the last "
        "3 weeks",
        _wk1(MON, "10:00", "bestilling", _all(), conditions=[_ordered(days_back=21)]),
        category="conditions",
    ),
    # nn
    Case(
        "Kvar onsdag klokka 14 send påminning til kafeane som ikkje har bestilt sidan måndag",
        _wk1(WED, "14:00", "reminder", _g("kafeer"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 4pm remind all customers who haven't placed an order in the last 10 days",
        _daily("16:00", **_one("reminder", _all(), conditions=[_missing(days_back=10)])),
        category="conditions",
    ),
    # nb
    Case(
        "Fredag kl 10 legg inn vanlig bestilling for nærbutikkene som ikke har bestilt siden "
        "mandag",
        _weekly(
            FRI,
            "10:00",
            steps=[ORDER],
            recipients=[_g("naerbutikker")],
            conditions=[_missing(since="last_monday")],
            triggers=[_at(FRI, "10:00")],
            mode="repeat_last",
        ),
        category="conditions",
    ),
    # nb
    Case(
        "Hver søndag kl 18 send purring te festivalan som ikkje har bestilt siste 4 daga",
        _wk1(SUN, "18:00", "reminder", _g("festival"), conditions=[_missing(days_back=4)]),
        category="conditions",
    ),
    # --- calendar -----------------------------------------------------------------------------
    # nb
    Case(
        "Annenhver fredag kl 10 send prisarket til hotellene",
        _weekly(FRI, "10:00", every_weeks=2, anchor="2027-12-31", **_one("priser", _g("hoteller"))),
        category="calendar",
    ),
    # nb
    Case(
        "annenhver mandag kl 8 skjema te kioskan, første gang 10. januar",
        _weekly(
            MON, "08:00", every_weeks=2, anchor="2028-01-10", **_one("bestilling", _g("kiosker"))
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every other Thursday at 11, starting tomorrow the 30th of December, send the order form "
        "to the lodges",
        _weekly(
            THU, "11:00", every_weeks=2, anchor="2027-12-30", **_one("bestilling", _g("hytter"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Hver tredje tirsdag kl 9 send nyhetsbrevet til alle",
        _weekly(TUE, "09:00", every_weeks=3, anchor="2028-01-04", **_one("nyhetsbrev", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "i partallsuker send kampanjen til kafeene mandag kl 9",
        _weekly(MON, "09:00", iso_weeks="even", **_one("kampanje", _g("kafeer"))),
        category="calendar",
    ),
    # sv
    Case(
        "Varje tisdag kl 10 i udda veckor skicka prislistan till alla kunder",
        _weekly(TUE, "10:00", iso_weeks="odd", **_one("priser", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08 send prisarket til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("priser", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Last Friday of every month at 3pm send the newsletter to all customers",
        _monthly("15:00", weekday=FRI, nth=-1, **_one("nyhetsbrev", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Siste virkedag i måneden kl 14 send rapport over hvem som mangler bestilling til "
        "ceo@nordlysdrikke.no",
        _monthly(
            "14:00",
            business_day=-1,
            steps=[REPORT],
            report="orders_missing",
            send_to=["ceo@nordlysdrikke.no"],
        ),
        category="calendar",
    ),
    # nn
    Case(
        "Første yrkedag i månaden klokka 8 send prisarket til alle kundane",
        _monthly("08:00", business_day=1, **_one("priser", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 07 send dagens tilbud til kafeene",
        _daily("07:00", business_days_only=True, **_one("kampanje", _g("kafeer"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver mandag kl 9 ukeslista til alle, men er mandagen en rød dag (sånn som 2. påskedag) "
        "så send tirsdag i stedet",
        _weekly(MON, "09:00", holiday_policy="next_business_day", **_one("bestilling", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "påminnelse hver torsdag kl 14 til dem som ikke har bestilt - ikke på helligdager som "
        "skjærtorsdag og Kristi himmelfart, da dropper vi den",
        _weekly(THU, "14:00", holiday_policy="skip", **_one("reminder", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Every Friday at 10 send the price list to everyone; if the Friday is a public holiday "
        "like Good Friday, send it the business day before instead",
        _weekly(FRI, "10:00", holiday_policy="previous_business_day", **_one("priser", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "annenhver tysdag kl 9 send skjema te nærbutikkan og hopp over røde daga",
        _weekly(
            TUE,
            "09:00",
            every_weeks=2,
            anchor="2028-01-04",
            holiday_policy="skip",
            **_one("bestilling", _g("naerbutikker")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "only in even weeks: thursday kl 15 send ukeslista til hurtigrutekioskene",
        _weekly(THU, "15:00", iso_weeks="even", **_one("bestilling", _g("sjokiosker"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver 2. uke på mandag kl 7 fra 3. januar send prisarket til kioskene, også på helligdager",
        _weekly(
            MON,
            "07:00",
            every_weeks=2,
            anchor="2028-01-03",
            holiday_policy="run",
            **_one("priser", _g("kiosker")),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "andre tirsdag i hver måned kl 10 send spørreundersøkelsen til hotellene",
        _monthly("10:00", weekday=TUE, nth=2, **_one("sporreundersokelse", _g("hoteller"))),
        category="calendar",
    ),
    # sv
    Case(
        "Varannan fredag kl 9 skicka beställningsformuläret till alla kunder, start i vecka 2",
        _weekly(FRI, "09:00", every_weeks=2, **_one("bestilling", _all())),
        category="calendar",
    ),
    # --- events -------------------------------------------------------------------------------
    # nb
    Case(
        "Når en kunde legger inn en ordre, send bekreftelse",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "Whenever a new customer signs up, could you please send them our welcome email po",
        _event("customer.created", **_one("velkommen", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "når kjøleskapet te en kunde melder tomt (kjol-tom) send kunden ukeslista mæ en gang",
        _webhook("kjol-tom", **_one("bestilling", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "Når webhooken kjol-tom kommer, legg inn vanlig bestilling for den kunden",
        _webhook(
            "kjol-tom",
            steps=[ORDER],
            recipients=[_ev()],
            triggers=[None],
            mode="repeat_last",
        ),
        category="events",
    ),
    # nb
    Case(
        "Når nytt-vareparti kommer inn på lageret i Alta, send kampanjen til alle kafeene",
        _webhook("nytt-vareparti", **_one("kampanje", _g("kafeer"), triggers=[None])),
        category="events",
    ),
    # sv
    Case(
        "När en kund lägger en beställning, skicka bekräftelse direkt",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # nn
    Case(
        "Når ein ny kunde blir registrert, send velkomstbrevet med ein gong",
        _event("customer.created", **_one("velkommen", _ev(), triggers=[None])),
        category="events",
    ),
    # mix
    Case(
        "når nytt-vareparti webhook kommer: send prisarket to all customers right away",
        _webhook("nytt-vareparti", **_one("priser", _all(), triggers=[None])),
        category="events",
    ),
    # nn
    Case(
        "Når nytt-vareparti kjem inn, send kunden ei stadfesting",
        _webhook("nytt-vareparti", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "When kjol-tom fires, email that shop the order form straight away",
        _webhook("kjol-tom", **_one("bestilling", _ev(), triggers=[None])),
        category="events",
    ),
    # --- delays -------------------------------------------------------------------------------
    # nb
    Case(
        "Når en ny kunde registrerer seg: send velkomstmail med en gang, og et døgn etter send "
        "ukeslista",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkommen", "bestilling"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(24 * 60)],
        ),
        category="delays",
    ),
    # en
    Case(
        "After an order comes in, wait 30 minutes and then send the confirmation",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # nb
    Case(
        "to timer etter at kjol-tom melder, send påminnelse te kunden om å bestille",
        _webhook("kjol-tom", **_one("reminder", _ev(), triggers=[_delay(120)])),
        category="delays",
    ),
    # nb
    Case(
        "ny kunde -> velkomst med en gang, tre daga seinar spørreundersøkelsen",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkommen", "sporreundersokelse"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(3 * 24 * 60)],
        ),
        category="delays",
    ),
    # sv
    Case(
        "När en ny kund registreras, skicka välkomstmejlet efter en timme",
        _event("customer.created", **_one("velkommen", _ev(), triggers=[_delay(60)])),
        category="delays",
    ),
    # nb
    Case(
        "Når en ordre kommer inn: bekreftelse med én gang, halvannen time etter send kampanjen "
        "til samme kunde",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "kampanje"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(90)],
        ),
        category="delays",
    ),
    # en
    Case(
        "when a customer places an order send the confirmation right away and then a survey "
        "2 days later",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "sporreundersokelse"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(2 * 24 * 60)],
        ),
        category="delays",
    ),
    # nb
    Case(
        "Når kjol-tom kommer: vent tre kvarter og legg inn vanlig bestilling for kunden",
        _webhook(
            "kjol-tom",
            steps=[ORDER],
            recipients=[_ev()],
            triggers=[_delay(45)],
            mode="repeat_last",
        ),
        category="delays",
    ),
    # nn
    Case(
        "Når ein kunde legg inn ei bestilling, vent 15 minutt og send stadfesting",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(15)])),
        category="delays",
    ),
    # en
    Case(
        "When kjol-tom fires, email that shop the order form, and 2 hours later a reminder if "
        "they still haven't ordered",
        _webhook(
            "kjol-tom",
            steps=[SEND, SEND],
            templates=["bestilling", "reminder"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(120)],
            conditions=[None, _ms()],
        ),
        category="delays",
    ),
    # --- templates_by_meaning -----------------------------------------------------------------
    # nb
    Case(
        "Hver mandag kl 7 send de nye prisene til kioskene",
        _wk1(MON, "07:00", "priser", _g("kiosker")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send our monthly newsletter on the 15th at 10am to everyone",
        _monthly("10:00", day_of_month=15, **_one("nyhetsbrev", _all())),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send Nordlysposten den 1. hver måned kl 12 til alle kunder",
        _monthly("12:00", day_of_month=1, **_one("nyhetsbrev", _all())),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send Kuldekuppet te kafean hver fredag kl 9",
        _wk1(FRI, "09:00", "kampanje", _g("kafeer")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver torsdag kl 13 send ukens tilbud til nærbutikkene",
        _wk1(THU, "13:00", "kampanje", _g("naerbutikker")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Monday at 9 send the customer satisfaction survey to the hotels",
        _wk1(MON, "09:00", "sporreundersokelse", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "send 'Ka du mene?' til hyttene every sunday kl 17",
        _wk1(SUN, "17:00", "sporreundersokelse", _g("hytter")),
        category="templates_by_meaning",
    ),
    # sv
    Case(
        "Varje fredag kl 8 skicka prislistan till alla kunder",
        _wk1(FRI, "08:00", "priser", _all()),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "når en ny kunde blir opprettet, send velkomstbrevet",
        _event("customer.created", **_one("velkommen", _ev(), triggers=[None])),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Første fredag i måneden kl 10 send månedsbrevet til alle",
        _monthly("10:00", weekday=FRI, nth=1, **_one("nyhetsbrev", _all())),
        category="templates_by_meaning",
    ),
    # nn
    Case(
        "Send prislista kvar fredag klokka 7 til hotella",
        _wk1(FRI, "07:00", "priser", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # --- new_templates ------------------------------------------------------------------------
    # nb
    Case(
        "Hver fredag kl 12 send ut åpningstidene for lageret i Alta til alle kundene",
        _wk1(FRI, "12:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "Send betalingspåminnelse for ubetalte fakturaer til kioskene hver mandag kl 10",
        _wk1(MON, "10:00", "new", _g("kiosker")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Monday at 8 send the delivery plan for the week to the lodges, thank you po",
        _wk1(MON, "08:00", "new", _g("hytter")),
        category="new_templates",
    ),
    # sv
    Case(
        "Varje torsdag kl 15 skicka information om pantsystemet till alla kunder",
        _wk1(THU, "15:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "send info om ferjeruta og leveringsdaga te nærbutikkan kvar mandag kl 9",
        _wk1(MON, "09:00", "new", _g("naerbutikker")),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver mandag kl 8 send restordrelista (varer vi ikke har inne) til alle",
        _wk1(MON, "08:00", "new", _all()),
        category="new_templates",
    ),
    # en
    Case(
        "Please email the allergen and ingredients sheet to the school canteens every first "
        "Monday of the month at 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("new", _g("kantiner"))),
        category="new_templates",
    ),
    # nn
    Case(
        "Send informasjon om leveringsdagane i påska til alle kundane kvar fredag klokka 10",
        _wk1(FRI, "10:00", "new", _all()),
        category="new_templates",
    ),
    # --- must_ask -----------------------------------------------------------------------------
    # nb
    Case("Send ukeslista til barnehagene hver mandag kl 9", Q, category="must_ask"),
    # en
    Case("Every Friday at 10 send the price list to the bakeries", Q, category="must_ask"),
    # nb
    Case("send sms te kioskan hver mandag kl 8 om at ukeslista e ute", Q, category="must_ask"),
    # sv
    Case("Skicka ett sms till alla kunder varje fredag kl 12", Q, category="must_ask"),
    # nb
    Case("Ring kafeene hver torsdag kl 10 og spør om de vil bestille noe", Q, category="must_ask"),
    # en
    Case("WhatsApp the hotels every Monday at 9 with the offer please", Q, category="must_ask"),
    # nb
    Case("Hver mandag kl 25 send ukeslista til alle", Q, category="must_ask"),
    # nb
    Case("Den 32. hver måned send prisarket til alle", Q, category="must_ask"),
    # en
    Case("Send the newsletter on the fifth Friday of every month at 10", Q, category="must_ask"),
    # nb
    Case("Hver 12. uke på mandag kl 9 send prisarket til alle", Q, category="must_ask"),
    # nb
    Case("Når en kunde kansellerer en ordre, send en melding til kunden", Q, category="must_ask"),
    # nb
    Case("Når en kunde bytter leveringsadresse, send bekreftelse", Q, category="must_ask"),
    # nb
    Case("Send nyhetsbrevet til alle kundene", Q, category="must_ask"),
    # nb
    Case("ka e det vi har på lager i Alta nu egentlig", Q, category="must_ask"),
    # nb
    Case("Kjøp inn mer kaffe til lageret før påske", Q, category="must_ask"),
    # nb
    Case(
        "Send ukeslista hver mandag kl 9 til alle, men ikke send noe på mandager",
        Q,
        category="must_ask",
    ),
    # en
    Case(
        "Set up the Monday order form at 9 for the cafés... actually no, forget it, don't make "
        "anything",
        Q,
        category="must_ask",
    ),
    # nb
    Case("Oppdater telefonnummeret til Kafé Polarlys", Q, category="must_ask"),
    # nn
    Case("Send påminning til kundane i Alta kvar torsdag klokka 14", Q, category="must_ask"),
    # mix
    Case("når lageret går tomt for Solo send varsel te alle customers", Q, category="must_ask"),
    # nb
    Case("Hver mandag kl 24:30 send skjema til kafeene", Q, category="must_ask"),
    # sv
    Case(
        "Skicka beställningsformuläret till restaurangerna varje måndag kl 9",
        Q,
        category="must_ask",
    ),
    # en
    Case(
        "Send the order form to the pharmacies every Tuesday at 8, thanks", Q, category="must_ask"
    ),
    # nb
    Case("send nåkka hyggelig te kundan en gang i blant", Q, category="must_ask"),
    # nb
    Case("Send påminnelse til alle 30. februar kl 10", Q, category="must_ask"),
    # nb
    Case("Når en kunde klager på en leveranse, send en beklagelse", Q, category="must_ask"),
    # en
    Case("Every Monday at 9 send a push notification to the app users", Q, category="must_ask"),
    # nn
    Case("Send prisarket til sjukeheimane kvar måndag klokka 8", Q, category="must_ask"),
]

# --- Conversations: answers to the assistant's question, and edits of a draft -------------------

HELD_OUT_V10_CONVERSATIONS: list[EditCase] = [
    # --- answers ------------------------------------------------------------------------------
    # nb
    EditCase(
        "Send nyhetsbrevet til alle kundene hver måned",
        "den 5. kl 10",
        _monthly("10:00", day_of_month=5, **_one("nyhetsbrev", _all())),
        category="answers",
    ),
    # nb: a one-word answer; the time is left open.
    EditCase(
        "send ukeslista te hotellan",
        "fredag",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": [FRI],
            **_one("bestilling", _g("hoteller")),
        },
        category="answers",
    ),
    # nb
    EditCase(
        "Send påminnelse til barnehagene torsdag kl 14",
        "kantinene",
        _wk1(THU, "14:00", "reminder", _g("kantiner")),
        category="answers",
    ),
    # nb
    EditCase(
        "send prisarket til alle",
        "første mandag i hver måned kl 07:30",
        _monthly("07:30", weekday=MON, nth=1, **_one("priser", _all())),
        category="answers",
    ),
    # sv
    EditCase(
        "skicka påminnelse till alla kunder",
        "torsdagar kl 15",
        _wk1(THU, "15:00", "reminder", _all()),
        category="answers",
    ),
    # en
    EditCase(
        "Could you please send the welcome email to our customers?",
        "when a new customer registers po",
        _event("customer.created", **_one("velkommen", _ev(), triggers=[None])),
        category="answers",
    ),
    # nb: SMS is not possible; the answer switches to email, the time is left open.
    EditCase(
        "sms til kafean hver fredag om kampanjen",
        "ok ta det på epost da",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": [FRI],
            **_one("kampanje", _g("kafeer")),
        },
        category="answers",
    ),
    # nb
    EditCase(
        "kl 25 hver tirsdag send ukeslista te kioskan",
        "kl 15 mente æ",
        _wk1(TUE, "15:00", "bestilling", _g("kiosker")),
        category="answers",
    ),
    # nn
    EditCase(
        "Send spørjeundersøkinga til hyttene",
        "kvar søndag klokka 12",
        _wk1(SUN, "12:00", "sporreundersokelse", _g("hytter")),
        category="answers",
    ),
    # en: a one-word answer to "which group?".
    EditCase(
        "Every Monday at 8 send the order form to the restaurants",
        "hotels",
        _wk1(MON, "08:00", "bestilling", _g("hoteller")),
        category="answers",
    ),
    # --- edits --------------------------------------------------------------------------------
    # nb
    EditCase(
        "Ukeslista mandag kl 9 og påminnelse torsdag kl 15 til dem som ikke har bestilt",
        "flytt påminnelsen til onsdag kl 13",
        _weekly(MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(WED, "13:00"), _all())),
        category="edits",
    ),
    # nb: add a step.
    EditCase(
        "Skjema mandag kl 8 til kioskene, påminnelse onsdag kl 12 til dem som ikke har bestilt",
        "legg til at de som fortsatt mangler får vanlig bestilling lagt inn fredag kl 10",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "10:00"), _g("kiosker")
            ),
        ),
        category="edits",
    ),
    # nb: remove a group.
    EditCase(
        "Send kampanjen til kafeene og hotellene hver fredag kl 10",
        "fjern hotellene",
        _wk1(FRI, "10:00", "kampanje", _g("kafeer")),
        category="edits",
    ),
    # nb: change the time, in words.
    EditCase(
        "Hver virkedag kl 7 send dagens tilbud til kafeene",
        "gjør det halv åtte i stedet",
        _daily("07:30", business_days_only=True, **_one("kampanje", _g("kafeer"))),
        category="edits",
    ),
    # nb: skip holidays.
    EditCase(
        "Ukeslista hver mandag kl 9 til alle",
        "hopp over røde dager, f.eks. 2. påskedag",
        _weekly(MON, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="edits",
    ),
    # nb: change the template.
    EditCase(
        "Hver fredag kl 12 send prisarket til nærbutikkene",
        "nei send heller nyhetsbrevet",
        _wk1(FRI, "12:00", "nyhetsbrev", _g("naerbutikker")),
        category="edits",
    ),
    # en: change the group.
    EditCase(
        "reminder every thursday 3pm to the kiosks",
        "actually make that the cafés",
        _wk1(THU, "15:00", "reminder", _g("kafeer")),
        category="edits",
    ),
    # nb: move a step to another day; its time stays.
    EditCase(
        "Skjema mandag kl 9, påminnelse onsdag kl 14 og vanlig bestilling fredag kl 10 for dem "
        "som ikke har bestilt",
        "påminnelsen skal være tirsdag",
        _weekly(
            MON,
            "09:00",
            **_form_remind_order(_at(MON, "09:00"), _at(TUE, "14:00"), _at(FRI, "10:00"), _all()),
        ),
        category="edits",
    ),
    # nb: a holiday policy on an every-2-weeks schedule (unanchored: the next Monday).
    EditCase(
        "Send ukeslista annenhver mandag kl 8 til ferjekioskene",
        "om mandagen er helligdag, send dagen etter",
        _weekly(
            MON,
            "08:00",
            every_weeks=2,
            anchor="2028-01-03",
            holiday_policy="next_business_day",
            **_one("bestilling", _g("sjokiosker")),
        ),
        category="edits",
    ),
    # sv: change the time.
    EditCase(
        "varje fredag kl 10 skicka prislistan till hotellen",
        "ändra till kl 11",
        _wk1(FRI, "11:00", "priser", _g("hoteller")),
        category="edits",
    ),
    # mix: add a reminder step.
    EditCase(
        "ukeslista tirsdag kl 9 til festivalene",
        "and add a reminder thursday kl 12 for those who haven't ordered",
        _weekly(TUE, "09:00", **_form_remind(_at(TUE, "09:00"), _at(THU, "12:00"), _g("festival"))),
        category="edits",
    ),
]
