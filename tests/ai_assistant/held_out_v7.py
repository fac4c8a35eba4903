"""Held-out phrasing set v7 for the offline assistant: measured once, at the end.

Written by a new writer without looking at the parser or at the other phrasing sets' cases, so
that it measures how the parser generalises to phrasings nobody tuned it on. What the writer
read: the format docs (``/work/shared/docs/workflow-format.md`` whole, with "Calendar
schedules", and ``/work/shared/docs/nl-examples.md``), the checker
``benchmarks/parser_accuracy.py`` (``Case``, ``key_facts``, ``compare``, the baseline),
``benchmarks/bench_offline_parser.py`` (to add this set's rows), ``ai_assistant/context.py``
(``TemplateInfo``, ``GroupInfo``, ``ParseContext``), of ``tests/ai_assistant/held_out_v5.py``
the part above its first ``Case(`` (module docstring, imports, its template and group lists as
they stand there, the context builder and the small fact-building helpers; not its cases), of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1160-1192 around the ``EditCase`` class
(the class, the end of the one case just above it, the ``FORM_AND_REMINDER`` constant and the
first line of the first conversation after it), and of
``tests/ai_assistant/test_parser_accuracy.py`` its list of metric names (lines 170-200) and a
grep of its lines naming held-out sets and conversations. Nothing else
under ``ai_assistant/``, nothing under ``executions/steps/``, no other cases of any phrasing or
held-out set; the parser was not run on these cases (only an import of this module to check
it is well-formed) before the one measurement.

The business: Kontorkaffe Øst AS, a coffee, snacks and office-supplies wholesaler in Drammen
serving the Oslo area. Its customers are offices, coworking spaces, gyms, hair salons,
dental/medical clinics, schools, a few cafés, and a handful of key accounts. Its staff write
terse, sloppy Bokmål (abbreviations "kl", "mnd", "tors", "fre", typos, some Nynorsk or dialect:
"tysdag", "kvar", "skulane", "te"), Swedes write Norwegian with Swedish words ("imorgon",
"påminnelse till kunder som inte har beställt", "varje", "måndag"), and English-speaking
account managers write longer, politer, sometimes bulleted messages. Webhooks it has set up
(named in texts, in quotes): ``lav-beholdning`` (a coffee machine at a customer reports low
stock) and ``portal-signup`` (someone signs up in the customer portal).

Each case has a language tag in the comment above it: ``nb``, ``en`` or ``mix`` (English and
Norwegian mixed, or Norwegian written with Swedish words). Categories: ``basic``, ``chains``,
``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``, ``templates_by_meaning``,
``new_templates``, ``must_ask``. The conversations (``HELD_OUT_V7_CONVERSATIONS``) are
``answers`` (the start makes the assistant ask; the follow-up answers) or ``edits`` (the start
is a draft; the follow-up changes it); ``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (ask back, create nothing) or the key facts the text clearly
determines (``benchmarks.parser_accuracy.key_facts``); facts the text leaves open are left out.
Conventions (v5's, so the numbers are comparable):

- ``triggers`` of the first step of a weekly workflow repeat the schedule's day and time;
  ``triggers`` are left out of daily, monthly and calendar-kind schedules, of schedules on
  several days, and wherever the timing has more than one fair encoding ("samme dag kl 14").
- A step of an event workflow that runs right away has no time trigger (``None``); "N minutes /
  hours / days (døgn) after" is ``{"delay_minutes": N in minutes}``; the event's customer is
  ``{"event_customer": True}``.
- "Those who (still) haven't ordered" in a later step of a chain is ``orders_missing`` since
  ``execution_start``; a reminder in a chain implies it too. A later step of a chain goes to the
  same audience as the first step. "Their usual / standard order" is ``create_order`` with
  ``mode`` ``repeat_last``.
- A window given in the text is the condition's window: "siden mandag" is ``since:
  "last_monday"``, "de siste 3 dagene" ``days_back: 3``, "3 uker" 21 days, "den siste uka" 7 days.
  A single reminder with no window has its ``conditions`` left out.
- One phrase naming several days for one action: a single send is a weekly schedule on those
  ``days``; in a chain it is one step per day.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" /
  "working day" is ``business_days_only``.
- An ``every_weeks`` schedule is anchored on the date the text gives, or with none on the next
  such weekday after ``HELD_OUT_V7_TODAY`` (a Wednesday; no unanchored case uses Wednesday).
- A holiday policy is set only where the text says what happens on a public holiday ("også på
  røde dager" is ``run``).
- Report steps: ``recipients`` and ``conditions`` are left out of cases with a
  ``generate_report`` step; ``report`` is given only where the text names what it reports ("hvem
  som mangler" is ``orders_missing``, "ukesrapport om bestillingene" ``weekly_orders``).
- Group slugs: offices ``kontorer``, coworking ``coworking``, gyms ``treningssentre``, hair
  salons ``frisorer``, dentists and clinics ``klinikker``, schools ``skoler``, cafés ``kafeer``,
  key accounts ``storkunder``. Kindergartens, hotels, pharmacies, restaurants and petrol
  stations are not groups here: a question.
- Templates by meaning: price list / "prislista" / "prisene" ``prisliste``; newsletter /
  "månedsbrevet" ``newsletter``; "tilbudsmailen" / deals / "ukestilbudet" ``tilbud``; welcome
  ``velkomst``; survey / "undersøkelsen" / "enkäten" ``survey``. An email none of these covers
  (payment reminders, delivery notices, recipes, opening hours...) is ``"new"``; a payment
  reminder is not the order reminder.
- Must ask: an unknown group, SMS / phone calls / WhatsApp (the format only sends email), a
  request that contradicts or cancels itself, a time or date that cannot exist (kl 25, the 32nd,
  the 5th Monday, every 10 weeks), a change of customer data as trigger (the format has only
  ``order.created``, ``customer.created`` and named webhooks), and requests with no "when".

Today is Wednesday 24 March 2027 (ISO week 12): Easter is 25-29 March (skjærtorsdag,
langfredag, 2. påskedag 29 March) and summer time starts on Sunday 28 March, so the first runs
of many cases cross both.
"""

