"""Held-out phrasing set v8 for the offline assistant: written blind, measured once at the end.

Written by a writer who never looked at the parser nor at the cases of any other phrasing or
held-out set, so that the number says how the parser copes with phrasings nobody tuned it on.
What the writer read, and nothing more: ``/work/shared/docs/workflow-format.md`` (whole, with
"Calendar schedules") and ``/work/shared/docs/nl-examples.md``; ``benchmarks/parser_accuracy.py``
(``Case``, ``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py``
(``TemplateInfo``, ``GroupInfo``, ``ParseContext``; no other file under ``ai_assistant/``, nothing
under ``executions/steps/``); of ``tests/ai_assistant/held_out_v7.py`` only the part above its
first ``Case(`` (docstring with the conventions, imports, template and group lists, context
builder, fact-building helpers); ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200
(the ``EditCase`` class, ``FORM_AND_REMINDER`` and the first lines around them);
``benchmarks/bench_offline_parser.py`` (to add this set's rows) and, of
``tests/ai_assistant/test_parser_accuracy.py``, lines 180-225 (the benchmark test's list of
metric names and the end of the test above it) and a grep for "held_out_v7". The
parser was not run on these cases; only an import of this module checked it is well-formed.

The business: Vestrein Engros AS, a wholesaler of cleaning and hygiene products (detergents,
paper, gloves, mops, soap dispensers, a few coffee-machine supplies) in Stavanger with a depot
in Haugesund. Its customers are cleaning companies (renholdsbyråer), hotels, care homes
(sykehjem), schools, kindergartens (barnehager), restaurants and canteens, gyms and municipal
buildings; offices and the odd café are customers too but have no group of their own. Its
people write Stavanger dialect ("ka", "kem", "te", "ittj", "mårrå", "kvar"), shorthand ("kl",
"ons", "fre", "mnd", "hv uke"), typos and text without æøå ("paminnelse", "kl9"), run-on
voice dictation without punctuation; a Danish-speaking purchaser writes Danish ("påmindelse",
"hver uge", "kunder der ikke har bestilt", "kl. 10"); English-speaking managers write politely,
sometimes in bullet lists. Its webhooks, named in texts: ``dispenser-tom`` (a connected soap or
paper dispenser at a customer reports it is empty) and ``ny-avtale`` (a new customer contract
is signed in the CRM).

Each case has a language tag in the comment above it: ``nb`` (Bokmål, dialect included), ``en``
or ``mix`` (English and Norwegian mixed, or Danish / Danish-tinged Norwegian). Categories:
``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V8_CONVERSATIONS``) are ``answers`` (the start makes the assistant ask, the
follow-up answers it) or ``edits`` (the start is a draft, the follow-up changes it); their
``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key
facts (``benchmarks.parser_accuracy.key_facts``) the text clearly determines; what the text
leaves open is left out. The conventions are v7's (and v5's), so the numbers compare:

- The first step of a one-step weekly workflow has ``triggers`` repeating the schedule's day
  and time. ``triggers`` are not given for daily, monthly or calendar-kind schedules, for
  schedules on several days, nor where the timing could fairly be encoded in more than one way.
- In an event workflow a step that runs at once has the trigger ``None``; "N minutes / hours /
  days (døgn) later" is ``{"delay_minutes": N in minutes}``; the customer the event is about is
  ``{"event_customer": True}``.
- In a chain, a later step for "those who (still) haven't ordered", and any reminder, is
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience;
  "their usual / standard order" is ``create_order`` with ``mode`` ``repeat_last``.
- A window the text gives is the window of the condition: "siden mandag" ``since:
  "last_monday"``, "de siste 10 dagene" ``days_back: 10``, "2 weeks" 14 days, "den siste uka"
  7 days. A lone reminder without a window leaves ``conditions`` out.
- One phrase naming several days: a single send is one weekly schedule on those ``days``; inside
  a chain it is one step per day.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "business day" is
  ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives, else on the next such weekday after
  ``HELD_OUT_V8_TODAY`` (a Friday; no unanchored case falls on a Friday).
- ``holiday_policy`` is given only where the text says what happens on a public holiday
  ("ikke på helligdager" ``skip``, "send dagen før" ``previous_business_day``, "flytt til neste
  hverdag" ``next_business_day``, "also on public holidays" ``run``).
- A case with a ``generate_report`` step leaves ``recipients`` and ``conditions`` out; ``report``
  is given only where the text names what it is about ("hvem som mangler" ``orders_missing``).
- Group slugs: cleaning companies / renholdsbyråer ``cleaning`` (its name is "Renholdsbyråer"),
  hotels ``hoteller``, care homes ``sykehjem``, schools ``skoler``, kindergartens
  ``barnehager``, restaurants and canteens ``restaurants``, gyms / treningssentre ``gyms``,
  municipal buildings / kommunale bygg ``kommune``. Offices, cafés, pharmacies, hair salons and
  "the customers in Haugesund / Bergen" are not groups: a question.
- Templates by meaning: the order form ``bestilling`` (named "Påfyll-lista"); reminder
  ``reminder`` ("Ikke gå tom!"); confirmation / kvittering ``confirmation``; price list /
  "prisarket" / "de nye prisene" ``prisliste`` ("Prisark 2027"); newsletter ``newsletter``
  ("Vestrein-posten"); deals / "tilbudene" / "månedens tilbud" ``tilbud`` ("Månedens kupp");
  welcome ``velkomst``; survey / questionnaire / "undersøkelsen" ``survey``. Anything else
  (payment reminders, delivery notices, opening hours, safety data sheets, dosing tips) is
  ``"new"``; a payment reminder is not the order reminder.
- Must ask: an unknown group; SMS, phone calls, WhatsApp or fax (the format only emails); a
  request that contradicts or cancels itself; times and dates that cannot exist (kl 25, 9:75,
  the 35th, the fifth Monday, every 10 weeks); a change of customer data (address, contact
  person) or a deletion as the trigger (only ``order.created``, ``customer.created`` and named
  webhooks exist); no "when"; not a workflow at all.

Today is Friday 18 December 2026 (ISO week 51; 2026 has an ISO week 53). Christmas Eve is
Thursday 24 December, 1. and 2. juledag Friday 25 and Saturday 26 December, 1. nyttårsdag
Friday 1 January 2027: the first runs of many cases cross them.
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
_form_rem = facts.form_then_reminder
_form_rem_order = facts.form_reminder_order
_missing = facts.missing
_ordered = facts.ordered
_weekly = facts.weekly
_days = facts.on_days
_daily = facts.daily
_monthly = facts.monthly
_event = facts.event
_one = facts.one_send
_wk1 = facts.weekly_send

# Friday 18 December 2026 (ISO week 51, odd), a week before 1. juledag.
HELD_OUT_V8_TODAY = dt.date(2026, 12, 18)

HELD_OUT_V8_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 801,
        "name": "Påfyll-lista",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill såpe, papir og hansker for neste uke",
    },
    {
        "id": 802,
        "name": "Ikke gå tom!",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Fristen for ukens påfyll går snart ut",
    },
    {
        "id": 803,
        "name": "Kvittering på ordre",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Vi har mottatt bestillingen din",
    },
    {
        "id": 804,
        "name": "Prisark 2027",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Nye priser fra 1. januar",
    },
    {
        "id": 805,
        "name": "Vestrein-posten",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedens nytt fra Vestrein Engros",
    },
    {
        "id": 806,
        "name": "Månedens kupp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Gode priser på tørkepapir og hansker denne måneden",
    },
    {
        "id": 807,
        "name": "Hei og velkommen",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde hos Vestrein",
    },
    {
        "id": 808,
        "name": "Si det som det er",
        "category": "survey",
        "variables": ["kunde_navn", "undersokelse_link"],
        "subject": "Hvor fornøyd er du med leveransene våre?",
    },
]

HELD_OUT_V8_GROUPS: list[GroupInfo] = [
    {"slug": "cleaning", "name": "Renholdsbyråer", "size": 41},
    {"slug": "hoteller", "name": "Hoteller", "size": 18},
    {"slug": "sykehjem", "name": "Sykehjem og omsorgsboliger", "size": 22},
    {"slug": "skoler", "name": "Skoler", "size": 27},
    {"slug": "barnehager", "name": "Barnehager", "size": 34},
    {"slug": "restaurants", "name": "Restauranter og kantiner", "size": 25},
    {"slug": "gyms", "name": "Treningssentre", "size": 12},
    {"slug": "kommune", "name": "Kommunale bygg", "size": 9},
]

HELD_OUT_V8_STAFF_GROUPS = ["lager-stavanger", "lager-haugesund", "salg", "kundeservice"]


def held_out_v8_context() -> ParseContext:
    """Vestrein Engros's templates, groups and staff groups, on ``HELD_OUT_V8_TODAY``."""
    return facts.business_context(
        HELD_OUT_V8_TEMPLATES, HELD_OUT_V8_GROUPS, HELD_OUT_V8_STAFF_GROUPS, HELD_OUT_V8_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"


def _hook(name: str, **more: Any) -> dict[str, Any]:
    return {"type": "event_based", "event": "webhook", "event_name": name, **more}


def _now1(template: str, **more: Any) -> dict[str, Any]:
    """One send_email step right when the event happens, to the event's customer."""
    return _one(template, _ev(), triggers=[None], **more)


MON, TUE, WED, THU, FRI, SAT = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
)


