"""Held-out phrasing set v9 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read; of
``tests/ai_assistant/held_out_v7.py`` only the part above its first case (docstring with the
conventions, imports, template and group lists, context builder, fact-building helpers); of
``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 around ``class EditCase`` (the
class, the last three cases above it, ``FORM_AND_REMINDER`` and the first conversation after
it); ``benchmarks/bench_offline_parser.py`` lines 25-160 (to add this set's rows) and, of
``tests/ai_assistant/test_parser_accuracy.py``, a grep for ``accuracy_held_out_v7`` and lines
185-235 (the benchmark test's list of metric names). A grep of ``held_out_v7.py`` for ``Case(``
also showed, cut at 80 characters, the first line of its first two cases. The parser was never
run on these cases (only an import of this module, to check that it is well-formed) before the
one measurement.

The business: Mjøsa Bildeler AS, a wholesaler of car parts and workshop supplies (brake parts,
filters, oil, tyres, tools, workshop chemicals) in Hamar with a depot in Gjøvik. Customers: car
workshops, tyre hotels and tyre shops, petrol stations, car dealers, transport and bus
companies, farms and machinery dealers, municipal vehicle fleets and a few boat yards. Its people
write Hedmark/Toten dialect ("itte", "je", "dom", "kæm", "åssen", "te", "å" for "og"),
shorthand ("kl", "man", "ons", "fre", "mnd", "hver 14. dag"), typos and no æøå, voice dictation
without punctuation; a Polish mechanic writes simple English and broken Norwegian, a
German-speaking sales manager mixes in German ("Bestellformular", "jeden Montag", "Erinnerung",
"an alle Kunden"), and managers write long formal messages with numbered lists. Webhooks named
in texts: ``lager-lavt`` (the parts shelf the company runs at a customer's workshop reports low
stock; the event's customer is that workshop) and ``ny-forhandler`` (someone registers as a new
dealer in the dealer portal).

Each case has a language tag in the comment above it: ``nb``, ``en`` or ``mix`` (English and
Norwegian mixed, or Norwegian with German or Polish-English in it). Categories, as v7's:
``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V9_CONVERSATIONS``) are ``answers`` (the start makes the assistant ask, the
follow-up answers it) or ``edits`` (the start is a draft, the follow-up changes it); their
``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v7's (and so v5's), so the numbers compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way.
- In an event workflow a step that runs at once has trigger ``None``; "N minutes / hours / days
  (døgn) after" is ``{"delay_minutes": N in minutes}``; the customer the event is about is
  ``{"event_customer": True}``.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard / last order" is ``create_order`` with ``mode`` ``repeat_last``.
- A window written in the text is the condition's window: "siden mandag" is ``since:
  "last_monday"`` (any weekday likewise), "de siste 5 dagene" ``days_back: 5``, "2 weeks" 14
  days, "3 uker" 21 days. A lone reminder without a window has no ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days``; in a chain every day is a step of its own.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" is
  ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives, otherwise on the next such weekday
  after ``HELD_OUT_V9_TODAY`` (a Tuesday; no unanchored case uses Tuesday).
- A holiday policy is given only where the text says what happens on a public holiday ("også på
  røde dager" is ``run``).
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("hvem som fortsatt mangler" is ``orders_missing``).
- Group slugs: workshops / verksteder ``verksteder``; tyre hotels and tyre shops ``tyre-shops``;
  petrol stations ``stations``; car dealers ``dealers``; transport and bus companies
  ``transport``; farms and machinery dealers ``landbruk``; municipal fleets ``kommuner``; boat
  yards ``batverft``. Car rental firms, motorcycle shops, schools, hospitals and "the customers
  in Gjøvik" are not groups: a question.
- Templates by meaning: price list / prisene / nettopriser / Preisliste ``prisliste``; newsletter
  / månedsbrev / "Skrunoter" ``newsletter``; campaign / kampanje / tilbud / "Kampanjehjørnet"
  ``tilbud``; welcome / velkomst ``velkomst``; survey / undersøkelse / "Si ifra!" ``survey``. An
  email none of them covers (payment reminders, delivery plans, safety data sheets, opening
  hours, credit forms, tyre-season info) is ``"new"``; a payment reminder is not the order
  reminder.
- Must ask: an unknown group; SMS, phone calls or WhatsApp (the format only sends email); a
  request that contradicts or cancels itself; a time or date that cannot exist (kl 25, 24:30,
  the 32nd, the fifth Friday, every 12 weeks); a change of customer data, a cancelled order or
  anything but ``order.created``, ``customer.created`` and named webhooks as trigger; no "when";
  a text that is not a workflow.

Today is Tuesday 27 April 2027 (ISO week 17, odd). 1 May is a Saturday, Kristi himmelfartsdag is
Thursday 6 May, 17 May is a Monday and also 2. pinsedag (pinse 16-17 May), so the first runs of
many cases cross them.
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

# Tuesday 27 April 2027 (ISO week 17, an odd week).
HELD_OUT_V9_TODAY = dt.date(2027, 4, 27)

HELD_OUT_V9_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 901,
        "name": "Ukesliste verksted",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Ukens bestilling: deler og rekvisita til neste uke",
    },
    {
        "id": 902,
        "name": "Fristen nærmer seg",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi mangler bestillingen deres denne uka",
    },
    {
        "id": 903,
        "name": "Deler på vei",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen - delene er plukket",
    },
    {
        "id": 904,
        "name": "Nettopriser uke",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Nye nettopriser på deler fra neste uke",
    },
    {
        "id": 905,
        "name": "Kampanjehjørnet",
        "category": "tilbud",
        "variables": ["kunde_navn", "kampanje_liste", "bestilling_link"],
        "subject": "Denne uka: filtre og olje til kampanjepris",
    },
    {
        "id": 906,
        "name": "Skrunoter",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedens nytt fra Mjøsa Bildeler",
    },
    {
        "id": 907,
        "name": "Første dag hos oss",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen - slik bestiller du deler hos oss",
    },
    {
        "id": 908,
        "name": "Si ifra!",
        "category": "survey",
        "variables": ["kunde_navn", "undersokelse_link"],
        "subject": "Hvordan gikk leveringen av deler denne uka?",
    },
]

HELD_OUT_V9_GROUPS: list[GroupInfo] = [
    {"slug": "verksteder", "name": "Bilverksteder", "size": 142},
    {"slug": "tyre-shops", "name": "Dekkhotell og dekkforhandlere", "size": 38},
    {"slug": "stations", "name": "Bensinstasjoner", "size": 27},
    {"slug": "dealers", "name": "Bilforhandlere", "size": 19},
    {"slug": "transport", "name": "Transport- og bussselskaper", "size": 22},
    {"slug": "landbruk", "name": "Gårder og maskinforhandlere", "size": 45},
    {"slug": "kommuner", "name": "Kommunale bilparker", "size": 12},
    {"slug": "batverft", "name": "Båtverft", "size": 5},
]

HELD_OUT_V9_STAFF_GROUPS = ["salg", "lager", "innkjøp", "verkstedservice"]


def held_out_v9_context() -> ParseContext:
    """Mjøsa Bildeler's templates, groups and staff groups, on ``HELD_OUT_V9_TODAY``."""
    return facts.business_context(
        HELD_OUT_V9_TEMPLATES, HELD_OUT_V9_GROUPS, HELD_OUT_V9_STAFF_GROUPS, HELD_OUT_V9_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

MON, TUE, WED, THU, FRI = "monday", "tuesday", "wednesday", "thursday", "friday"


HELD_OUT_V9: list[Case] = [
    # === basic ==================================================================================
    # nb
    Case(
        "ukeslista til verkstedene hver mandag kl 7",
        _wk1(MON, "07:00", "bestilling", _g("verksteder")),
        category="basic",
    ),
    # nb
    Case(
        "Kl 06:30 hver fredag: send bestillingsskjemaet til bensinstasjonene",
        _wk1(FRI, "06:30", "bestilling", _g("stations")),
        category="basic",
    ),
    # nb
    Case(
        "kan du sende bestillingslista te alle kundene hver torsdag klokka ni?",
        _wk1(THU, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # nb
    Case(
        "send bestillingsskjema til batverftene hver onsdag kl 10",
        _wk1(WED, "10:00", "bestilling", _g("batverft")),
        category="basic",
    ),
    # nb
    Case(
        "hver mandag klokka åtte send ukeslista til alle verkstedene takk",
        _wk1(MON, "08:00", "bestilling", _g("verksteder")),
        category="basic",
    ),
    # nb
    Case(
        "Bestillingsskjemaet skal sendes til bilforhandlerne hver fredag kl. 14.00.",
        _wk1(FRI, "14:00", "bestilling", _g("dealers")),
        category="basic",
    ),
    # nb
    Case(
        "Ukentlig på torsdager kl 11 ønsker vi å sende ut skjemaet til kommunene 🚗",
        _wk1(THU, "11:00", "bestilling", _g("kommuner")),
        category="basic",
    ),
    # nb
    Case(
        "purring til verkstedene fre kl 12",
        _wk1(FRI, "12:00", "reminder", _g("verksteder")),
        category="basic",
    ),
    # nb
    Case(
        "je vil at skjemaet går ut te gardene og maskinforhandlerne kvær mandag kl 6",
        _wk1(MON, "06:00", "bestilling", _g("landbruk")),
        category="basic",
    ),
    # en
    Case(
        "Every Monday at 7:30 am send the order form to all workshops",
        _wk1(MON, "07:30", "bestilling", _g("verksteder")),
        category="basic",
    ),
    # en
    Case(
        "Could you email the order list to the car dealers each Wednesday at 1pm?",
        _wk1(WED, "13:00", "bestilling", _g("dealers")),
        category="basic",
    ),
    # en
    Case(
        "order form to the bus and transport companies, Thursdays 10 o'clock",
        _wk1(THU, "10:00", "bestilling", _g("transport")),
        category="basic",
    ),
    # mix
    Case(
        "pleas send the order list to all workshop every monday 8 oclock",
        _wk1(MON, "08:00", "bestilling", _g("verksteder")),
        category="basic",
    ),
    # mix
    Case(
        "send bestilling liste til verksted hver mandag kl 7",
        _wk1(MON, "07:00", "bestilling", _g("verksteder")),
        category="basic",
    ),
    # mix
    Case(
        "jeden Freitag kl 9 das Bestellformular an alle Kunden, takk",
        _wk1(FRI, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # mix
    Case(
        "send order form til tyre shops hver tirsdag kl 8",
        _wk1(TUE, "08:00", "bestilling", _g("tyre-shops")),
        category="basic",
    ),
    # === chains =================================================================================
    # nb
    Case(
        "Ukeslista ut mandag kl 8 til verkstedene, purring onsdag kl 12 til de som itte har "
        "bestilt, og fredag kl 9 legger vi inn deres vanlige bestilling for de som fortsatt ikke "
        "har bestilt",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "09:00"), _g("verksteder")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "man 07:00 skjema til alle, tors 14:00 påminnelse",
        _weekly(MON, "07:00", **_form_remind(_at(MON, "07:00"), _at(THU, "14:00"), _all())),
        category="chains",
    ),
    # en
    Case(
        "Monday 6am order form to the petrol stations. Wednesday 3pm reminder to those who still "
        "haven't ordered. Friday 8am create their standard order if they still have not ordered.",
        _weekly(
            MON,
            "06:00",
            **_form_remind_order(
                _at(MON, "06:00"), _at(WED, "15:00"), _at(FRI, "08:00"), _g("stations")
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "monday 7 send order list to workshop, thursday 12 send reminder who not order, friday 7 "
        "make same order like last time for who still not order",
        _weekly(
            MON,
            "07:00",
            **_form_remind_order(
                _at(MON, "07:00"), _at(THU, "12:00"), _at(FRI, "07:00"), _g("verksteder")
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "Montag 8 Uhr Bestellformular an alle Kunden, Donnerstag kl 13 Erinnerung an die, die "
        "nicht bestellt haben",
        _weekly(MON, "08:00", **_form_remind(_at(MON, "08:00"), _at(THU, "13:00"), _all())),
        category="chains",
    ),
    # nb
    Case(
        "Vi ønsker følgende oppsett for bilforhandlerne:\n"
        "1. Mandag kl. 09.00 sendes bestillingsskjemaet.\n"
        "2. Onsdag kl. 15.00 sendes en påminnelse til dem som ennå ikke har bestilt.\n"
        "3. Torsdag kl. 10.00 opprettes deres faste bestilling for dem som fortsatt mangler.",
        _weekly(
            MON,
            "09:00",
            **_form_remind_order(
                _at(MON, "09:00"), _at(WED, "15:00"), _at(THU, "10:00"), _g("dealers")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "skjema til dekkhotellene mandag kl 10, paminnelse tors kl 10 og fre kl 8 vanlig "
        "bestilling til de som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "10:00",
            **_form_remind_order(
                _at(MON, "10:00"), _at(THU, "10:00"), _at(FRI, "08:00"), _g("tyre-shops")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "mandag klokka sju send ukeslista til transportselskapene onsdag klokka tolv send "
        "purring til de som ikke har bestilt",
        _weekly(
            MON, "07:00", **_form_remind(_at(MON, "07:00"), _at(WED, "12:00"), _g("transport"))
        ),
        category="chains",
    ),
    # en
    Case(
        "Every Monday: 8:00 order form to the municipal fleets, Thursday 11:00 remind those who "
        "have not ordered yet, Friday 9:00 repeat their last order for anyone still missing",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(THU, "11:00"), _at(FRI, "09:00"), _g("kommuner")
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "send skjemaet te båtverfta onsdag kl 9 å purring fredag kl 12 te dom som itte har bestilt",
        _weekly(WED, "09:00", **_form_remind(_at(WED, "09:00"), _at(FRI, "12:00"), _g("batverft"))),
        category="chains",
    ),
    # nb
    Case(
        "Mandag kl 6 ukeslista til bensinstasjonene. Tirsdag kl 12 påminnelse. Onsdag kl 12 ny "
        "påminnelse. Torsdag kl 8 vanlig bestilling til dem som fortsatt ikke har bestilt.",
        _weekly(
            MON,
            "06:00",
            **_form_two_reminders_order(
                [_at(MON, "06:00"), _at(TUE, "12:00"), _at(WED, "12:00"), _at(THU, "08:00")],
                _g("stations"),
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "send ukeslista monday 7am to gardene, reminder thursday kl 12 to those who haven't "
        "ordered",
        _weekly(MON, "07:00", **_form_remind(_at(MON, "07:00"), _at(THU, "12:00"), _g("landbruk"))),
        category="chains",
    ),
    # nb
    Case(
        "Først bestillingsskjema til alle mandag 08:30, så purring onsdag 14:00 til de som ikke "
        "har bestilt, og til slutt en rapport fredag kl 16 til innkjop@mjosabildeler.no om hvem "
        "som fortsatt mangler",
        _weekly(
            MON,
            "08:30",
            steps=[SEND, SEND, REPORT],
            templates=["bestilling", "reminder", None],
            triggers=[_at(MON, "08:30"), _at(WED, "14:00"), _at(FRI, "16:00")],
            report="orders_missing",
            send_to=["innkjop@mjosabildeler.no"],
        ),
        category="chains",
    ),
    # en
    Case(
        "(1) Monday 9:00 - order form to all customers (2) Wednesday 9:00 - reminder to customers "
        "that still have not ordered (3) Thursday 9:00 - second reminder to the same (4) Friday "
        "7:00 - place their usual order",
        _weekly(
            MON,
            "09:00",
            **_form_two_reminders_order(
                [_at(MON, "09:00"), _at(WED, "09:00"), _at(THU, "09:00"), _at(FRI, "07:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # === multi_day ==============================================================================
    # nb
    Case(
        "send ukeslista til verkstedene mandag og torsdag kl 7",
        _days([MON, THU], "07:00", **_one("bestilling", _g("verksteder"))),
        category="multi_day",
    ),
    # nb
    Case(
        "tirsdag og fredag kl 10 går bestillingsskjemaet ut til alle",
        _days([TUE, FRI], "10:00", **_one("bestilling", _all())),
        category="multi_day",
    ),
    # en
    Case(
        "send the order form to the petrol stations on Mondays, Wednesdays and Fridays at 6am",
        _days([MON, WED, FRI], "06:00", **_one("bestilling", _g("stations"))),
        category="multi_day",
    ),
    # mix
    Case(
        "order list to workshop monday and thursday kl 8",
        _days([MON, THU], "08:00", **_one("bestilling", _g("verksteder"))),
        category="multi_day",
    ),
    # nb
    Case(
        "skjemaet te alle på mandager å onsdager klokka 8",
        _days([MON, WED], "08:00", **_one("bestilling", _all())),
        category="multi_day",
    ),
    # nb
    Case(
        "Ukeslista til verkstedene mandag kl 8, så purring både tirsdag og torsdag kl 12 til dem "
        "som ikke har bestilt",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, SEND, SEND],
            templates=["bestilling", "reminder", "reminder"],
            recipients=[_g("verksteder")] * 3,
            conditions=[None, _ms(), _ms()],
            triggers=[_at(MON, "08:00"), _at(TUE, "12:00"), _at(THU, "12:00")],
        ),
        category="multi_day",
    ),
    # en
    Case(
        "Order form to the car dealers every Tuesday and Thursday at 9 am",
        _days([TUE, THU], "09:00", **_one("bestilling", _g("dealers"))),
        category="multi_day",
    ),
    # mix
    Case(
        "Bestellformular jeden Montag und Donnerstag kl 7 an alle verksteder",
        _days([MON, THU], "07:00", **_one("bestilling", _g("verksteder"))),
        category="multi_day",
    ),
    # nb
    Case(
        "prislista til bensinstasjonene ons og fre kl 15",
        _days([WED, FRI], "15:00", **_one("prisliste", _g("stations"))),
        category="multi_day",
    ),
    # === conditions =============================================================================
    # nb
    Case(
        "purring hver dag kl 10 til alle som ikke har bestilt de siste 5 dagene",
        _daily("10:00", **_one("reminder", _all(), conditions=[_missing(days_back=5)])),
        category="conditions",
    ),
    # nb
    Case(
        "torsdag kl 13 purring til verkstedene som ikke har bestilt siden mandag",
        _wk1(
            THU,
            "13:00",
            "reminder",
            _g("verksteder"),
            conditions=[_missing(since="last_monday")],
        ),
        category="conditions",
    ),
    # en
    Case(
        "Every Friday at 10 remind the tyre shops that haven't placed an order in the last 2 weeks",
        _wk1(FRI, "10:00", "reminder", _g("tyre-shops"), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # nb
    Case(
        "hver mandag kl 9 send Kampanjehjørnet til kundene som har bestilt de siste 30 dagene",
        _wk1(MON, "09:00", "tilbud", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # nb
    Case(
        "onsdag kl 11 purring te dom på landbruk som itte har bestilt sia mandag",
        _wk1(WED, "11:00", "reminder", _g("landbruk"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "every day at 2 pm, reminder to all customers with no orders in the past 3 days",
        _daily("14:00", **_one("reminder", _all(), conditions=[_missing(days_back=3)])),
        category="conditions",
    ),
    # mix
    Case(
        "fredag kl 8 send reminder til alle som ikke har bestilt siden onsdag",
        _wk1(FRI, "08:00", "reminder", _all(), conditions=[_missing(since="last_wednesday")]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver mandag kl 8 skal de som ikke har handlet hos oss på 3 uker få Kampanjehjørnet",
        _wk1(MON, "08:00", "tilbud", _all(), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # en
    Case(
        "Thursdays at noon: reminder to the municipal fleets that have not ordered since Monday",
        _wk1(THU, "12:00", "reminder", _g("kommuner"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # mix
    Case(
        "Erinnerung jeden Mittwoch kl 12 an alle Kunden die seit 10 Tagen nicht bestellt haben",
        _wk1(WED, "12:00", "reminder", _all(), conditions=[_missing(days_back=10)]),
        category="conditions",
    ),
    # nb
    Case(
        "hver fredag kl 15 send Skrunoter til de som har bestilt noe siste 7 dager",
        _wk1(FRI, "15:00", "newsletter", _all(), conditions=[_ordered(days_back=7)]),
        category="conditions",
    ),
    # === calendar ===============================================================================
    # nb
    Case(
        "første mandag i måneden kl 8 send prislista til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "siste virkedag i mnd kl 14 send månedsrapport til regnskap@mjosabildeler.no",
        _monthly("14:00", business_day=-1, steps=[REPORT], send_to=["regnskap@mjosabildeler.no"]),
        category="calendar",
    ),
    # nb
    Case(
        "annenhver torsdag kl 9 ukeslista til båtverftene",
        _weekly(
            THU, "09:00", every_weeks=2, anchor="2027-04-29", **_one("bestilling", _g("batverft"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "hver 14. dag på fredager kl 7 skjema til landbruk, første gang 7. mai",
        _weekly(
            FRI, "07:00", every_weeks=2, anchor="2027-05-07", **_one("bestilling", _g("landbruk"))
        ),
        category="calendar",
    ),
    # en
    Case(
        "On the 15th of every month at 10am send the newsletter to all customers",
        _monthly("10:00", day_of_month=15, **_one("newsletter", _all())),
        category="calendar",
    ),
    # en
    Case(
        "every business day at 7 send the order form to the petrol stations",
        _daily("07:00", business_days_only=True, **_one("bestilling", _g("stations"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver hverdag kl 06:45 send skjema til bensinstasjonene",
        _daily("06:45", weekdays_only=True, **_one("bestilling", _g("stations"))),
        category="calendar",
    ),
    # nb
    Case(
        "hver mandag kl 8 ukeslista til verkstedene, men ikke på helligdager",
        _weekly(MON, "08:00", holiday_policy="skip", **_one("bestilling", _g("verksteder"))),
        category="calendar",
    ),
    # nb
    Case(
        "Skjema hver mandag kl 9 til alle - faller mandagen på en rød dag, send dagen etter",
        _weekly(MON, "09:00", holiday_policy="next_business_day", **_one("bestilling", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Last Friday of every month at 3pm send the price list to the car dealers",
        _monthly("15:00", weekday=FRI, nth=-1, **_one("prisliste", _g("dealers"))),
        category="calendar",
    ),
    # mix
    Case(
        "første virkedag i måneden kl 8 send Skrunoter to all customers",
        _monthly("08:00", business_day=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "send prislista til kommunene i partallsuker på onsdag kl 10",
        _weekly(WED, "10:00", iso_weeks="even", **_one("prisliste", _g("kommuner"))),
        category="calendar",
    ),
    # mix
    Case(
        "every other monday kl 7 skjema til verkstedene",
        _weekly(
            MON,
            "07:00",
            every_weeks=2,
            anchor="2027-05-03",
            **_one("bestilling", _g("verksteder")),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every 3 weeks on Thursday at 8:00 send the survey to the transport companies",
        _weekly(
            THU, "08:00", every_weeks=3, anchor="2027-04-29", **_one("survey", _g("transport"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "den siste i hver måned kl 12 send rapport til salg@mjosabildeler.no",
        _monthly("12:00", day_of_month="last", steps=[REPORT], send_to=["salg@mjosabildeler.no"]),
        category="calendar",
    ),
    # nb
    Case(
        "Hver fredag kl 10 purring til verkstedene. Er det helligdag, send dagen før.",
        _weekly(
            FRI,
            "10:00",
            holiday_policy="previous_business_day",
            **_one("reminder", _g("verksteder")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "jeden zweiten Montag kl 9 Bestellformular an alle Kunden, ab 10. mai",
        _weekly(MON, "09:00", every_weeks=2, anchor="2027-05-10", **_one("bestilling", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "andre tirsdag i måneden kl 9 send Kampanjehjørnet til bilforhandlerne",
        _monthly("09:00", weekday=TUE, nth=2, **_one("tilbud", _g("dealers"))),
        category="calendar",
    ),
    # nb
    Case(
        "Ukeslista går til alle verksteder mandager kl 7, også på røde dager som 17. mai",
        _weekly(MON, "07:00", holiday_policy="run", **_one("bestilling", _g("verksteder"))),
        category="calendar",
    ),
    # en
    Case(
        "Every Thursday at 2pm send the reminder to all customers; if Thursday is a public "
        "holiday (like Ascension Day), skip that week",
        _weekly(THU, "14:00", holiday_policy="skip", **_one("reminder", _all())),
        category="calendar",
    ),
    # === events =================================================================================
    # nb
    Case(
        "Når en ny kunde registreres, send velkomstmail",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "når det kommer inn en ordre skal kunden få en bekreftelse med en gang",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "When a new customer signs up, send them our welcome email",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        'når webhooken "lager-lavt" kommer inn, send prislista til verkstedet det gjelder',
        _event(
            "webhook",
            event_name="lager-lavt",
            **_one("prisliste", _ev(), triggers=[None]),
        ),
        category="events",
    ),
    # en
    Case(
        "When the ny-forhandler webhook fires, send the welcome email",
        _event("webhook", event_name="ny-forhandler", steps=[SEND], templates=["velkomst"]),
        category="events",
    ),
    # mix
    Case(
        "når ny ordre kommer inn send bekreftelse to the customer",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # mix
    Case(
        "when customer make new order send confirmation pleas",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "kæm som helst som blir ny kunde hos oss skal få velkomstbrevet",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "Whenever the lager-lavt webhook is triggered, send Kampanjehjørnet to that workshop",
        _event("webhook", event_name="lager-lavt", **_one("tilbud", _ev(), triggers=[None])),
        category="events",
    ),
    # mix
    Case(
        "Wenn ein neuer Kunde kommt, send velkomst-mail",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "send velkomstmail når et nytt verksted blir kunde",
        _event("customer.created", steps=[SEND], templates=["velkomst"]),
        category="events",
    ),
    # === delays =================================================================================
    # nb
    Case(
        "30 min etter at en ordre er lagt inn, send bekreftelse",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # en
    Case(
        "Two hours after a new customer is created, send the welcome email",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[_delay(120)])),
        category="delays",
    ),
    # nb
    Case(
        "ett døgn etter ny kunde: send Si ifra-undersøkelsen",
        _event("customer.created", **_one("survey", _ev(), triggers=[_delay(1440)])),
        category="delays",
    ),
    # nb
    Case(
        "Ved hver nye bestilling: send ordrebekreftelse, og to dager etter send undersøkelsen om "
        "leveringen",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(2880)],
        ),
        category="delays",
    ),
    # mix
    Case(
        "når ny-forhandler webhook kommer, vent 1 time, så send velkomst",
        _event(
            "webhook",
            event_name="ny-forhandler",
            steps=[SEND],
            templates=["velkomst"],
            triggers=[_delay(60)],
        ),
        category="delays",
    ),
    # en
    Case(
        "3 days after each new order, send the survey",
        _event("order.created", **_one("survey", _ev(), triggers=[_delay(4320)])),
        category="delays",
    ),
    # nb
    Case(
        "en halvtime etter at dom har bestilt send bekreftelse",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # mix
    Case(
        "Nach jeder neuen Bestellung 2 Stunden warten, dann bekreftelse sende",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(120)])),
        category="delays",
    ),
    # === templates_by_meaning ===================================================================
    # nb
    Case(
        "hver mandag kl 9 send prisene til verkstedene",
        _wk1(MON, "09:00", "prisliste", _g("verksteder")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Kampanjen på filtre og olje skal ut til bensinstasjonene hver torsdag kl 7",
        _wk1(THU, "07:00", "tilbud", _g("stations")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send our monthly newsletter to all customers on the 1st at 8am",
        _monthly("08:00", day_of_month=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send Skrunoter til alle den 20. hver mnd kl 12",
        _monthly("12:00", day_of_month=20, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "every Friday at 2pm send the customer satisfaction survey to the bus companies",
        _wk1(FRI, "14:00", "survey", _g("transport")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "hver onsdag kl 10 send tilbudsmailen til gårdene",
        _wk1(WED, "10:00", "tilbud", _g("landbruk")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "jeden Montag kl 8 die Preisliste an alle Kunden",
        _wk1(MON, "08:00", "prisliste", _all()),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send Kampanjehjørnet til dekkhotellene hver mandag kl 7 👍",
        _wk1(MON, "07:00", "tilbud", _g("tyre-shops")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "send prislista til bilforhandlerne hver forste mandag i mnd kl 9",
        _monthly("09:00", weekday=MON, nth=1, **_one("prisliste", _g("dealers"))),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send 'Si ifra!' to all customers every Thursday at 4 pm",
        _wk1(THU, "16:00", "survey", _all()),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "ukas kampanje til verkstedene fredag kl 8 hver uke",
        _wk1(FRI, "08:00", "tilbud", _g("verksteder")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "send the price list til kommunene hver fredag kl 9",
        _wk1(FRI, "09:00", "prisliste", _g("kommuner")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "nye nettopriser ut til alle kunder på mandager kl 7",
        _wk1(MON, "07:00", "prisliste", _all()),
        category="templates_by_meaning",
    ),
    # === new_templates ==========================================================================
    # nb
    Case(
        "hver mandag kl 9 send betalingspåminnelse til transportselskapene",
        _wk1(MON, "09:00", "new", _g("transport")),
        category="new_templates",
    ),
    # nb
    Case(
        "hver fredag kl 13 send åpningstidene for lageret i Gjøvik til alle kunder",
        _wk1(FRI, "13:00", "new", _all()),
        category="new_templates",
    ),
    # en
    Case(
        "Every Monday at 7am send the delivery route plan to the farms",
        _wk1(MON, "07:00", "new", _g("landbruk")),
        category="new_templates",
    ),
    # mix
    Case(
        "send info om vinterdekk-sesongen to all workshops hver mandag kl 8",
        _wk1(MON, "08:00", "new", _g("verksteder")),
        category="new_templates",
    ),
    # nb
    Case(
        "Send HMS-datablad for verkstedkjemikalier til verkstedene den 1. hver måned kl 10",
        _monthly("10:00", day_of_month=1, **_one("new", _g("verksteder"))),
        category="new_templates",
    ),
    # en
    Case(
        "When a new customer is created send them our credit application form",
        _event("customer.created", **_one("new", _ev(), triggers=[None])),
        category="new_templates",
    ),
    # nb
    Case(
        "hver mandag kl 7 send leveringsplanen for uka fra Gjøvik-depotet til verkstedene",
        _wk1(MON, "07:00", "new", _g("verksteder")),
        category="new_templates",
    ),
    # === must_ask ===============================================================================
    # nb
    Case("send ukeslista til bilutleiefirmaene hver mandag kl 8", Q, category="must_ask"),
    # en
    Case("Send the order form to the motorcycle shops every Friday at 9", Q, category="must_ask"),
    # nb
    Case(
        "send SMS til verkstedene hver mandag kl 7 om at ukeslista er ute", Q, category="must_ask"
    ),
    # en
    Case(
        "text all customers on WhatsApp every Thursday at noon with the campaign",
        Q,
        category="must_ask",
    ),
    # nb
    Case("ring de som ikke har bestilt på torsdag kl 14", Q, category="must_ask"),
    # nb
    Case("send prislista til alle kundene", Q, category="must_ask"),
    # en
    Case("Send the newsletter to every customer each month", Q, category="must_ask"),
    # nb
    Case("skjema til alle mandag kl 25", Q, category="must_ask"),
    # en
    Case("every month on the 32nd at 9 send the price list to the dealers", Q, category="must_ask"),
    # nb
    Case(
        "send skjemaet til alle hver mandag kl 8, men ikke send det på mandager",
        Q,
        category="must_ask",
    ),
    # mix
    Case(
        "send Kampanjehjørnet every friday kl 9, eller nei, ikke send noe likevel",
        Q,
        category="must_ask",
    ),
    # nb
    Case("når en kunde bytter e-postadresse, send bekreftelse", Q, category="must_ask"),
    # en
    Case(
        "When a customer changes their delivery address, send them a confirmation",
        Q,
        category="must_ask",
    ),
    # nb
    Case("femte fredag i hver måned kl 10 send prislista", Q, category="must_ask"),
    # nb
    Case("hver 12. uke på mandag kl 9 skjema til alle", Q, category="must_ask"),
    # nb
    Case("åssen kan je få sendt ut ukeslista te verkstedene?", Q, category="must_ask"),
    # mix
    Case("pleas send order list to all workshop", Q, category="must_ask"),
    # mix
    Case("Erinnerung an alle Kunden senden", Q, category="must_ask"),
    # nb
    Case("send purring til skolene hver torsdag kl 14", Q, category="must_ask"),
    # nb
    Case("Kjøp inn 40 sett bremseklosser til lageret", Q, category="must_ask"),
    # en
    Case("send the price list to the hospitals every Monday at 8", Q, category="must_ask"),
    # nb
    Case("når en ordre blir kansellert, send en e-post til kunden", Q, category="must_ask"),
    # mix
    Case("send order list to garages by sms monday 8 oclock", Q, category="must_ask"),
    # en
    Case("Every day at 24:30 send the reminder", Q, category="must_ask"),
    # nb
    Case(
        "send tilbudet til kundene i Gjøvik hver fredag kl 8",
        Q,
        category="must_ask",
    ),
    # nb
    Case(
        "send ukeslista til alle verkstedene hver onsdag kl 10 - eller nei, bare glem det",
        Q,
        category="must_ask",
    ),
]


HELD_OUT_V9_CONVERSATIONS: list[EditCase] = [
    # === answers: the start makes the assistant ask =============================================
    # nb
    EditCase(
        "send prislista til alle kundene",
        "hver mandag kl 8",
        _wk1(MON, "08:00", "prisliste", _all()),
        category="answers",
    ),
    # nb
    EditCase(
        "send skjema til bilutleiefirmaene hver mandag kl 8",
        "verkstedene",
        _wk1(MON, "08:00", "bestilling", _g("verksteder")),
        category="answers",
    ),
    # en
    EditCase(
        "Send the newsletter to every customer each month",
        "the 5th at 10",
        _monthly("10:00", day_of_month=5, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "åssen kan je få sendt ut ukeslista te verkstedene?",
        "fredag kl 7",
        _wk1(FRI, "07:00", "bestilling", _g("verksteder")),
        category="answers",
    ),
    # mix
    EditCase(
        "pleas send order list to all workshop",
        "monday",
        {
            "type": "scheduled",
            "schedule": "weekly",
            "days": [MON],
            **_one("bestilling", _g("verksteder")),
        },
        category="answers",
    ),
    # nb
    EditCase(
        "skjema til alle mandag kl 25",
        "kl 15",
        _wk1(MON, "15:00", "bestilling", _all()),
        category="answers",
    ),
    # mix
    EditCase(
        "Erinnerung an alle Kunden senden",
        "jeden Donnerstag kl 14",
        _wk1(THU, "14:00", "reminder", _all()),
        category="answers",
    ),
    # nb
    EditCase(
        "send Skrunoter til alle hver måned",
        "siste fredag kl 12",
        _monthly("12:00", weekday=FRI, nth=-1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "send ut prislista te gardene",
        "første mandag i mnd kl 8",
        _monthly("08:00", weekday=MON, nth=1, **_one("prisliste", _g("landbruk"))),
        category="answers",
    ),
    # === edits: the start is a draft ============================================================
    # nb
    EditCase(
        "Ukeslista mandag kl 8 til verkstedene og purring torsdag kl 14 til de som ikke har "
        "bestilt",
        "flytt purringen til onsdag kl 12",
        _weekly(
            MON, "08:00", **_form_remind(_at(MON, "08:00"), _at(WED, "12:00"), _g("verksteder"))
        ),
    ),
    # nb
    EditCase(
        "Ukeslista mandag kl 8 til verkstedene og purring torsdag kl 14 til de som ikke har "
        "bestilt",
        "legg til at vi lager vanlig bestilling fredag kl 9 for de som fortsatt mangler",
        _weekly(
            MON,
            "08:00",
            **_form_remind_order(
                _at(MON, "08:00"), _at(THU, "14:00"), _at(FRI, "09:00"), _g("verksteder")
            ),
        ),
    ),
    # nb
    EditCase(
        "skjema til dekkhotellene mandag kl 8, purring torsdag kl 12 til de som ikke har bestilt",
        "fjern dekkhotellene, send til alle kunder i stedet",
        _weekly(MON, "08:00", **_form_remind(_at(MON, "08:00"), _at(THU, "12:00"), _all())),
    ),
    # mix
    EditCase(
        "Every Monday at 8 send the order form to all customers",
        "hopp over helligdager",
        _weekly(MON, "08:00", holiday_policy="skip", **_one("bestilling", _all())),
    ),
    # mix
    EditCase(
        "hver fredag kl 9 send Kampanjehjørnet til alle",
        "use the price list instead",
        _wk1(FRI, "09:00", "prisliste", _all()),
    ),
    # nb
    EditCase(
        "send bestillingsskjema til landbruk hver mandag kl 7",
        "og send en påminnelse onsdag kl 12 til dem som ikke har bestilt",
        _weekly(MON, "07:00", **_form_remind(_at(MON, "07:00"), _at(WED, "12:00"), _g("landbruk"))),
    ),
    # en
    EditCase(
        "Monday 8am order form to the car dealers, Thursday 1pm reminder to those who haven't "
        "ordered, Friday 9am their usual order",
        "remove the reminder",
        _weekly(
            MON,
            "08:00",
            steps=[SEND, ORDER],
            templates=["bestilling", None],
            recipients=[_g("dealers"), _g("dealers")],
            conditions=[None, _ms()],
            triggers=[_at(MON, "08:00"), _at(FRI, "09:00")],
            mode="repeat_last",
        ),
    ),
    # en
    EditCase(
        "order form to everyone Monday 9am",
        "make it 7:30 instead",
        _wk1(MON, "07:30", "bestilling", _all()),
    ),
    # nb
    EditCase(
        "hver mandag kl 8 ukeslista til verkstedene",
        "hvis mandagen er en rød dag, send tirsdag i stedet",
        _weekly(
            MON,
            "08:00",
            holiday_policy="next_business_day",
            **_one("bestilling", _g("verksteder")),
        ),
    ),
    # mix
    EditCase(
        "Når en ny kunde registreres, send velkomstmail",
        "wait 2 hours before sending it",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[_delay(120)])),
    ),
    # nb
    EditCase(
        "skjema te alle man kl 9, purring tors kl 15 te dom som itte har bestilt",
        "bytt ut påminnelsen med Kampanjehjørnet",
        _weekly(
            MON,
            "09:00",
            steps=[SEND, SEND],
            templates=["bestilling", "tilbud"],
            triggers=[_at(MON, "09:00"), _at(THU, "15:00")],
        ),
    ),
]