from __future__ import annotations

import datetime as dt

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
_form_and_reminder = facts.form_then_reminder
_form_reminder_order = facts.form_reminder_order
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send

# Wednesday 24 March 2027 (ISO week 12, an even week), the day before skjærtorsdag.
HELD_OUT_V7_TODAY = dt.date(2027, 3, 24)

HELD_OUT_V7_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 701,
        "name": "Ukesbestilling kontorkaffe",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill kaffe, snacks og rekvisita for neste uke",
    },
    {
        "id": 702,
        "name": "Har du glemt oss?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Fristen for ukens bestilling nærmer seg",
    },
    {
        "id": 703,
        "name": "Ordrebekreftelse",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen!",
    },
    {
        "id": 704,
        "name": "Prisoversikt",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Oppdaterte priser fra Kontorkaffe Øst",
    },
    {
        "id": 705,
        "name": "Ukens kampanje",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Ukens tilbud på kaffe og snacks",
    },
    {
        "id": 706,
        "name": "Kaffepraten",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedsbrev fra Kontorkaffe Øst",
    },
    {
        "id": 707,
        "name": "Velkommen som kunde",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen til Kontorkaffe Øst",
    },
    {
        "id": 708,
        "name": "Kundeundersøkelse",
        "category": "survey",
        "variables": ["kunde_navn", "undersokelse_link"],
        "subject": "Hvordan smakte kaffen? Si din mening",
    },
]

HELD_OUT_V7_GROUPS: list[GroupInfo] = [
    {"slug": "kontorer", "name": "Kontorer", "size": 64},
    {"slug": "coworking", "name": "Coworking", "size": 11},
    {"slug": "treningssentre", "name": "Treningssentre", "size": 17},
    {"slug": "frisorer", "name": "Frisørsalonger", "size": 23},
    {"slug": "klinikker", "name": "Tannleger og klinikker", "size": 29},
    {"slug": "skoler", "name": "Skoler", "size": 15},
    {"slug": "kafeer", "name": "Kaféer", "size": 6},
    {"slug": "storkunder", "name": "Storkunder", "size": 9},
]

HELD_OUT_V7_STAFF_GROUPS = ["salg", "lager", "kundeservice", "regnskap"]


def held_out_v7_context() -> ParseContext:
    """The coffee wholesaler's templates, groups and staff groups, on ``HELD_OUT_V7_TODAY``."""
    return facts.business_context(
        HELD_OUT_V7_TEMPLATES, HELD_OUT_V7_GROUPS, HELD_OUT_V7_STAFF_GROUPS, HELD_OUT_V7_TODAY
    )


# --- Small builders for the expected facts ----------------------------------------------------

Q = "question"