HELD_OUT_V8: list[Case] = [
    # === basic ==================================================================================
    # nb
    Case(
        "Send påfyll-lista til alle kundene hver mandag kl 07:30",
        _wk1(MON, "07:30", "bestilling", _all()),
        category="basic",
    ),
    # nb
    Case(
        "hver tirsdag kl 8 skal barnehagene få bestillingsskjemaet",
        _wk1(TUE, "08:00", "bestilling", _g("barnehager")),
        category="basic",
    ),
    # nb (Stavanger)
    Case(
        "kan du senda skjemaet te hotellene kvar onsdag kl 10",
        _wk1(WED, "10:00", "bestilling", _g("hoteller")),
        category="basic",
    ),
    # nb (typos)
    Case(
        "bestillingskjema til sykehjemmene hver torsdag kl9",
        _wk1(THU, "09:00", "bestilling", _g("sykehjem")),
        category="basic",
    ),
    # nb (shorthand)
    Case(
        "skjema t renholdsbyråene hv fre kl 06",
        _wk1(FRI, "06:00", "bestilling", _g("cleaning")),
        category="basic",
    ),
    # nb (passive)
    Case(
        "Bestillingsskjemaet skal sendes ut til skolene hver mandag klokka 12",
        _wk1(MON, "12:00", "bestilling", _g("skoler")),
        category="basic",
    ),
    # nb (dictation)
    Case(
        "ja hei altså jeg vil at alle treningssentrene får skjemaet hver onsdag sånn klokka ni "
        "om morgenen takk",
        _wk1(WED, "09:00", "bestilling", _g("gyms")),
        category="basic",
    ),
    # nb (Stavanger, time first)
    Case(
        "kvar måndag kl 9 ska alle kundane få skjemaet",
        _wk1(MON, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # nb (negation)
    Case(
        "Send skjema til restaurantene hver mandag kl 9, ikke til hotellene",
        _wk1(MON, "09:00", "bestilling", _g("restaurants")),
        category="basic",
    ),
    # nb ("vi trenger")
    Case(
        "Vi trenger at skolene får påfyll-lista hver torsdag kl 8",
        _wk1(THU, "08:00", "bestilling", _g("skoler")),
        category="basic",
    ),
    # nb (Stavanger; "mårrå" is Saturday 19 December)
    Case(
        "fra og med mårrå ska hotellene få skjemaet kvar lørdag kl 10",
        _wk1(SAT, "10:00", "bestilling", _g("hoteller")),
        category="basic",
    ),
    # nb (Stavanger, "onsdagen")
    Case(
        "skjema te gymmene om onsdagen kl 8 kvar veke",
        _wk1(WED, "08:00", "bestilling", _g("gyms")),
        category="basic",
    ),
    # nb
    Case(
        "Hver dag kl 06 sender vi skjemaet til restaurantene",
        _daily("06:00", **_one("bestilling", _g("restaurants"))),
        category="basic",
    ),
    # nb
    Case(
        "påminnelse til barnehagene hver torsdag kl 14",
        _wk1(THU, "14:00", "reminder", _g("barnehager")),
        category="basic",
    ),
    # en
    Case(
        "Please send the order form to the restaurants every Thursday at 2pm.",
        _wk1(THU, "14:00", "bestilling", _g("restaurants")),
        category="basic",
    ),
    # en (time first, passive)
    Case(
        "Every Monday at 6:45 am, the order form should go out to all customers.",
        _wk1(MON, "06:45", "bestilling", _all()),
        category="basic",
    ),
    # en (question)
    Case(
        "Could you send the cleaning companies our order form each Tuesday at 11?",
        _wk1(TUE, "11:00", "bestilling", _g("cleaning")),
        category="basic",
    ),
    # en
    Case(
        "On weekdays at 7am, please email the order form to the care homes.",
        _daily("07:00", weekdays_only=True, **_one("bestilling", _g("sykehjem"))),
        category="basic",
    ),
    # mix
    Case(
        "send order form til kommunale bygg hver fredag kl 13",
        _wk1(FRI, "13:00", "bestilling", _g("kommune")),
        category="basic",
    ),
    # mix (Danish)
    Case(
        "Send bestillingsskemaet til alle kunder hver mandag kl. 8",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="basic",
    ),
    # === chains =================================================================================
    # nb
    Case(
        "Skjema til alle mandag kl 8, påminnelse onsdag kl 12 til de som ikke har bestilt, og "
        "fredag kl 9 legger vi inn deres vanlige bestilling for de som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(_at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "09:00"), _all()),
        ),
        category="chains",
    ),
    # nb (Stavanger)
    Case(
        "skjema te hotellene mandag kl 9 og purring torsdag kl 15 te di som ittj har bestilt",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(THU, "15:00"), _g("hoteller"))),
        category="chains",
    ),
    # en (bullets)
    Case(
        "Hi, could you set up the following for the schools:\n"
        "- Monday 8am: order form\n"
        "- Wednesday 1pm: reminder to those who still haven't ordered\n"
        "- Friday 10am: place their usual order if they still haven't ordered\n"
        "Thanks!",
        _weekly(
            MON,
            "08:00",
            **_form_rem_order(
                _at(MON, "08:00"), _at(WED, "13:00"), _at(FRI, "10:00"), _g("skoler")
            ),
        ),
        category="chains",
    ),
    # mix (Danish)
    Case(
        "Send bestillingsskema mandag kl. 9 og en påmindelse onsdag kl. 14 til kunder der ikke "
        "har bestilt",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(WED, "14:00"), _all())),
        category="chains",
    ),
    # nb (dictation)
    Case(
        "send skjema til barnehagene tirsdag klokka ti så påminnelse torsdag klokka tolv til dem "
        "som ikke har bestilt så fredag klokka åtte bestiller du standardbestillingen deres for "
        "de som fortsatt ikke har bestilt",
        _weekly(
            TUE,
            "10:00",
            **_form_rem_order(
                _at(TUE, "10:00"), _at(THU, "12:00"), _at(FRI, "08:00"), _g("barnehager")
            ),
        ),
        category="chains",
    ),
    # nb (shorthand, no æøå)
    Case(
        "mandag kl7 skjema t sykehjemmene, ons kl 13 paminnelse, tors kl 10 vanlig bestilling "
        "for de som fortsatt mangler",
        _weekly(
            MON,
            "07:00",
            **_form_rem_order(
                _at(MON, "07:00"), _at(WED, "13:00"), _at(THU, "10:00"), _g("sykehjem")
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "Order form to the gyms every Tuesday at 9, then a reminder Thursday at 3pm, then on "
        "Friday at noon create their standard order for anyone still missing",
        _weekly(
            TUE,
            "09:00",
            **_form_rem_order(_at(TUE, "09:00"), _at(THU, "15:00"), _at(FRI, "12:00"), _g("gyms")),
        ),
        category="chains",
    ),
    # mix
    Case(
        "Skjema monday 10 til restaurants, reminder wednesday kl 16 til de som ikke har ordered",
        _weekly(MON, "10:00", **_form_rem(_at(MON, "10:00"), _at(WED, "16:00"), _g("restaurants"))),
        category="chains",
    ),
    # nb (time first)
    Case(
        "Klokka 8 hver mandag: skjema til renholdsbyråene. Klokka 14 onsdag: påminnelse til de "
        "som ikke har bestilt ennå.",
        _weekly(MON, "08:00", **_form_rem(_at(MON, "08:00"), _at(WED, "14:00"), _g("cleaning"))),
        category="chains",
    ),
    # nb
    Case(
        "Skjema mandag kl 9, påminnelse tirsdag kl 12 og en ny påminnelse onsdag kl 12 til de "
        "som fortsatt ikke har bestilt, alle kunder",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[_all(), _all(), _all()],
            conditions=[None, _ms(), _ms()],
            triggers=[_at(MON, "09:00"), _at(TUE, "12:00"), _at(WED, "12:00")],
        ),
        category="chains",
    ),
    # en
    Case(
        "On Mondays at 7:30 send the order form to the kindergartens; on Thursday at 10 remind "
        "those who still haven't ordered; and on Friday at 7 place the usual order for whoever "
        "is still missing.",
        _weekly(
            MON,
            "07:30",
            **_form_rem_order(
                _at(MON, "07:30"), _at(THU, "10:00"), _at(FRI, "07:00"), _g("barnehager")
            ),
        ),
        category="chains",
    ),
    # nb (audience first)
    Case(
        "Til kommunale bygg: skjema onsdag kl 8, purring fredag kl 10 om de ikke har bestilt",
        _weekly(WED, "08:00", **_form_rem(_at(WED, "08:00"), _at(FRI, "10:00"), _g("kommune"))),
        category="chains",
    ),
    # nb (report at the end)
    Case(
        "Skjema mandag kl 9 til alle, påminnelse onsdag kl 13, og torsdag kl 8 send rapport "
        "over hvem som mangler til salg@vestrein.no",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at(MON, "09:00"), _at(WED, "13:00"), _at(THU, "08:00")],
            report="orders_missing",
            send_to=["salg@vestrein.no"],
        ),
        category="chains",
    ),
    # mix
    Case(
        "bestillingsskjema til hotellene every Monday 9am, and if they haven't ordered by "
        "Wednesday 11 send påminnelsen",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(WED, "11:00"), _g("hoteller"))),
        category="chains",
    ),
    # nb (Stavanger, question)
    Case(
        "kan du senda påfyll-lista te restaurantene tysdag kl 9 og så minna dei som ittj har "
        "bestilt på torsdag kl 13?",
        _weekly(TUE, "09:00", **_form_rem(_at(TUE, "09:00"), _at(THU, "13:00"), _g("restaurants"))),
        category="chains",
    ),
    # mix (crosses the weekend)
    Case(
        "Order form til gymmene fredag kl 8 og reminder mandag kl 10 til de som ikke har bestilt",
        _weekly(FRI, "08:00", **_form_rem(_at(FRI, "08:00"), _at(MON, "10:00"), _g("gyms"))),
        category="chains",
    ),
    # === multi_day ==============================================================================
    # nb
    Case(
        "Send skjemaet til restaurantene mandag og torsdag kl 9",
        _days([MON, THU], "09:00", **_one("bestilling", _g("restaurants"))),
        category="multi_day",
    ),
    # nb (shorthand)
    Case(
        "påfyll-lista til alle man, ons og fre kl 7",
        _days([MON, WED, FRI], "07:00", **_one("bestilling", _all())),
        category="multi_day",
    ),
    # en
    Case(
        "Send the order form to the hotels on Tuesdays and Fridays at 8:30",
        _days([TUE, FRI], "08:30", **_one("bestilling", _g("hoteller"))),
        category="multi_day",
    ),
    # mix (Danish)
    Case(
        "Send skemaet til skolerne mandag og onsdag kl. 10",
        _days([MON, WED], "10:00", **_one("bestilling", _g("skoler"))),
        category="multi_day",
    ),
    # nb (days first)
    Case(
        "tirsdager og torsdager klokka 11 skal treningssentrene få bestillingsskjema",
        _days([TUE, THU], "11:00", **_one("bestilling", _g("gyms"))),
        category="multi_day",
    ),
    # nb (chain: one step per day)
    Case(
        "Skjema mandag kl 8 til barnehagene, og påminnelse både onsdag og torsdag kl 12 til de "
        "som ikke har bestilt",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[_g("barnehager")] * 3,
            conditions=[None, _ms(), _ms()],
            triggers=[_at(MON, "08:00"), _at(WED, "12:00"), _at(THU, "12:00")],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Every Monday, Wednesday and Friday at 6am send the price sheet to the restaurants",
        _days([MON, WED, FRI], "06:00", **_one("prisliste", _g("restaurants"))),
        category="multi_day",
    ),
    # nb
    Case(
        "hver onsdag og lørdag kl 9 send skjema til hotellene",
        _days([WED, SAT], "09:00", **_one("bestilling", _g("hoteller"))),
        category="multi_day",
    ),
    # mix
    Case(
        "send reminder til sykehjemmene tirsdag og torsdag kl 14",
        _days([TUE, THU], "14:00", **_one("reminder", _g("sykehjem"))),
        category="multi_day",
    ),
    # nb (dictation)
    Case(
        "skjemaet skal gå ut til renholdsbyråene hver mandag onsdag og fredag klokka halv åtte",
        _days([MON, WED, FRI], "07:30", **_one("bestilling", _g("cleaning"))),
        category="multi_day",
    ),
    # mix (Danish)
    Case(
        "Send påmindelsen til restauranterne tirsdag og fredag kl. 15",
        _days([TUE, FRI], "15:00", **_one("reminder", _g("restaurants"))),
        category="multi_day",
    ),
    # === conditions =============================================================================
    # nb
    Case(
        "Hver fredag kl 10 send påminnelse til de som ikke har bestilt siden mandag",
        _wk1(FRI, "10:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # nb (audience first)
    Case(
        "purring til hotellene som ikke har bestilt de siste 10 dagene, hver tirsdag kl 9",
        _wk1(TUE, "09:00", "reminder", _g("hoteller"), conditions=[_missing(days_back=10)]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 11, remind the care homes that haven't ordered in the past 2 weeks",
        _daily("11:00", **_one("reminder", _g("sykehjem"), conditions=[_missing(days_back=14)])),
        category="conditions",
    ),
    # mix (Danish)
    Case(
        "Send en påmindelse hver uge om torsdagen kl. 13 til kunder der ikke har bestilt den "
        "sidste uge",
        _wk1(THU, "13:00", "reminder", _all(), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # nb (passive)
    Case(
        "Prisarket skal sendes hver mandag kl 9 til alle som har bestilt noe de siste 30 dagene",
        _wk1(MON, "09:00", "prisliste", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # en
    Case(
        "Send a reminder every Wednesday at 4pm to kindergartens with no orders since Monday",
        _wk1(
            WED, "16:00", "reminder", _g("barnehager"), conditions=[_missing(since="last_monday")]
        ),
        category="conditions",
    ),
    # nb
    Case(
        "purring kl 12 hver torsdag til skolene som ikke har handlet på 3 uker",
        _wk1(THU, "12:00", "reminder", _g("skoler"), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # mix
    Case(
        "reminder hver dag kl 15 til alle som ikke har bestilt siden mandag",
        _daily("15:00", **_one("reminder", _all(), conditions=[_missing(since="last_monday")])),
        category="conditions",
    ),
    # nb
    Case(
        "hver fredag kl 8 send påminnelse til restaurantene som ikke har bestilt noe de siste "
        "fem dagene",
        _wk1(FRI, "08:00", "reminder", _g("restaurants"), conditions=[_missing(days_back=5)]),
        category="conditions",
    ),
    # nb
    Case(
        "Send tilbudene våre hver fredag kl 12 til de som har bestilt noe den siste uka",
        _wk1(FRI, "12:00", "tilbud", _all(), conditions=[_ordered(days_back=7)]),
        category="conditions",
    ),
    # en
    Case(
        "Could you remind the gyms every Thursday at 10am if they haven't placed an order in "
        "the last 4 days?",
        _wk1(THU, "10:00", "reminder", _g("gyms"), conditions=[_missing(days_back=4)]),
        category="conditions",
    ),
    # mix
    Case(
        "send reminder til barnehagene som ikke har bestilt last 7 days, hver mandag kl 10",
        _wk1(MON, "10:00", "reminder", _g("barnehager"), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # === calendar ===============================================================================
    # nb
    Case(
        "Første mandag i måneden kl 8 send prisarket til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # nb (shorthand)
    Case(
        "Siste fredag i hver mnd kl 14 send vestrein-posten til alle kunder",
        _monthly("14:00", weekday=FRI, nth=-1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # nb (unanchored: the next Tuesday is 22 December)
    Case(
        "Annenhver tirsdag kl 9 skjema til sykehjemmene",
        _weekly(
            TUE, "09:00", every_weeks=2, anchor="2026-12-22", **_one("bestilling", _g("sykehjem"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "hver andre onsdag klokka 10, første gang 6. januar, send skjema til barnehagene",
        _weekly(
            WED, "10:00", every_weeks=2, anchor="2027-01-06", **_one("bestilling", _g("barnehager"))
        ),
        category="calendar",
    ),
    # en
    Case(
        "On the first business day of every month at 8am, send the price sheet to all customers",
        _monthly("08:00", business_day=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # nb (report)
    Case(
        "Siste virkedag i måneden kl 15 send rapport til regnskap@vestrein.no",
        _monthly("15:00", business_day=-1, steps=[REPORT], send_to=["regnskap@vestrein.no"]),
        category="calendar",
    ),
    # mix
    Case(
        "Every business day kl 6 send skjema til restaurantene",
        _daily("06:00", business_days_only=True, **_one("bestilling", _g("restaurants"))),
        category="calendar",
    ),
    # nb (holiday: skip)
    Case(
        "Skjema til alle hver mandag kl 9, men ikke på helligdager",
        _wk1(MON, "09:00", "bestilling", _all(), holiday_policy="skip"),
        category="calendar",
    ),
    # nb (holiday: the day before; 25 December is a Friday)
    Case(
        "hver fredag kl 10 påminnelse til hotellene - er det rød dag, send dagen før",
        _wk1(FRI, "10:00", "reminder", _g("hoteller"), holiday_policy="previous_business_day"),
        category="calendar",
    ),
    # mix (Danish, holiday: next business day)
    Case(
        "Send skemaet hver torsdag kl. 9 til alle kunder, og hvis det er helligdag så flyt det "
        "til næste hverdag",
        _wk1(THU, "09:00", "bestilling", _all(), holiday_policy="next_business_day"),
        category="calendar",
    ),
    # en
    Case(
        "Every 3 weeks on Monday at 7:00 send the order form to the municipal buildings, "
        "starting 4 January",
        _weekly(
            MON, "07:00", every_weeks=3, anchor="2027-01-04", **_one("bestilling", _g("kommune"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "i partallsuker, tirsdag kl 10, skjema til treningssentrene",
        _weekly(TUE, "10:00", iso_weeks="even", **_one("bestilling", _g("gyms"))),
        category="calendar",
    ),
    # nb
    Case(
        "den 15. hver måned kl 12 send tilbudene til renholdsbyråene",
        _monthly("12:00", day_of_month=15, **_one("tilbud", _g("cleaning"))),
        category="calendar",
    ),
    # nb
    Case(
        "Den siste dagen i hver måned kl 9 send Vestrein-posten til alle",
        _monthly("09:00", day_of_month="last", **_one("newsletter", _all())),
        category="calendar",
    ),
    # en (holiday: run)
    Case(
        "Every weekday at 6:30 send the order form to the restaurants, also on public holidays",
        _daily(
            "06:30",
            weekdays_only=True,
            holiday_policy="run",
            **_one("bestilling", _g("restaurants")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "andre tirsdag i måneden kl 10 send survey til sykehjemmene",
        _monthly("10:00", weekday=TUE, nth=2, **_one("survey", _g("sykehjem"))),
        category="calendar",
    ),
    # nb (unanchored: the next Monday is 21 December; holiday: skip)
    Case(
        "annenhver mandag kl 8 send prisarket til hotellene, ikke på helligdager",
        _weekly(
            MON,
            "08:00",
            every_weeks=2,
            anchor="2026-12-21",
            holiday_policy="skip",
            **_one("prisliste", _g("hoteller")),
        ),
        category="calendar",
    ),
    # en (bullets)
    Case(
        "Hello! For the kindergartens, please:\n"
        "* send the order form on the last Thursday of each month at 9am\n"
        "* if that day is a public holiday, send it the next business day instead",
        _monthly(
            "09:00",
            weekday=THU,
            nth=-1,
            holiday_policy="next_business_day",
            **_one("bestilling", _g("barnehager")),
        ),
        category="calendar",
    ),
    # mix (Danish; unanchored: the next Tuesday is 22 December)
    Case(
        "Send skemaet til hotellerne hver anden tirsdag kl. 9",
        _weekly(
            TUE, "09:00", every_weeks=2, anchor="2026-12-22", **_one("bestilling", _g("hoteller"))
        ),
        category="calendar",
    ),
    # === events =================================================================================
    # nb
    Case(
        "Når en ny kunde registrerer seg, send velkomstmailen",
        _event("customer.created", **_now1("velkomst")),
        category="events",
    ),
    # nb (passive)
    Case(
        "Hver gang noen legger inn en bestilling skal de få en kvittering",
        _event("order.created", **_now1("confirmation")),
        category="events",
    ),
    # nb
    Case(
        "Når webhooken dispenser-tom kommer inn, send kunden påfyll-lista",
        _hook("dispenser-tom", **_now1("bestilling")),
        category="events",
    ),
    # en
    Case(
        "When we receive the 'ny-avtale' webhook, send the welcome email to that customer",
        _hook("ny-avtale", **_now1("velkomst")),
        category="events",
    ),
    # mix (Danish)
    Case(
        "Når en kunde bestiller, så send en ordrebekræftelse",
        _event("order.created", **_now1("confirmation")),
        category="events",
    ),
    # nb (Stavanger)
    Case(
        "når någen bestille någe, send bekreftelse med ein gang",
        _event("order.created", **_now1("confirmation")),
        category="events",
    ),
    # nb (shorthand)
    Case(
        "ved ny ordre: send bekreftelse til kunden",
        _event("order.created", **_now1("confirmation")),
        category="events",
    ),
    # nb
    Case(
        "Når dispenser-tom slår inn: legg inn den vanlige bestillingen for den kunden",
        _hook("dispenser-tom", steps=[ORDER], recipients=[_ev()], mode="repeat_last"),
        category="events",
    ),
    # en
    Case(
        "When a new customer is created, send them our welcome email, and 3 days later send "
        "the price sheet",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "prisliste"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(3 * DAY)],
        ),
        category="events",
    ),
    # mix
    Case(
        "ved ny-avtale webhook: send 'Hei og velkommen' til kunden og prisarket after 1 hour",
        _hook(
            "ny-avtale",
            steps=[SEND, SEND],
            templates=["velkomst", "prisliste"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(HOUR)],
        ),
        category="events",
    ),
    # en
    Case(
        "Whenever a customer places an order, email them the order confirmation straight away.",
        _event("order.created", **_now1("confirmation")),
        category="events",
    ),
    # mix (Danish)
    Case(
        "Når webhooken dispenser-tom kommer, send kunden bestillingsskemaet med det samme",
        _hook("dispenser-tom", **_now1("bestilling")),
        category="events",
    ),
    # en
    Case(
        "Whenever a dispenser reports empty through the dispenser-tom webhook, place that "
        "customer's usual order",
        _hook("dispenser-tom", steps=[ORDER], recipients=[_ev()], mode="repeat_last"),
        category="events",
    ),
    # === delays =================================================================================
    # nb
    Case(
        "Når en kunde bestiller, send bekreftelse, og 2 dager etter send undersøkelsen",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(2 * DAY)],
        ),
        category="delays",
    ),
    # en
    Case(
        "After a new customer is added, wait 30 minutes and then send the welcome email",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # nb (shorthand)
    Case(
        "ny kunde -> velkomst med en gang, påfyll-lista etter ett døgn",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "bestilling"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(DAY)],
        ),
        category="delays",
    ),
    # nb (time first)
    Case(
        "90 min etter at dispenser-tom kommer inn, send påminnelse til kunden",
        _hook("dispenser-tom", **_one("reminder", _ev(), triggers=[_delay(90)])),
        category="delays",
    ),
    # mix
    Case(
        "når en ordre kommer inn, send kvittering after 15 minutes",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(15)])),
        category="delays",
    ),
    # en
    Case(
        "When a customer places an order: confirmation straight away, then the survey 1 week later",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(7 * DAY)],
        ),
        category="delays",
    ),
    # nb
    Case(
        "Når en ny kunde blir lagt inn, send velkomst, vent 2 timer, så send prisarket",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "prisliste"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(2 * HOUR)],
        ),
        category="delays",
    ),
    # mix (Danish)
    Case(
        "Når en ny kunde oprettes, send velkomstmail og efter 3 dage en spørgeundersøgelse",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(3 * DAY)],
        ),
        category="delays",
    ),
    # === templates_by_meaning ===================================================================
    # nb
    Case(
        "Hver mandag kl 8 send prislista til renholdsbyråene",
        _wk1(MON, "08:00", "prisliste", _g("cleaning")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "nyhetsbrevet den 1. hver måned kl 10 til alle",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Friday at noon send this month's deals to the gyms",
        _wk1(FRI, "12:00", "tilbud", _g("gyms")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send kundeundersøkelsen til sykehjemmene den 20. hver måned kl 13",
        _monthly("13:00", day_of_month=20, **_one("survey", _g("sykehjem"))),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "send the newsletter til barnehagene første mandag i måneden kl 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("newsletter", _g("barnehager"))),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "Hver torsdag kl 10 send our deals til restaurantene",
        _wk1(THU, "10:00", "tilbud", _g("restaurants")),
        category="templates_by_meaning",
    ),
    # mix (Danish)
    Case(
        "Send prislisten til hotellerne hver mandag kl. 7",
        _wk1(MON, "07:00", "prisliste", _g("hoteller")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send the customer satisfaction questionnaire to the schools every Tuesday at 1pm",
        _wk1(TUE, "13:00", "survey", _g("skoler")),
        category="templates_by_meaning",
    ),
    # nb (audience first)
    Case(
        "renholdsbyråene skal ha nyhetsbrevet vårt siste fredag i måneden kl 12",
        _monthly("12:00", weekday=FRI, nth=-1, **_one("newsletter", _g("cleaning"))),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send månedens tilbud til alle den 1. i måneden kl 8",
        _monthly("08:00", day_of_month=1, **_one("tilbud", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "I want the care homes to get our new 2027 prices every Monday at 10",
        _wk1(MON, "10:00", "prisliste", _g("sykehjem")),
        category="templates_by_meaning",
    ),
    # nb (Stavanger, question)
    Case(
        "ka med å senda spørreundersøkelsen te alle kundane kvar fredag kl 11?",
        _wk1(FRI, "11:00", "survey", _all()),
        category="templates_by_meaning",
    ),
    # === new_templates ==========================================================================
    # nb
    Case(
        "Send leveringsvarsel til hotellene hver torsdag kl 14",
        _wk1(THU, "14:00", "new", _g("hoteller")),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver mandag kl 8 send betalingspåminnelse til renholdsbyråene",
        _wk1(MON, "08:00", "new", _g("cleaning")),
        category="new_templates",
    ),
    # en
    Case(
        "Please send a note about our holiday opening hours to all customers every Monday at 9",
        _wk1(MON, "09:00", "new", _all()),
        category="new_templates",
    ),
    # nb
    Case(
        "Den 1. hver måned kl 9 send fakturaoversikt til kommunale bygg",
        _monthly("09:00", day_of_month=1, **_one("new", _g("kommune"))),
        category="new_templates",
    ),
    # mix
    Case(
        "send sikkerhetsdatablad (safety data sheets) til skolene første mandag i måneden kl 10",
        _monthly("10:00", weekday=MON, nth=1, **_one("new", _g("skoler"))),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver onsdag kl 9 send tips om riktig dosering av vaskemiddel til renholdsbyråene",
        _wk1(WED, "09:00", "new", _g("cleaning")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Tuesday at 8, email the restaurants a stock status update",
        _wk1(TUE, "08:00", "new", _g("restaurants")),
        category="new_templates",
    ),
    # mix (Danish)
    Case(
        "Send en leveringsbesked til sykehjemmene hver onsdag kl. 11",
        _wk1(WED, "11:00", "new", _g("sykehjem")),
        category="new_templates",
    ),
    # mix
    Case(
        "send en christmas greeting til barnehagene hver fredag kl 12",
        _wk1(FRI, "12:00", "new", _g("barnehager")),
        category="new_templates",
    ),
    # en
    Case(
        "Every Thursday at 2pm, send the care homes a delivery schedule for next week",
        _wk1(THU, "14:00", "new", _g("sykehjem")),
        category="new_templates",
    ),
    # === must_ask ===============================================================================
    # nb (offices are no group)
    Case("Send skjema til kontorene hver mandag kl 9", Q, category="must_ask"),
    # en (cafés are no group)
    Case("Send the order form to the cafés every Monday at 9", Q, category="must_ask"),
    # nb (SMS)
    Case("Send SMS til alle som ikke har bestilt, torsdag kl 14", Q, category="must_ask"),
    # nb (phone call)
    Case("ring hotellene som ikke har bestilt på fredag kl 10", Q, category="must_ask"),
    # nb (no when)
    Case("Send påfyll-lista til alle kundene", Q, category="must_ask"),
    # nb (impossible time)
    Case("Skjema til barnehagene hver mandag kl 25", Q, category="must_ask"),
    # nb (contradiction)
    Case(
        "Send skjema til alle hver mandag kl 9, men ikke send noe på mandager",
        Q,
        category="must_ask",
    ),
    # en (customer data change)
    Case(
        "When a customer changes their delivery address, send them a confirmation",
        Q,
        category="must_ask",
    ),
    # nb (customer data change)
    Case("Når en kunde bytter kontaktperson, send velkomstmail", Q, category="must_ask"),
    # mix (WhatsApp)
    Case("send whatsapp til treningssentrene hver fredag kl 8", Q, category="must_ask"),
    # nb (no fifth Monday)
    Case("femte mandag i måneden kl 8 send skjema til alle", Q, category="must_ask"),
    # nb (every 10 weeks)
    Case("hver 10. uke send prisarket til alle, mandag kl 9", Q, category="must_ask"),
    # nb (not a workflow)
    Case("Kjøp mer tørkepapir til lageret", Q, category="must_ask"),
    # nb (Stavanger; Haugesund customers are no group)
    Case(
        "ka me kundane i Haugesund, kan du senda dei skjemaet kvar måndag kl 9?",
        Q,
        category="must_ask",
    ),
    # mix (Danish; Bergen customers are no group)
    Case("Send en påmindelse til kunderne i Bergen hver fredag kl. 10", Q, category="must_ask"),
    # en (no day of the month)
    Case("Please send the newsletter to all customers every month.", Q, category="must_ask"),
    # nb (contradiction)
    Case(
        "Send skjemaet hver fredag kl 10 og stopp alle utsendinger på fredager",
        Q,
        category="must_ask",
    ),
    # en (cancels itself)
    Case(
        "Send the order form to the hotels on Monday at 9 - actually no, don't send anything "
        "to the hotels",
        Q,
        category="must_ask",
    ),
    # nb (impossible time)
    Case("skjema til kommunale bygg hver mandag kl 9:75", Q, category="must_ask"),
    # nb (customer data change)
    Case(
        "Når kunden endrer fakturaadresse, send kvittering på endringen",
        Q,
        category="must_ask",
    ),
    # en (no what, no when)
    Case("Set up something for the hotels please", Q, category="must_ask"),
    # nb (hair salons are no group)
    Case("skjema til alle frisørene hver tirsdag kl 8", Q, category="must_ask"),
    # mix (pharmacies are no group)
    Case("send order form til apotekene hver mandag 9am", Q, category="must_ask"),
    # en (no 35th)
    Case(
        "Send the price sheet to the restaurants on the 35th of every month at 10am",
        Q,
        category="must_ask",
    ),
    # nb (no when)
    Case("Send purring til alle som ikke har bestilt", Q, category="must_ask"),
    # nb (deletion as trigger)
    Case("Når en kunde blir slettet, send undersøkelsen", Q, category="must_ask"),
    # nb (everyone but one group: recipients cannot exclude a group)
    Case("Skjema til alle kunder unntatt hotellene hver mandag kl 9", Q, category="must_ask"),
    # mix (SMS)
    Case("send SMS reminder til sykehjemmene hver onsdag kl 12", Q, category="must_ask"),
    # mix (fax)
    Case("hver mandag kl 9 send faks med order form til sykehjemmene", Q, category="must_ask"),
]


HELD_OUT_V8_CONVERSATIONS: list[EditCase] = [
    # === answers: the start makes the assistant ask, the follow-up answers =================
    # nb (no when -> the when)
    EditCase(
        "Send påfyll-lista til alle kundene",
        "hver mandag kl 8",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="answers",
    ),
    # nb (which day of the month -> the day and time)
    EditCase(
        "Send nyhetsbrevet til alle kundene hver måned",
        "den 5. kl 10",
        _monthly("10:00", day_of_month=5, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb (unknown group -> one word)
    EditCase(
        "Skjema til kontorene hver mandag kl 9",
        "hotellene",
        _wk1(MON, "09:00", "bestilling", _g("hoteller")),
        category="answers",
    ),
    # en (unknown group -> one word)
    EditCase(
        "Send the order form to the cafés every Tuesday at 10",
        "restaurants",
        _wk1(TUE, "10:00", "bestilling", _g("restaurants")),
        category="answers",
    ),
    # nb (no when -> day and time, shorthand)
    EditCase(
        "påminnelse til barnehagene",
        "tors kl 14",
        _wk1(THU, "14:00", "reminder", _g("barnehager")),
        category="answers",
    ),
    # nb (impossible time -> corrected)
    EditCase(
        "Send prisarket til alle hver mandag kl 25",
        "kl 15 mener jeg",
        _wk1(MON, "15:00", "prisliste", _all()),
        category="answers",
    ),
    # mix (Danish; unknown group -> another group)
    EditCase(
        "Send en påmindelse til kunderne i Bergen hver fredag kl. 10",
        "til hotellerne",
        _wk1(FRI, "10:00", "reminder", _g("hoteller")),
        category="answers",
    ),
    # nb (no when -> calendar kind)
    EditCase(
        "send vestrein-posten til barnehagene",
        "første mandag i mnd kl 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("newsletter", _g("barnehager"))),
        category="answers",
    ),
    # nb (SMS -> email instead)
    EditCase(
        "Send SMS med skjemaet til sykehjemmene hver torsdag kl 12",
        "ok, send det på e-post da",
        _wk1(THU, "12:00", "bestilling", _g("sykehjem")),
        category="answers",
    ),
    # nb (no when, no event -> the event)
    EditCase(
        "Send velkomstmail",
        "når en ny kunde blir registrert",
        _event("customer.created", **_now1("velkomst")),
        category="answers",
    ),
    # en (no day -> one word)
    EditCase(
        "Send the price sheet to the gyms at 9am every week",
        "Monday",
        _wk1(MON, "09:00", "prisliste", _g("gyms")),
        category="answers",
    ),
    # === edits: the start is a draft, the follow-up changes it ================================
    # nb (move a step)
    EditCase(
        "Skjema mandag kl 9 og påminnelse torsdag kl 15 til de som ikke har bestilt, til alle",
        "flytt påminnelsen til onsdag kl 13",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(WED, "13:00"), _all())),
        category="edits",
    ),
    # nb (remove a group: everyone instead)
    EditCase(
        "skjema til skolene hver mandag kl 8",
        "ta bort skolene, send til alle kundene i stedet",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="edits",
    ),
    # en (add a step)
    EditCase(
        "Every Monday at 9 send the order form to the gyms",
        "Add a reminder on Wednesday at 2pm for those who haven't ordered",
        _weekly(MON, "09:00", **_form_rem(_at(MON, "09:00"), _at(WED, "14:00"), _g("gyms"))),
        category="edits",
    ),
    # nb (skip holidays)
    EditCase(
        "Skjema til alle hver mandag kl 9",
        "ikke på helligdager",
        _wk1(MON, "09:00", "bestilling", _all(), holiday_policy="skip"),
        category="edits",
    ),
    # nb (change the template)
    EditCase(
        "hver fredag kl 10 send påminnelse til sykehjemmene",
        "bruk prisarket i stedet",
        _wk1(FRI, "10:00", "prisliste", _g("sykehjem")),
        category="edits",
    ),
    # nb (remove a step)
    EditCase(
        "Skjema mandag kl 8, påminnelse onsdag kl 12 og vanlig bestilling fredag kl 9 for de "
        "som fortsatt ikke har bestilt, alle kunder",
        "dropp påminnelsen",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, ORDER],
            templates=["bestilling", None],
            recipients=[_all(), _all()],
            conditions=[None, _ms()],
            triggers=[_at(MON, "08:00"), _at(FRI, "09:00")],
            mode="repeat_last",
        ),
        category="edits",
    ),
    # en (change the time)
    EditCase(
        "Order form to the kindergartens every Tuesday at 7",
        "make it 8 instead",
        _wk1(TUE, "08:00", "bestilling", _g("barnehager")),
        category="edits",
    ),
    # nb (Stavanger; move to another day)
    EditCase(
        "send skjema te renholdsbyråene kvar onsdag kl 9",
        "flytt det te torsdag",
        _wk1(THU, "09:00", "bestilling", _g("cleaning")),
        category="edits",
    ),
    # mix (Danish; add a reminder)
    EditCase(
        "Send skemaet hver mandag kl. 8 til alle kunder",
        "og send også en påmindelse onsdag kl. 12 til kunder der ikke har bestilt",
        _weekly(MON, "08:00", **_form_rem(_at(MON, "08:00"), _at(WED, "12:00"), _all())),
        category="edits",
    ),
    # nb (holidays: next business day)
    EditCase(
        "Hver mandag kl 9 send prisarket til hotellene",
        "hvis det er fridag, send neste virkedag",
        _wk1(MON, "09:00", "prisliste", _g("hoteller"), holiday_policy="next_business_day"),
        category="edits",
    ),
    # en (add a delayed step to an event)
    EditCase(
        "When a new customer is created, send the welcome email",
        "also send the survey a week later",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(7 * DAY)],
        ),
        category="edits",
    ),
    # mix (change the template)
    EditCase(
        "skjema til barnehagene hver mandag kl 8",
        "use the newsletter template instead",
        _wk1(MON, "08:00", "newsletter", _g("barnehager")),
        category="edits",
    ),
    # nb (change the audience to a group)
    EditCase(
        "Send tilbudene til alle hver torsdag kl 10",
        "bare til restaurantene",
        _wk1(THU, "10:00", "tilbud", _g("restaurants")),
        category="edits",
    ),
]