HELD_OUT_V7: list[Case] = [
    # === basic ==================================================================================
    # nb
    Case("skjema til alle mandag kl 9", _wk1("monday", "09:00", "bestilling", _all())),
    # nb
    Case(
        "Hver tysdag kl 0830 bestillingsskjema te kontora",
        _wk1("tuesday", "08:30", "bestilling", _g("kontorer")),
    ),
    # nb
    Case(
        "send bestillingsskjemaet ut fredag morgen kl 7 til treningssentrene, hver uke",
        _wk1("friday", "07:00", "bestilling", _g("treningssentre")),
    ),
    # nb
    Case(
        "skjema hver mandag kl. 10.15 t frisørene",
        _wk1("monday", "10:15", "bestilling", _g("frisorer")),
    ),
    # nb
    Case(
        "Kan du sende ukebestillinga til coworking-kundene hver torsdag klokka 11?",
        _wk1("thursday", "11:00", "bestilling", _g("coworking")),
    ),
    # en
    Case(
        "Hi! Could you please set up a weekly email with the order form to all our customers? "
        "Mondays at 8:30 would be great. Thanks so much!",
        _wk1("monday", "08:30", "bestilling", _all()),
    ),
    # en
    Case(
        "order form to the schools every Wednesday, 2pm",
        _wk1("wednesday", "14:00", "bestilling", _g("skoler")),
    ),
    # mix
    Case(
        "send order form til klinikkene hver fredag kl 9",
        _wk1("friday", "09:00", "bestilling", _g("klinikker")),
    ),
    # mix
    Case(
        "Every Tuesday kl 13 skjema til kaféene",
        _wk1("tuesday", "13:00", "bestilling", _g("kafeer")),
    ),
    # mix (sv)
    Case(
        "Send bestillingsskjema till alla kunder varje måndag kl 9",
        _wk1("monday", "09:00", "bestilling", _all()),
    ),
    # nb
    Case(
        "hver onsdag kl 10 skjema til storkundene",
        _wk1("wednesday", "10:00", "bestilling", _g("storkunder")),
    ),
    # en
    Case(
        "Hey, the dentists and clinics should get our order form every Thursday morning at 9:15.",
        _wk1("thursday", "09:15", "bestilling", _g("klinikker")),
    ),
    # === chains =================================================================================
    # nb (3 steps)
    Case(
        "Skjema mandag kl 9 til kontorene, purring onsdag kl 14 til dem som ikke har bestilt, og "
        "fredag kl 10 legger vi inn vanlig bestilling for de som fortsatt ikke har bestilt",
        _weekly(
            "monday",
            "09:00",
            **_form_reminder_order(
                _at("monday", "09:00"),
                _at("wednesday", "14:00"),
                _at("friday", "10:00"),
                _g("kontorer"),
            ),
        ),
        category="chains",
    ),
    # en (3 steps)
    Case(
        "Hi, can you set this up for the gyms please:\n"
        "- Monday 7am: order form\n"
        "- Wednesday noon: reminder to anyone who hasn't ordered yet\n"
        "- Thursday 9am: place their usual order if they still haven't ordered\n"
        "Thanks!",
        _weekly(
            "monday",
            "07:00",
            **_form_reminder_order(
                _at("monday", "07:00"),
                _at("wednesday", "12:00"),
                _at("thursday", "09:00"),
                _g("treningssentre"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "tirsdag 8 skjema t alle, torsdag 15 purring",
        _weekly(
            "tuesday",
            "08:00",
            **_form_and_reminder(_at("tuesday", "08:00"), _at("thursday", "15:00"), _all()),
        ),
        category="chains",
    ),
    # mix (sv)
    Case(
        "Skicka skjema måndag kl 9 til frisørene, påminnelse onsdag kl 13 till kunder som inte "
        "har beställt",
        _weekly(
            "monday",
            "09:00",
            **_form_and_reminder(_at("monday", "09:00"), _at("wednesday", "13:00"), _g("frisorer")),
        ),
        category="chains",
    ),
    # mix
    Case(
        "Order form fredag kl 12 til coworking, reminder mandag kl 9 til de som ikke har bestilt",
        _weekly(
            "friday",
            "12:00",
            **_form_and_reminder(_at("friday", "12:00"), _at("monday", "09:00"), _g("coworking")),
        ),
        category="chains",
    ),
    # nb (4 steps)
    Case(
        "Mandag kl 8: skjema til skolene. Tirsdag kl 12: påminnelse. Torsdag kl 12: ny påminnelse "
        "til de som fortsatt ikke har bestilt. Fredag kl 9 send en rapport om hvem som mangler "
        "til salg@kontorkaffe.no",
        _weekly(
            "monday",
            "08:00",
            steps=[SEND, SEND, SEND, REPORT],
            templates=["bestilling", "reminder", "reminder", None],
            triggers=[
                _at("monday", "08:00"),
                _at("tuesday", "12:00"),
                _at("thursday", "12:00"),
                _at("friday", "09:00"),
            ],
            report="orders_missing",
            send_to=["salg@kontorkaffe.no"],
        ),
        category="chains",
    ),
    # en (3 steps)
    Case(
        "Every Thursday 10:00 send the order form to the clinics. At 15:00 on Friday, remind "
        "those who still haven't ordered. Monday 08:00 place the standing order for anyone "
        "still missing.",
        _weekly(
            "thursday",
            "10:00",
            **_form_reminder_order(
                _at("thursday", "10:00"),
                _at("friday", "15:00"),
                _at("monday", "08:00"),
                _g("klinikker"),
            ),
        ),
        category="chains",
    ),
    # nb (3 steps)
    Case(
        "Hver fredag kl 11 prislista til alle. Mandagen etter kl 9 skjema, og tirsdag kl 15 "
        "purring til de som ikke har bestilt siden mandag.",
        _weekly(
            "friday",
            "11:00",
            steps=[SEND, SEND, SEND],
            templates=["prisliste", "bestilling", "reminder"],
            recipients=[_all(), _all(), _all()],
            conditions=[None, None, _missing(since="last_monday")],
            triggers=[_at("friday", "11:00"), _at("monday", "09:00"), _at("tuesday", "15:00")],
        ),
        category="chains",
    ),
    # nb
    Case(
        "send skjema til kafeene kl 6 hver morgen, og kl 10 en purring til de som ikke har "
        "bestilt enda",
        _daily(
            "06:00",
            steps=[SEND, SEND],
            templates=["bestilling", "reminder"],
            recipients=[_g("kafeer"), _g("kafeer")],
            conditions=[None, _ms()],
        ),
        category="chains",
    ),
    # en (3 steps)
    Case(
        "Mondays 9:00 order form to everyone; Thursday 16:00 reminder to those who haven't "
        "ordered; then Friday 8:00 an email to salg@kontorkaffe.no listing who's still missing",
        _weekly(
            "monday",
            "09:00",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at("monday", "09:00"), _at("thursday", "16:00"), _at("friday", "08:00")],
            report="orders_missing",
            send_to=["salg@kontorkaffe.no"],
        ),
        category="chains",
    ),
    # nb (3 steps)
    Case(
        "Hver mandag: skjema kl 07:30 til klinikkene. Samme dag kl 14 purring. Onsdag kl 10 legg "
        "inn standardbestillingen deres hvis de fortsatt ikke har bestilt.",
        _weekly(
            "monday",
            "07:30",
            steps=[SEND, SEND, ORDER],
            templates=["bestilling", "reminder", None],
            recipients=[_g("klinikker")] * 3,
            conditions=[None, _ms(), _ms()],
            mode="repeat_last",
        ),
        category="chains",
    ),
    # mix (3 steps)
    Case(
        "Tuesday kl 9 skjema til skolene - reminder torsdag kl 12 - vanlig ordre fredag kl 8 for "
        "de som fortsatt mangler",
        _weekly(
            "tuesday",
            "09:00",
            **_form_reminder_order(
                _at("tuesday", "09:00"),
                _at("thursday", "12:00"),
                _at("friday", "08:00"),
                _g("skoler"),
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "Please send the order form to the coworking spaces on Wednesdays at 10, and a reminder "
        "on Friday at 9 to whoever hasn't ordered by then.",
        _weekly(
            "wednesday",
            "10:00",
            **_form_and_reminder(
                _at("wednesday", "10:00"), _at("friday", "09:00"), _g("coworking")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "skjema tors kl 12 til storkundene, purring fre kl 10",
        _weekly(
            "thursday",
            "12:00",
            **_form_and_reminder(
                _at("thursday", "12:00"), _at("friday", "10:00"), _g("storkunder")
            ),
        ),
        category="chains",
    ),
    # mix (sv, 3 steps)
    Case(
        "Skjema måndag kl 8 till gymmen, påminnelse tisdag kl 12 till kunder som inte har "
        "beställt, och torsdag kl 9 deras vanliga beställning om de fortfarande inte har beställt",
        _weekly(
            "monday",
            "08:00",
            **_form_reminder_order(
                _at("monday", "08:00"),
                _at("tuesday", "12:00"),
                _at("thursday", "09:00"),
                _g("treningssentre"),
            ),
        ),
        category="chains",
    ),
    # nb (3 steps)
    Case(
        "Skjemaet går ut mandag 0900 til alle. Purring tors 1500 hvis ikke bestilt. Fre 1400 "
        "ukesrapport om bestillingene til leder@kontorkaffe.no",
        _weekly(
            "monday",
            "09:00",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at("monday", "09:00"), _at("thursday", "15:00"), _at("friday", "14:00")],
            report="weekly_orders",
            send_to=["leder@kontorkaffe.no"],
        ),
        category="chains",
    ),
    # nb
    Case(
        "onsdag kl 7 bestillingsskjema til frisørsalongene; de som ikke har svart med en "
        "bestilling får purring torsdag kl 7",
        _weekly(
            "wednesday",
            "07:00",
            **_form_and_reminder(
                _at("wednesday", "07:00"), _at("thursday", "07:00"), _g("frisorer")
            ),
        ),
        category="chains",
    ),
    # === multi_day ==============================================================================
    # nb
    Case(
        "send tilbudsmailen til kafeene mandag, onsdag og fredag kl 7",
        _days(["monday", "wednesday", "friday"], "07:00", **_one("tilbud", _g("kafeer"))),
        category="multi_day",
    ),
    # en
    Case(
        "Order form to the offices every Monday and Thursday at 9",
        _days(["monday", "thursday"], "09:00", **_one("bestilling", _g("kontorer"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Skjema tirsdager og fredager kl 8 te treningssentra",
        _days(["tuesday", "friday"], "08:00", **_one("bestilling", _g("treningssentre"))),
        category="multi_day",
    ),
    # mix (chain)
    Case(
        "skjema mandag 09:00 til storkundene, reminder tirsdag og onsdag kl 14 til dem som ikke "
        "har bestilt",
        _weekly(
            "monday",
            "09:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[_g("storkunder")] * 3,
            conditions=[None, _ms(), _ms()],
            triggers=[_at("monday", "09:00"), _at("tuesday", "14:00"), _at("wednesday", "14:00")],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Send a reminder Tuesday, Wednesday and Thursday at noon to anyone who hasn't ordered "
        "since Monday",
        _days(
            ["tuesday", "wednesday", "thursday"],
            "12:00",
            steps=[SEND],
            templates=["reminder"],
            conditions=[_missing(since="last_monday")],
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "skjema til frisørene ons og lør kl 9",
        _days(["wednesday", "saturday"], "09:00", **_one("bestilling", _g("frisorer"))),
        category="multi_day",
    ),
    # mix (sv)
    Case(
        "Påminnelse till kunder som inte har beställt de sista 7 dagarna, tisdag och torsdag kl 13",
        _days(
            ["tuesday", "thursday"],
            "13:00",
            steps=[SEND],
            templates=["reminder"],
            conditions=[_missing(days_back=7)],
        ),
        category="multi_day",
    ),
    # en (chain)
    Case(
        "Order form Monday 8am to the schools, then reminders on Wednesday and Friday at 10 for "
        "the schools that haven't ordered",
        _weekly(
            "monday",
            "08:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[_g("skoler")] * 3,
            conditions=[None, _ms(), _ms()],
            triggers=[_at("monday", "08:00"), _at("wednesday", "10:00"), _at("friday", "10:00")],
        ),
        category="multi_day",
    ),
    # nb
    Case(
        "Hver tirsdag og torsdag kl 14 sendes kundeundersøkelsen til coworking",
        _days(["tuesday", "thursday"], "14:00", **_one("survey", _g("coworking"))),
        category="multi_day",
    ),
    # === conditions =============================================================================
    # nb
    Case(
        "Hver fredag kl 10 tilbudsmail til de som har bestilt siste 14 dager",
        _wk1("friday", "10:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # nb
    Case(
        "purring tirsdag kl 12 til alle som ikke har bestilt siden mandag",
        _wk1("tuesday", "12:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every Friday at 3pm, email the price list only to customers who have ordered in the "
        "last 30 days",
        _wk1("friday", "15:00", "prisliste", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # mix (sv)
    Case(
        "Varje onsdag kl 11 påminnelse till kunder som inte har beställt på tre veckor",
        _wk1("wednesday", "11:00", "reminder", _all(), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # nb
    Case(
        "kafeer som ikke har bestilt på 10 dager skal få en purring hver mandag kl 9",
        _wk1("monday", "09:00", "reminder", _g("kafeer"), conditions=[_missing(days_back=10)]),
        category="conditions",
    ),
    # en
    Case(
        "Each day at 11:30 remind the offices that haven't ordered in the past 3 days",
        _daily(
            "11:30",
            **_one("reminder", _g("kontorer"), conditions=[_missing(days_back=3)]),
        ),
        category="conditions",
    ),
    # mix
    Case(
        "every Thursday kl 14 send tilbudsmailen til kundene som har bestilt siden mandag",
        _wk1("thursday", "14:00", "tilbud", _all(), conditions=[_ordered(since="last_monday")]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver mandag kl 8: purring til klinikkene som ikke har bestilt den siste uka",
        _wk1("monday", "08:00", "reminder", _g("klinikker"), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # en
    Case(
        "On the 5th of every month at 10, send a reminder to everyone who hasn't ordered in the "
        "last two weeks",
        _monthly(
            "10:00",
            day_of_month=5,
            **_one("reminder", _all(), conditions=[_missing(days_back=14)]),
        ),
        category="conditions",
    ),
    # === calendar ===============================================================================
    # nb
    Case(
        "annenhver mandag kl 9 skjema til coworking",
        _weekly(
            "monday",
            "09:00",
            every_weeks=2,
            anchor="2027-03-29",
            **_one("bestilling", _g("coworking")),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Hver tredje uke, torsdag kl 13: prislista til klinikkene, første gang 8. april",
        _weekly(
            "thursday",
            "13:00",
            every_weeks=3,
            anchor="2027-04-08",
            **_one("prisliste", _g("klinikker")),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every 4 weeks on Friday at 2pm send the price list to the gyms, starting April 2nd",
        _weekly(
            "friday",
            "14:00",
            every_weeks=4,
            anchor="2027-04-02",
            **_one("prisliste", _g("treningssentre")),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "skjema tirsdager i partallsuker kl 8 til skolene",
        _weekly("tuesday", "08:00", iso_weeks="even", **_one("bestilling", _g("skoler"))),
        category="calendar",
    ),
    # en
    Case(
        "Fridays in odd-numbered weeks at 11: order form to the salons",
        _weekly("friday", "11:00", iso_weeks="odd", **_one("bestilling", _g("frisorer"))),
        category="calendar",
    ),
    # nb
    Case(
        "første mandag i måneden kl 8 nyhetsbrevet til alle",
        _monthly("08:00", weekday="monday", nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "siste fredag i mnd kl 15 send prislista",
        _monthly("15:00", weekday="friday", nth=-1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Second Tuesday of every month at 10am: customer survey to the coworking spaces",
        _monthly("10:00", weekday="tuesday", nth=2, **_one("survey", _g("coworking"))),
        category="calendar",
    ),
    # nb
    Case(
        "første virkedag i måneden kl 07:00 prisliste til alle kunder",
        _monthly("07:00", business_day=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # en
    Case(
        "On the last working day of every month, 16:00, email a summary of the month's orders to "
        "regnskap@kontorkaffe.no",
        _monthly("16:00", business_day=-1, steps=[REPORT], send_to=["regnskap@kontorkaffe.no"]),
        category="calendar",
    ),
    # nb
    Case(
        "nest siste virkedag i måneden kl 12 purring til alle som ikke har bestilt denne måneden",
        _monthly("12:00", business_day=-2, steps=[SEND], templates=["reminder"]),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 0630 tilbudsmail til kafeane",
        _daily("06:30", business_days_only=True, **_one("tilbud", _g("kafeer"))),
        category="calendar",
    ),
    # nb
    Case(
        "siste dag i måneden kl 16 send prislista for neste måned til storkundene",
        _monthly("16:00", day_of_month="last", **_one("prisliste", _g("storkunder"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver mandag kl 9 skjema til alle, men hopp over helligdager",
        _weekly("monday", "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Torsdager kl 15 purring til de som ikke har bestilt siden mandag. Faller det på en "
        "helligdag, send dagen før",
        _weekly(
            "thursday",
            "15:00",
            holiday_policy="previous_business_day",
            **_one("reminder", _all(), conditions=[_missing(since="last_monday")]),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every Monday 8am order form to the offices. If Monday is a public holiday, send it on "
        "the next working day instead.",
        _weekly(
            "monday",
            "08:00",
            holiday_policy="next_business_day",
            **_one("bestilling", _g("kontorer")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "Price list every Friday kl 10 til alle, også på røde dager",
        _weekly("friday", "10:00", holiday_policy="run", **_one("prisliste", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "annenhver tirsdag kl 14 skjema til frisørene f.o.m. 6. april",
        _weekly(
            "tuesday",
            "14:00",
            every_weeks=2,
            anchor="2027-04-06",
            **_one("bestilling", _g("frisorer")),
        ),
        category="calendar",
    ),
    # mix (sv)
    Case(
        "Varannan fredag kl 9 skjema till kontoren",
        _weekly(
            "friday",
            "09:00",
            every_weeks=2,
            anchor="2027-03-26",
            **_one("bestilling", _g("kontorer")),
        ),
        category="calendar",
    ),
    # nb
    Case(
        "den 15. hver mnd kl 10 nyhetsbrev t alle",
        _monthly("10:00", day_of_month=15, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Every working day at 7:45 send the order form to the key accounts",
        _daily("07:45", business_days_only=True, **_one("bestilling", _g("storkunder"))),
        category="calendar",
    ),
    # mix
    Case(
        "hver hverdag kl 8 skjema til kafeene, men skip helligdager please",
        _daily(
            "08:00", weekdays_only=True, holiday_policy="skip", **_one("bestilling", _g("kafeer"))
        ),
        category="calendar",
    ),
    # === events =================================================================================
    # nb
    Case(
        "Når vi får en ny kunde, send velkomstmail",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "Whenever a new order comes in, email the customer a confirmation right away",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        'Når webhooken "lav-beholdning" kommer fra kaffeautomatene, send bestillingsskjema',
        _event("webhook", event_name="lav-beholdning", steps=[SEND], templates=["bestilling"]),
        category="events",
    ),
    # en
    Case(
        'When the "portal-signup" webhook fires, send them our welcome email',
        _event("webhook", event_name="portal-signup", steps=[SEND], templates=["velkomst"]),
        category="events",
    ),
    # mix (sv)
    Case(
        "När en ny kund registreras, skicka välkomstmejlet direkt",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "ny ordre -> send ordrebekreftelse t kunden",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # mix
    Case(
        "Når en ny kunde blir lagt inn: welcome email, og så order form med en gang etterpå",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "bestilling"],
            recipients=[_ev(), _ev()],
            triggers=[None, None],
        ),
        category="events",
    ),
    # en
    Case(
        "New customer signs up -> welcome email immediately, then the feedback survey two weeks "
        "later",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(20160)],
        ),
        category="events",
    ),
    # nb
    Case(
        "hver gang noen legger inn bestilling skal de få bekreftelse på mail",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # === delays =================================================================================
    # nb
    Case(
        "30 min etter en ny bestilling: send bekreftelse",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # en
    Case(
        "An hour after someone places an order, send them the customer survey",
        _event("order.created", **_one("survey", _ev(), triggers=[_delay(60)])),
        category="delays",
    ),
    # nb
    Case(
        "3 døgn etter at en ny kunde er registrert, send undersøkelsen",
        _event("customer.created", **_one("survey", _ev(), triggers=[_delay(4320)])),
        category="delays",
    ),
    # nb
    Case(
        "Skjema mandag kl 9 til alle, og 2 timer etter en purring til de som ikke har bestilt",
        _weekly(
            "monday",
            "09:00",
            **_form_and_reminder(_at("monday", "09:00"), _delay(120), _all()),
        ),
        category="delays",
    ),
    # en
    Case(
        "Order form to the offices Tuesday 10:00, then 90 minutes later remind those who haven't "
        "ordered",
        _weekly(
            "tuesday",
            "10:00",
            **_form_and_reminder(_at("tuesday", "10:00"), _delay(90), _g("kontorer")),
        ),
        category="delays",
    ),
    # mix
    Case(
        "Ny kunde -> welcome mail med en gang, og order form 1 dag senere",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "bestilling"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(1440)],
        ),
        category="delays",
    ),
    # mix (sv)
    Case(
        "45 minuter efter att en order kommit in, skicka orderbekräftelse till kunden",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(45)])),
        category="delays",
    ),
    # === templates_by_meaning ===================================================================
    # nb
    Case(
        "send prislista til alle kunder den 1. hver måned kl 08",
        _monthly("08:00", day_of_month=1, **_one("prisliste", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Could you send our price list to the hair salons every Monday at 9? Cheers",
        _wk1("monday", "09:00", "prisliste", _g("frisorer")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "nyhetsbrevet hver måned den 10. kl 12 til alle",
        _monthly("12:00", day_of_month=10, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send the newsletter to the coworking spaces on the 20th of each month at 1pm",
        _monthly("13:00", day_of_month=20, **_one("newsletter", _g("coworking"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Månedsbrevet skal ut første tirsdag hver måned kl 10 til alle",
        _monthly("10:00", weekday="tuesday", nth=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # nb (nynorsk)
    Case(
        "Månadsbrevet til skulane den 5. kvar månad kl 9",
        _monthly("09:00", day_of_month=5, **_one("newsletter", _g("skoler"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "tilbudsmailen hver fredag kl 10 til treningssentrene",
        _wk1("friday", "10:00", "tilbud", _g("treningssentre")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Can you send the weekly deals email to the cafés every Thursday at 7am?",
        _wk1("thursday", "07:00", "tilbud", _g("kafeer")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "Send ukestilbudet til kontorene every Monday kl 11",
        _wk1("monday", "11:00", "tilbud", _g("kontorer")),
        category="templates_by_meaning",
    ),
    # mix (sv)
    Case(
        "Skicka enkäten till frisörerna varje fredag kl 14",
        _wk1("friday", "14:00", "survey", _g("frisorer")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every 1st of the month at 10, send the satisfaction survey to the clinics",
        _monthly("10:00", day_of_month=1, **_one("survey", _g("klinikker"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Når en kunde blir opprettet, send velkomsthilsen",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send ut prisene for neste måned til storkundene siste virkedag kl 14",
        _monthly("14:00", business_day=-1, **_one("prisliste", _g("storkunder"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send tilbakemeldingsundersøkelsen til gymene hver tirsdag kl 12",
        _wk1("tuesday", "12:00", "survey", _g("treningssentre")),
        category="templates_by_meaning",
    ),
    # === new_templates ==========================================================================
    # nb
    Case(
        "Send betalingspåminnelse til storkundene den 20. hver måned kl 9",
        _monthly("09:00", day_of_month=20, **_one("new", _g("storkunder"))),
        category="new_templates",
    ),
    # en
    Case(
        "Every Friday at 3pm send the gyms an email with next week's delivery times",
        _wk1("friday", "15:00", "new", _g("treningssentre")),
        category="new_templates",
    ),
    # nb
    Case(
        "send leveringsvarsel til kafeene hver dag kl 6",
        _daily("06:00", **_one("new", _g("kafeer"))),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver fredag kl 12 send ut oppskrifter på kaffedrinker til kafeene",
        _wk1("friday", "12:00", "new", _g("kafeer")),
        category="new_templates",
    ),
    # en
    Case(
        "When a new order comes in, send the customer an email with the estimated delivery time",
        _event("order.created", steps=[SEND], templates=["new"], recipients=[_ev()]),
        category="new_templates",
    ),
    # mix
    Case(
        "Send en takk-for-at-du-er-kunde mail til storkundene first Monday of the month kl 9",
        _monthly("09:00", weekday="monday", nth=1, **_one("new", _g("storkunder"))),
        category="new_templates",
    ),
    # mix (sv)
    Case(
        "Skicka ett mejl om vårt nya tesortiment till alla kontor varje tisdag kl 10",
        _wk1("tuesday", "10:00", "new", _g("kontorer")),
        category="new_templates",
    ),
    # nb
    Case(
        "hver onsdag kl 8 tips om rengjøring av kaffemaskinen te kontora",
        _wk1("wednesday", "08:00", "new", _g("kontorer")),
        category="new_templates",
    ),
    # en
    Case(
        "On the 1st of each month, 9am, send the clinics an email summarising their open invoices",
        _monthly("09:00", day_of_month=1, **_one("new", _g("klinikker"))),
        category="new_templates",
    ),
    # nb
    Case(
        "Når ny kunde registreres, send innloggingsinfo til nettbutikken vår",
        _event("customer.created", steps=[SEND], templates=["new"], recipients=[_ev()]),
        category="new_templates",
    ),
    # === must_ask ===============================================================================
    # nb: unknown group
    Case("skjema til barnehagene hver mandag kl 9", Q, category="must_ask"),
    # en: unknown group
    Case("Please send the price list to the hotels every Friday at 10", Q, category="must_ask"),
    # nb: one known, one unknown group
    Case("tilbudsmail til treningssentrene og apotekene tors kl 8", Q, category="must_ask"),
    # mix: unknown group
    Case("order form til restaurantene every Monday kl 9", Q, category="must_ask"),
    # nb: SMS
    Case("send sms til alle kundene mandag kl 9 om at skjemaet er ute", Q, category="must_ask"),
    # en: phone calls
    Case(
        "Every Thursday at 2pm, call the customers who haven't ordered yet", Q, category="must_ask"
    ),
    # mix: WhatsApp
    Case("Send tilbudsmailen på WhatsApp til kafeene hver fredag", Q, category="must_ask"),
    # nb: impossible time
    Case("skjema hver mandag kl 25", Q, category="must_ask"),
    # en: impossible date
    Case("Send the newsletter on the 32nd of every month at 9", Q, category="must_ask"),
    # nb: no fifth Monday in the format
    Case("prislista 5. mandag i måneden kl 10", Q, category="must_ask"),
    # nb: every 10 weeks is out of range
    Case("skjema til skolene hver 10. uke på mandag kl 9", Q, category="must_ask"),
    # nb: impossible time
    Case("purring onsdag kl 14:75 til de som ikke har bestilt", Q, category="must_ask"),
    # nb: contradiction
    Case(
        "send purring til de som ikke har bestilt, men bare til de som har bestilt, fredag kl 10",
        Q,
        category="must_ask",
    ),
    # en: cancels itself
    Case(
        "Every Monday at 9 send the order form to everyone. Actually, scratch that, never mind.",
        Q,
        category="must_ask",
    ),
    # nb: cancels itself
    Case("Skjema tirsdag kl 8 til kontorene. Nei glem det, dropp det.", Q, category="must_ask"),
    # nb: two times, unclear which
    Case("send skjema mandag kl 9 eller 10, samma det", Q, category="must_ask"),
    # nb: no time at all
    Case("Send påminnelse til de som ikke har bestilt", Q, category="must_ask"),
    # en: vague
    Case("Can you set up something useful for our gym customers?", Q, category="must_ask"),
    # nb: not a workflow
    Case("kjøp inn mer kaffebønner til lageret", Q, category="must_ask"),
    # nb: vague frequency
    Case("send nyhetsbrevet av og til", Q, category="must_ask"),
    # en: vague, no when
    Case("Remind customers about ordering.", Q, category="must_ask"),
    # nb: customer changes are no event here
    Case("Når en kunde endrer leveringsadresse, send bekreftelse", Q, category="must_ask"),
    # mix (sv): vague
    Case("Fixa något smart för påsken, tack", Q, category="must_ask"),
    # en: contradiction of days
    Case("Send the order form every Tuesday at 9, but never on Tuesdays.", Q, category="must_ask"),
    # mix: unknown group
    Case("Weekly deals email til bensinstasjonene fredag kl 7", Q, category="must_ask"),
]


HELD_OUT_V7_CONVERSATIONS: list[EditCase] = [
    # nb
    EditCase(
        "nyhetsbrevet ut til alle hver mnd",
        "den 1. kl 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "Send skjema mandag kl 9 til barnehagene",
        "kafeene",
        _wk1("monday", "09:00", "bestilling", _g("kafeer")),
        category="answers",
    ),
    # nb
    EditCase(
        "Send prislista til kontorene kl 8",
        "hver mandag",
        _wk1("monday", "08:00", "prisliste", _g("kontorer")),
        category="answers",
    ),
    # nb
    EditCase(
        "Purring til de som ikke har bestilt siden mandag",
        "torsdag kl 12",
        _wk1("thursday", "12:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="answers",
    ),
    # nb
    EditCase(
        "Skjema mandag kl 9 til alle, påminnelse torsdag kl 15 til de som ikke har bestilt",
        "flytt påminnelsen til onsdag kl 12",
        _weekly(
            "monday",
            "09:00",
            **_form_and_reminder(_at("monday", "09:00"), _at("wednesday", "12:00"), _all()),
        ),
    ),
    # en
    EditCase(
        "Order form Tuesday 8am to the gyms",
        "add a reminder Thursday at 2pm for those who haven't ordered",
        _weekly(
            "tuesday",
            "08:00",
            **_form_and_reminder(
                _at("tuesday", "08:00"), _at("thursday", "14:00"), _g("treningssentre")
            ),
        ),
    ),
    # nb
    EditCase(
        "Skjema mandag kl 9 til alle, purring onsdag kl 13, vanlig bestilling fredag kl 10 for "
        "dem som fortsatt mangler",
        "ta bort purringa",
        _weekly(
            "monday",
            "09:00",
            steps=[SEND, ORDER],
            templates=["bestilling", None],
            conditions=[None, _ms()],
            triggers=[_at("monday", "09:00"), _at("friday", "10:00")],
            mode="repeat_last",
        ),
    ),
    # nb
    EditCase(
        "Hver mandag kl 9 skjema til skolene",
        "hopp over helligdager",
        _weekly("monday", "09:00", holiday_policy="skip", **_one("bestilling", _g("skoler"))),
    ),
    # nb
    EditCase(
        "Skjema fredag kl 10 til alle, purring mandag kl 9",
        "bare til kafeene",
        _weekly(
            "friday",
            "10:00",
            **_form_and_reminder(_at("friday", "10:00"), _at("monday", "09:00"), _g("kafeer")),
        ),
    ),
    # nb
    EditCase(
        "Hver torsdag kl 7 tilbudsmail til kafeene",
        "endre malen til prislista",
        _wk1("thursday", "07:00", "prisliste", _g("kafeer")),
    ),
    # nb
    EditCase(
        "Send nyhetsbrevet første mandag i måneden til alle",
        "kl 10",
        _monthly("10:00", weekday="monday", nth=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "Send skjema til kontorene hver onsdag kl 9",
        "ja",
        _wk1("wednesday", "09:00", "bestilling", _g("kontorer")),
    ),
    # en
    EditCase(
        "Please send the price list to the hotels on Mondays at 8",
        "sorry, I meant the offices",
        _wk1("monday", "08:00", "prisliste", _g("kontorer")),
        category="answers",
    ),
    # mix (sv)
    EditCase(
        "Skicka påminnelse till kunder som inte har beställt",
        "varje torsdag kl 13",
        _wk1("thursday", "13:00", "reminder", _all()),
        category="answers",
    ),
    # mix
    EditCase(
        "Order form to the clinics every Monday at 9",
        "legg til en rapport fredag kl 14 til leder@kontorkaffe.no om hvem som ikke har bestilt",
        _weekly(
            "monday",
            "09:00",
            steps=[SEND, REPORT],
            templates=["bestilling", None],
            triggers=[_at("monday", "09:00"), _at("friday", "14:00")],
            report="orders_missing",
            send_to=["leder@kontorkaffe.no"],
        ),
    ),
    # nb
    EditCase(
        "Annenhver tirsdag kl 10 skjema til frisørene",
        "første gang 6. april",
        _weekly(
            "tuesday",
            "10:00",
            every_weeks=2,
            anchor="2027-04-06",
            **_one("bestilling", _g("frisorer")),
        ),
    ),
    # en
    EditCase(
        "Every weekday at 7 send the deals email to the cafés",
        "change the time to 6:30",
        _daily("06:30", weekdays_only=True, **_one("tilbud", _g("kafeer"))),
    ),
    # nb
    EditCase(
        "skjema til coworking hver mandag kl 8",
        "gjør det annenhver uke",
        _weekly("monday", "08:00", every_weeks=2, **_one("bestilling", _g("coworking"))),
    ),
]
