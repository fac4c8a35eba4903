"""Held-out phrasing set v11 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: the format docs
(``/work/shared/docs/workflow-format.md`` whole, including "Calendar schedules", and
``/work/shared/docs/nl-examples.md``); the checker ``benchmarks/parser_accuracy.py`` (``Case``,
``key_facts``, ``compare``, the keyword baseline); ``ai_assistant/context.py`` (``TemplateInfo``,
``GroupInfo``, ``ParseContext``), the only file under ``ai_assistant/`` read;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders); of
``tests/ai_assistant/held_out_v9.py`` only the part above ``HELD_OUT_V9: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class EditCase``,
the cases just above it and the first conversation after it); ``benchmarks/bench_offline_parser.py``
lines 25-185 (to add this set's rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``,
lines 185-228 and a grep for the two v10 metric names (the benchmark test's list of metric
names, to add this set's two). A repository-wide ``ruff check`` also printed four lines of
``held_out_v10.py``'s docstring (a line-length error there, left alone); no case of it. The
parser was never run on these cases (only an import of this module, to check that it is
well-formed) before the one measurement.

The business: Trøndelag Frukt og Grønt AS, a wholesaler of fruit, vegetables, herbs, eggs and
dairy in Trondheim with a depot in Steinkjer. Customers: restaurants and cafés, company
canteens (bedriftskantiner), grocery shops, juice bars, nursing homes (sykehjem),
kindergartens (barnehager), catering firms and market stalls (torghandlere). Its people write
Trøndersk ("æ", "itj", "ka", "kæm", "nån", "te", "kjæm", "sjå", clipped plurals such as
"kafean", "restaurantan", "butikkan"), phone shorthand and emoji, typos and no æøå, voice
dictation without punctuation; an Icelandic-born manager writes Norwegian with grammar
mistakes; a Ukrainian warehouse worker writes simple English with article errors; the owner
writes terse imperative one-liners; the accountant writes long polite emails with greetings and
a signature around the request, some with the request buried in the middle. Webhooks named in
texts: ``frost-alarm`` (the cold room a customer rents in our Trondheim cold store reports a
temperature alarm; the webhook's data names that customer, so "kunden" / "that restaurant" is
the event's customer) and ``leverandor-pris`` (a supplier's new price file has arrived; it is
about no customer).

Each case has a language tag in the comment above it: ``nb``, ``en`` or ``mix`` (English and
Norwegian mixed in one text). Categories, as v9's: ``basic``, ``chains``, ``multi_day``,
``conditions``, ``calendar``, ``events``, ``delays``, ``templates_by_meaning``,
``new_templates``, ``must_ask``. The conversations (``HELD_OUT_V11_CONVERSATIONS``) are
``answers`` (the start makes the assistant ask, the follow-up answers it, one word or more) or
``edits`` (the start is a draft, the follow-up changes it); their ``expected`` is the draft
after the follow-up.

``expected`` is ``"question"`` (the assistant must ask back and create nothing) or the key facts
(``benchmarks.parser_accuracy.key_facts``) that the text clearly determines; whatever the text
leaves open is left out. The conventions are v9's (and so v7's and v5's), so the numbers
compare:

- The first step of a weekly workflow has ``triggers`` equal to the schedule's day and time.
  ``triggers`` are not given for daily, monthly or calendar-kind schedules (every N weeks, ISO
  weeks, holiday policies), for a schedule on several days, nor where a timing could fairly be
  written in more than one way (e.g. "two hours later" inside a weekly run).
- In an event workflow a step that runs at once has trigger ``None``; "N minutes / hours / days
  (døgn) after" is ``{"delay_minutes": N in minutes}``; the customer the event is about is
  ``{"event_customer": True}``. Added for this set: a webhook's data may name the customer it
  concerns (``frost-alarm``); where the text clearly means that one customer ("kunden",
  "that restaurant", "kunden som eier kjølerommet") it is ``{"event_customer": True}``; a
  webhook that is about no customer (``leverandor-pris``) with "kunden" in the text is still
  the event's customer by the text. Telling a staff group ("gi beskjed til lageret") is a step
  whose ``staff_group`` is that group; only ``staff_group`` and the event are given for it.
- In a chain, a later step "to those who (still) have not ordered", and any reminder, has
  ``orders_missing`` since ``execution_start``; later steps go to the first step's audience.
  "Their usual / standard / last order" is ``create_order`` with ``mode`` ``repeat_last``.
- A window written in the text is the condition's window: "siden mandag" is ``since:
  "last_monday"`` (any weekday likewise), "de siste 5 dagene" ``days_back: 5``, "2 weeks" 14
  days, "3 uker" 21 days. A lone reminder without a window has no ``conditions`` given.
- One phrase with several days for one action: a single send is a weekly schedule on those
  ``days``; in a chain every day is a step of its own. Relative days ("dagen etter", "to dager
  senere", "same day at 3") are the weekday they name, counted from the step before.
- "Hver hverdag" / "weekdays" is ``weekdays_only``; "hver virkedag" / "every business day" is
  ``business_days_only``.
- ``every_weeks`` is anchored on the date the text gives, otherwise on the next such weekday
  after ``HELD_OUT_V11_TODAY`` (a Thursday; no unanchored case uses Thursday). ISO week 12 (of
  today) is even.
- A holiday policy is given only where the text says what happens on a public holiday ("også på
  røde dager" is ``run``; "ikke på helligdager" ``skip``; "dagen før" ``previous_business_day``;
  "dagen etter / neste virkedag" ``next_business_day``).
- Clock words: "halv ti" is 09:30, "kvart over åtte" 08:15, "kvart på sju" 06:45, "ti på tre
  på ettermiddagen" 14:50, "ti over ni om morgenen" 09:10, "middag" / "noon" 12:00; a bare
  hour is only used where it cannot be read as night (6-11 in the morning, 13-18 written out,
  or "same day at 3" after a morning step, 15:00).
- With a ``generate_report`` step, ``recipients`` and ``conditions`` are not given; ``report``
  only where the text names what it reports ("kæm som itj har bestilt" is ``orders_missing``).
- Group slugs: restaurants and cafés / restaurantan / kafean ``restauranter``; canteens /
  kantinan / bedriftskantiner ``kantiner``; grocery shops / butikkan / dagligvare
  ``butikker``; juice bars ``juicebarer``; nursing homes / sykehjemman ``sykehjem``;
  kindergartens / barnehagan ``barnehager``; catering firms ``catering``; market stalls /
  torghandleran / "folka på torget" ``torg``. Hotels, schools, bakeries, hospitals, "the
  customers in Steinkjer" and "the big customers" are not groups: a question.
- Templates by meaning: order form / skjema / bestillingslista / "Ukeskurven" ``bestilling``;
  reminder / påminnelse / purring (about orders) / "Har du glemt oss?" ``reminder``;
  confirmation / kvittering / ordrebekreftelse ``confirmation``; price list / prisan / priser /
  "Dagsferske priser" ``prisliste``; newsletter / månedsbrev / "Grønne nyheter" ``newsletter``;
  offer / tilbud / kampanje / deals / "Røverkjøp" ``tilbud``; welcome / velkomst ``velkomst``;
  survey / undersøkelse / feedback / "Ka syns du?" ``survey``. An email none of them covers
  (payment reminders for unpaid invoices, Easter opening hours, changed delivery days, recall
  notices, allergen lists, deposit crates) is ``"new"``; a payment reminder is not the order
  reminder.
- Must ask: an unknown group; SMS, phone calls or WhatsApp/Snap (the format only sends email);
  a request that contradicts or cancels itself; a time or date that cannot exist (kl 26, 24:15,
  30 February, the fifth Monday, every 10 weeks); a change of customer data, a cancelled order, a
  payment or anything but ``order.created``, ``customer.created`` and named webhooks as
  trigger; no "when"; a text that is not a workflow.

Today is Thursday 23 March 2028 (ISO week 12, even). Summer time starts Sunday 26 March, so the
first runs of nearly every case cross it; Easter 2028 follows: Palm Sunday 9 April,
skjærtorsdag 13 April, langfredag 14 April, 2. påskedag 17 April; 1 May is a Monday, 17 May a
Wednesday, Kristi himmelfartsdag Thursday 25 May.
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

# Thursday 23 March 2028 (ISO week 12, an even week); summer time starts on Sunday 26 March.
HELD_OUT_V11_TODAY = dt.date(2028, 3, 23)

HELD_OUT_V11_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1101,
        "name": "Ukeskurven",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill frukt, grønt og meieri til neste uke",
    },
    {
        "id": 1102,
        "name": "Har du glemt oss?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi har ikke fått bestillingen din ennå",
    },
    {
        "id": 1103,
        "name": "Kvittering levering",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for bestillingen - vi plukker varene nå",
    },
    {
        "id": 1104,
        "name": "Dagsferske priser",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Ukens priser på frukt, grønt, egg og meieri",
    },
    {
        "id": 1105,
        "name": "Grønne nyheter",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Månedsbrev fra Trøndelag Frukt og Grønt",
    },
    {
        "id": 1106,
        "name": "Røverkjøp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Ukens gode kjøp - så lenge partiet varer",
    },
    {
        "id": 1107,
        "name": "Hei og velkommen",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde - slik bestiller du hos oss",
    },
    {
        "id": 1108,
        "name": "Ka syns du?",
        "category": "survey",
        "variables": ["kunde_navn", "undersokelse_link"],
        "subject": "Hvordan var leveransen fra oss denne uka?",
    },
]

HELD_OUT_V11_GROUPS: list[GroupInfo] = [
    {"slug": "restauranter", "name": "Restauranter og kafeer", "size": 118},
    {"slug": "kantiner", "name": "Bedriftskantiner", "size": 41},
    {"slug": "butikker", "name": "Dagligvarebutikker", "size": 63},
    {"slug": "juicebarer", "name": "Juicebarer", "size": 9},
    {"slug": "sykehjem", "name": "Sykehjem", "size": 24},
    {"slug": "barnehager", "name": "Barnehager", "size": 57},
    {"slug": "catering", "name": "Cateringfirma", "size": 14},
    {"slug": "torg", "name": "Torghandlere", "size": 11},
]

HELD_OUT_V11_STAFF_GROUPS = ["lager", "salg", "sjåfører", "innkjøp"]


def held_out_v11_context() -> ParseContext:
    """Trøndelag Frukt og Grønt's templates, groups and staff groups, on ``HELD_OUT_V11_TODAY``."""
    return facts.business_context(
        HELD_OUT_V11_TEMPLATES, HELD_OUT_V11_GROUPS, HELD_OUT_V11_STAFF_GROUPS, HELD_OUT_V11_TODAY
    )


# --- Builders for the expected facts ----------------------------------------------------------

Q = "question"

MON, TUE, WED, THU, FRI, SAT = "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"


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


def _form_remind(
    first: dict[str, Any] | None, then: dict[str, Any] | None, recipients: dict[str, Any]
) -> dict[str, Any]:
    """Order form, then a reminder to those still without an order; same audience."""
    triggers = None if first is None else [first, then]
    return _chain(["bestilling", "reminder"], triggers, recipients)


def _report(emails: list[str], report: str | None = None) -> dict[str, Any]:
    """One report step sent to ``emails`` (``report`` where the text names what it reports)."""
    out: dict[str, Any] = {"steps": [REPORT], "send_to": emails}
    if report is not None:
        out["report"] = report
    return out


def _frost(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="frost-alarm", **more)


def _prisfil(**more: Any) -> dict[str, Any]:
    return _event("webhook", event_name="leverandor-pris", **more)


HELD_OUT_V11: list[Case] = [
    # --- basic ----------------------------------------------------------------------------------
    # nb
    Case(
        "Send Ukeskurven te alle kundan kvar mandag kl 9",
        _wk1(MON, "09:00", "bestilling", _all()),
        category="basic",
    ),
    # nb
    Case(
        "ka om vi sende bestillingsskjema te restaurantan hver tysdag klokka halv ti? gjør det",
        _wk1(TUE, "09:30", "bestilling", _g("restauranter")),
        category="basic",
    ),
    # en
    Case(
        "Please send order form to the canteens every wednesday at 8 in the morning",
        _wk1(WED, "08:00", "bestilling", _g("kantiner")),
        category="basic",
    ),
    # nb
    Case(
        "Skjema til butikkene. Fredager 07:30.",
        _wk1(FRI, "07:30", "bestilling", _g("butikker")),
        category="basic",
    ),
    # nb
    Case(
        "send bestillingsskjemaet til sykehjemmene hver mandag kl kvart over atte",
        _wk1(MON, "08:15", "bestilling", _g("sykehjem")),
        category="basic",
    ),
    # nb
    Case(
        "send skjema til barnehagene hver onsdag klokka ti over ni om morgenen",
        _wk1(WED, "09:10", "bestilling", _g("barnehager")),
        category="basic",
    ),
    # nb
    Case(
        "Jeg vil at dere sender bestillingskjema til alle kundene hver tirsdag klokken 10 om "
        "morgen, takk",
        _wk1(TUE, "10:00", "bestilling", _all()),
        category="basic",
    ),
    # en
    Case(
        "order form to the catering firms, sundays 6pm",
        _wk1("sunday", "18:00", "bestilling", _g("catering")),
        category="basic",
    ),
    # mix
    Case(
        "Kan du sette opp at torghandlerne får order form every Saturday kl 07",
        _wk1(SAT, "07:00", "bestilling", _g("torg")),
        category="basic",
    ),
    # nb
    Case(
        "Send skjema hver dag kl 11 til juicebarene",
        _daily("11:00", **_one("bestilling", _g("juicebarer"))),
        category="basic",
    ),
    # nb
    Case(
        "Hver hverdag kl 7 send bestillingsskjema til kantinene",
        _daily("07:00", weekdays_only=True, **_one("bestilling", _g("kantiner"))),
        category="basic",
    ),
    # en
    Case(
        "every month on the 15th at 10:00 send the order form to everyone",
        _monthly("10:00", day_of_month=15, **_one("bestilling", _all())),
        category="basic",
    ),
    # nb
    Case(
        "purring te alle kvar torsdag kl 14",
        _wk1(THU, "14:00", "reminder", _all()),
        category="basic",
    ),
    # mix
    Case(
        "📋 skjema ➡️ restaurantan, mondays 9am 👍",
        _wk1(MON, "09:00", "bestilling", _g("restauranter")),
        category="basic",
    ),
    # --- chains ---------------------------------------------------------------------------------
    # nb
    Case(
        "Send skjema mandag kl 9 te restaurantan, å påminnelse torsdag kl 14 te dem som itj har "
        "bestilt",
        _weekly(
            MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(THU, "14:00"), _g("restauranter"))
        ),
        category="chains",
    ),
    # en
    Case(
        "Send the order form to shops on monday 8 o'clock, then on the wednesday at 12 send "
        "reminder for who did not order yet",
        _weekly(MON, "08:00", **_form_remind(_at(MON, "08:00"), _at(WED, "12:00"), _g("butikker"))),
        category="chains",
    ),
    # nb
    Case(
        "Bestillingsskjema til kantinene tirsdag kl 8, og dagen etter kl 13 en påminnelse til de "
        "som ikke har bestilt",
        _weekly(TUE, "08:00", **_form_remind(_at(TUE, "08:00"), _at(WED, "13:00"), _g("kantiner"))),
        category="chains",
    ),
    # nb
    Case(
        "skjema te barnehagan mandag halv åtte, to dager senere purring kl 12 te dem som itj har "
        "bestilt",
        _weekly(
            MON, "07:30", **_form_remind(_at(MON, "07:30"), _at(WED, "12:00"), _g("barnehager"))
        ),
        category="chains",
    ),
    # en
    Case(
        "Form to the juice bars friday at 9, remind the ones who havent ordered same day at 3",
        _weekly(
            FRI, "09:00", **_form_remind(_at(FRI, "09:00"), _at(FRI, "15:00"), _g("juicebarer"))
        ),
        category="chains",
    ),
    # nb
    Case(
        "Mandag kl 9 skjema til alle, onsdag kl 12 påminnelse, torsdag kl 10 ny påminnelse, og "
        "fredag kl 8 legger vi inn vanlig bestilling for de som fortsatt ikke har bestilt",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", "reminder", None],
                [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "10:00"), _at(FRI, "08:00")],
                _all(),
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "Every Monday 8:15 send the order form to the nursing homes. Tuesday 10 remind whoever "
        "hasn't ordered, Wednesday 10 remind them again, and Wednesday 15:00 put in their usual "
        "order if there is still nothing.",
        _weekly(
            MON,
            "08:15",
            **_chain(
                ["bestilling", "reminder", "reminder", None],
                [_at(MON, "08:15"), _at(TUE, "10:00"), _at(WED, "10:00"), _at(WED, "15:00")],
                _g("sykehjem"),
            ),
        ),
        category="chains",
    ),
    # mix
    Case(
        "søndag kl 18 order form te cateringfirmaan, mandag kl 9 reminder, mandag kl 14 reminder "
        "igjen, tirsdag kl 7 standardordre te dem som fortsatt itj har bestilt",
        _weekly(
            "sunday",
            "18:00",
            **_chain(
                ["bestilling", "reminder", "reminder", None],
                [
                    _at("sunday", "18:00"),
                    _at(MON, "09:00"),
                    _at(MON, "14:00"),
                    _at(TUE, "07:00"),
                ],
                _g("catering"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Hei!\n\nTakk for hyggelig prat på telefonen i går, og beklager at jeg er sen med å "
        "svare. Vi har sett på rutinene for restaurantene og kunne tenke oss følgende: mandag "
        "kl 08:00 sendes bestillingsskjemaet, tirsdag kl 12:00 en påminnelse, onsdag kl 12:00 "
        "en ny påminnelse, torsdag kl 09:00 en siste påminnelse, og torsdag kl 14:00 legger vi "
        "inn forrige bestilling for dem som fortsatt ikke har bestilt. Gi gjerne beskjed om "
        "noe er uklart.\n\nMed vennlig hilsen\nRandi Aune\nRegnskap, Trøndelag Frukt og Grønt AS",
        _weekly(
            MON,
            "08:00",
            **_chain(
                ["bestilling", "reminder", "reminder", "reminder", None],
                [
                    _at(MON, "08:00"),
                    _at(TUE, "12:00"),
                    _at(WED, "12:00"),
                    _at(THU, "09:00"),
                    _at(THU, "14:00"),
                ],
                _g("restauranter"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "skjema man kl 9, purring ons kl 13, fre kl 8 bestill det vanlige for dem som itj har "
        "bestilt. gjeld butikkan",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "09:00"), _at(WED, "13:00"), _at(FRI, "08:00")],
                _g("butikker"),
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "Tuesday 07:00 order form for the market stalls; Wednesday noon reminder to those "
        "without an order; Thursday 06:00 their last order gets repeated for anyone still "
        "missing",
        _weekly(
            TUE,
            "07:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(TUE, "07:00"), _at(WED, "12:00"), _at(THU, "06:00")],
                _g("torg"),
            ),
        ),
        category="chains",
    ),
    # nb
    Case(
        "Send skjema til alle fredag kl 12 og påminnelse mandag kl 9 til de som ikke har bestilt",
        _weekly(FRI, "12:00", **_form_remind(_at(FRI, "12:00"), _at(MON, "09:00"), _all())),
        category="chains",
    ),
    # nb
    Case(
        "Vi skal sende skjemaet til sykehjemmer hver mandag klokken 9 og så påminnelse på onsdag "
        "klokken 11 til de som har ikke bestilt",
        _weekly(MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(WED, "11:00"), _g("sykehjem"))),
        category="chains",
    ),
    # nb
    Case(
        "send bestillingsskjema til juicebarene hver tirsdag klokka ni og purring torsdag "
        "klokka tolv til de som ikke har bestilt og så fredag klokka åtte legg inn vanlig "
        "bestilling for dem som fortsatt mangler",
        _weekly(
            TUE,
            "09:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(TUE, "09:00"), _at(THU, "12:00"), _at(FRI, "08:00")],
                _g("juicebarer"),
            ),
        ),
        category="chains",
    ),
    # en
    Case(
        "mon 7am form to all, mon 1pm reminder, tue 9am reminder, tue 1pm reminder, wed 8am "
        "repeat last order for those still missing",
        _weekly(
            MON,
            "07:00",
            **_chain(
                ["bestilling", "reminder", "reminder", "reminder", None],
                [
                    _at(MON, "07:00"),
                    _at(MON, "13:00"),
                    _at(TUE, "09:00"),
                    _at(TUE, "13:00"),
                    _at(WED, "08:00"),
                ],
                _all(),
            ),
        ),
        category="chains",
    ),
    # --- multi_day ------------------------------------------------------------------------------
    # nb
    Case(
        "Skjema te restaurantan mandag og torsdag kl 9",
        _days([MON, THU], "09:00", **_one("bestilling", _g("restauranter"))),
        category="multi_day",
    ),
    # en
    Case(
        "Send the order form to the shops on Mondays, Wednesdays and Fridays at 7",
        _days([MON, WED, FRI], "07:00", **_one("bestilling", _g("butikker"))),
        category="multi_day",
    ),
    # nb
    Case(
        "bestillingsskjema til barnehagene tirsdag og fredag kl 8",
        _days([TUE, FRI], "08:00", **_one("bestilling", _g("barnehager"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Røverkjøp te juicebaran tysdag å fredag kl 10",
        _days([TUE, FRI], "10:00", **_one("tilbud", _g("juicebarer"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Send skjemaet til kantinene på mandag, onsdag og fredag, alle dager klokken halv åtte",
        _days([MON, WED, FRI], "07:30", **_one("bestilling", _g("kantiner"))),
        category="multi_day",
    ),
    # nb
    Case(
        "skjema te folka på torget onsdag og lørdag kl 7",
        _days([WED, SAT], "07:00", **_one("bestilling", _g("torg"))),
        category="multi_day",
    ),
    # en
    Case(
        "survey to the nursing homes every tuesday and thursday at 2pm",
        _days([TUE, THU], "14:00", **_one("survey", _g("sykehjem"))),
        category="multi_day",
    ),
    # nb
    Case(
        "Skjema mandag kl 9 te alle, påminnelse onsdag og torsdag kl 12 te dem som itj har bestilt",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", "reminder"],
                [_at(MON, "09:00"), _at(WED, "12:00"), _at(THU, "12:00")],
                _all(),
            ),
        ),
        category="multi_day",
    ),
    # --- conditions -----------------------------------------------------------------------------
    # nb
    Case(
        "Send påminnelse hver fredag kl 10 til alle som ikke har bestilt siden mandag",
        _wk1(FRI, "10:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every day at 11 remind the restaurants that haven't ordered in the last 3 days",
        _daily("11:00", **_one("reminder", _g("restauranter"), conditions=[_missing(days_back=3)])),
        category="conditions",
    ),
    # nb
    Case(
        "God morgen! Håper dere har hatt en fin uke. Kort om regnskapet: marskvitteringene er "
        "sendt til revisor. Og så et ønske fra salg: kan vi sende Røverkjøp til alle som har "
        "bestilt de siste 14 dagene, hver tirsdag kl 9? Ellers er alt vel her.\n\nVennlig "
        "hilsen\nRandi Aune",
        _wk1(TUE, "09:00", "tilbud", _all(), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # nb
    Case(
        "kvar onsdag kl 13 purring te kantinan som itj har bestilt sia mandag",
        _wk1(WED, "13:00", "reminder", _g("kantiner"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # en
    Case(
        "Remind the shops which did not order for 2 weeks, every Monday 10 o'clock",
        _wk1(MON, "10:00", "reminder", _g("butikker"), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver mandag kl 8: send undersøkelsen til dem som har bestilt siden forrige tirsdag",
        _wk1(MON, "08:00", "survey", _all(), conditions=[_ordered(since="last_tuesday")]),
        category="conditions",
    ),
    # mix
    Case(
        "send reminder til barnehagene som ikke har bestilt på 3 uker, første dag i måneden kl 9",
        _monthly(
            "09:00",
            day_of_month=1,
            **_one("reminder", _g("barnehager"), conditions=[_missing(days_back=21)]),
        ),
        category="conditions",
    ),
    # nb
    Case(
        "Send prislista kvar fredag kl 12 te alle som har handla hos oss dei siste 30 dagan",
        _wk1(FRI, "12:00", "prisliste", _all(), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # en
    Case(
        "Thursdays 4pm send a reminder to catering customers who have not ordered since Monday",
        _wk1(THU, "16:00", "reminder", _g("catering"), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # nb
    Case(
        "hver dag kl 14 påminnelse til sykehjemmene som ikke har bestilt de siste to dagene",
        _daily("14:00", **_one("reminder", _g("sykehjem"), conditions=[_missing(days_back=2)])),
        category="conditions",
    ),
    # --- calendar -------------------------------------------------------------------------------
    # nb
    Case(
        "Annenhver mandag kl 9 send skjema til restaurantene",
        _weekly(
            MON,
            "09:00",
            every_weeks=2,
            anchor="2028-03-27",
            **_one("bestilling", _g("restauranter")),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Every other Friday at 10 send the price list to the shops, starting 7 April",
        _weekly(
            FRI, "10:00", every_weeks=2, anchor="2028-04-07", **_one("prisliste", _g("butikker"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 8 send Grønne nyheter til alle",
        _monthly("08:00", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "siste fredag i måneden kl 12 send nyhetsbrevet te alle kundan",
        _monthly("12:00", weekday=FRI, nth=-1, **_one("newsletter", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Hei,\n\nbare et lite ønske fra regnskap: siste virkedag i måneden kl 15 vil jeg gjerne "
        "få en rapport over hvem som ikke har bestilt, sendt til regnskap@trondelagfrukt.no. "
        "Tusen takk for hjelpen!\n\nHilsen Randi",
        _monthly(
            "15:00", business_day=-1, **_report(["regnskap@trondelagfrukt.no"], "orders_missing")
        ),
        category="calendar",
    ),
    # en
    Case(
        "first business day of every month at 8am send the price list to everybody",
        _monthly("08:00", business_day=1, **_one("prisliste", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Hver virkedag kl 6 send Dagsferske priser te restaurantan",
        _daily("06:00", business_days_only=True, **_one("prisliste", _g("restauranter"))),
        category="calendar",
    ),
    # nb
    Case(
        "Skjema hver mandag kl 9 til alle, men ikke på helligdager",
        _weekly(MON, "09:00", holiday_policy="skip", **_one("bestilling", _all())),
        category="calendar",
    ),
    # nb
    Case(
        "Påminnelse til alle hver torsdag kl 14 - er det helligdag, send den dagen før",
        _weekly(THU, "14:00", holiday_policy="previous_business_day", **_one("reminder", _all())),
        category="calendar",
    ),
    # en
    Case(
        "Send the order form every Monday at 7 to the canteens; if Monday is a public holiday "
        "send it on the next business day instead",
        _weekly(
            MON, "07:00", holiday_policy="next_business_day", **_one("bestilling", _g("kantiner"))
        ),
        category="calendar",
    ),
    # nb
    Case(
        "skjema i partallsuker, tirsdag kl 8, te barnehagan",
        _weekly(TUE, "08:00", iso_weeks="even", **_one("bestilling", _g("barnehager"))),
        category="calendar",
    ),
    # en
    Case(
        "odd weeks only: wednesday 9am newsletter to the juice bars",
        _weekly(WED, "09:00", iso_weeks="odd", **_one("newsletter", _g("juicebarer"))),
        category="calendar",
    ),
    # nb
    Case(
        "Hver tredje onsdag kl 10 send tilbud til cateringfirmaene, første gang 5. april",
        _weekly(WED, "10:00", every_weeks=3, anchor="2028-04-05", **_one("tilbud", _g("catering"))),
        category="calendar",
    ),
    # nb
    Case(
        "annahver tysdag kl halv ni skjema te torghandleran, også på røde dager",
        _weekly(
            TUE,
            "08:30",
            every_weeks=2,
            anchor="2028-03-28",
            holiday_policy="run",
            **_one("bestilling", _g("torg")),
        ),
        category="calendar",
    ),
    # mix
    Case(
        "Andre mandag i måneden kl 10 send survey te sykehjemman",
        _monthly("10:00", weekday=MON, nth=2, **_one("survey", _g("sykehjem"))),
        category="calendar",
    ),
    # nb
    Case(
        "nest siste virkedag i måneden kl 12 send purring te alle",
        _monthly("12:00", business_day=-2, **_one("reminder", _all())),
        category="calendar",
    ),
    # --- events ---------------------------------------------------------------------------------
    # nb
    Case(
        "Når en kunde legger inn en bestilling, send kvittering",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "når nån bestille nå, send ordrebekreftelse te dem med en gang",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "When a new customer is created send them the welcome mail",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "Ny kunde registrert → Hei og velkommen",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "Når frost-alarm kjem inn, send en e-post te kunden som leie kjølerommet",
        _frost(steps=[SEND], recipients=[_ev()], triggers=[None]),
        category="events",
    ),
    # nb
    Case(
        "Når frost-alarm går, gi beskjed te lageret",
        _frost(staff_group="lager"),
        category="events",
    ),
    # mix
    Case(
        "When frost-alarm fires, tell sjåførene",
        _frost(staff_group="sjåfører"),
        category="events",
    ),
    # nb
    Case(
        "når leverandor-pris kommer, send Dagsferske priser til alle kunder",
        _prisfil(**_one("prisliste", _all(), triggers=[None])),
        category="events",
    ),
    # en
    Case(
        "when the leverandor-pris webhook comes in send the new price list to the restaurants "
        "and cafes",
        _prisfil(**_one("prisliste", _g("restauranter"), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "Når en kunde bestiller, gi beskjed til innkjøp",
        _event("order.created", staff_group="innkjøp"),
        category="events",
    ),
    # en
    Case(
        "If we get a frost-alarm, email that restaurant straight away",
        _frost(steps=[SEND], recipients=[_ev()], triggers=[None]),
        category="events",
    ),
    # mix
    Case(
        "ny kunde → send welcome email til kunden",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="events",
    ),
    # nb
    Case(
        "når leverandor-pris kjem, send kunden prislista",
        _prisfil(**_one("prisliste", _ev(), triggers=[None])),
        category="events",
    ),
    # --- delays ---------------------------------------------------------------------------------
    # nb
    Case(
        "To timer etter at en kunde har bestilt, send Ka syns du?",
        _event("order.created", **_one("survey", _ev(), triggers=[_delay(2 * HOUR)])),
        category="delays",
    ),
    # en
    Case(
        "3 days after a new customer signs up send them the survey",
        _event("customer.created", **_one("survey", _ev(), triggers=[_delay(3 * DAY)])),
        category="delays",
    ),
    # nb
    Case(
        "Når nån bestille: kvittering med en gang, og et døgn etter spør vi om dem e fornøgd "
        "(undersøkelse)",
        _event(
            "order.created",
            steps=[SEND, SEND],
            templates=["confirmation", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(DAY)],
        ),
        category="delays",
    ),
    # nb
    Case(
        "Ny kunde: velkomst med en gang, tilbud etter en uke",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "tilbud"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(7 * DAY)],
        ),
        category="delays",
    ),
    # en
    Case(
        "half an hour after a customer orders, send the order confirmation",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(30)])),
        category="delays",
    ),
    # nb
    Case(
        "45 minutter etter ny ordre send ordrebekreftelse",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(45)])),
        category="delays",
    ),
    # mix
    Case(
        "ny kunde → welcome straks, survey 2 uker etter",
        _event(
            "customer.created",
            steps=[SEND, SEND],
            templates=["velkomst", "survey"],
            recipients=[_ev(), _ev()],
            triggers=[None, _delay(14 * DAY)],
        ),
        category="delays",
    ),
    # nb
    Case(
        "halvannen time etter at kunden har lagt inn bestilling, send kvittering",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(90)])),
        category="delays",
    ),
    # --- templates_by_meaning -------------------------------------------------------------------
    # nb
    Case(
        "Send prisan te kafean kvar mandag kl 6",
        _wk1(MON, "06:00", "prisliste", _g("restauranter")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "email the newsletter to all customers on the 1st of each month at 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send Røverkjøp til butikkene hver torsdag kl 12",
        _wk1(THU, "12:00", "tilbud", _g("butikker")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hei alle sammen,\n\njeg håper påskeplanleggingen går fint. Siden vi snakket om "
        "kvalitet på møtet: kan kundeundersøkelsen sendes til sykehjemmene hver fredag kl 13? "
        "Jeg tar gjerne imot svarene i regnskap også, men det haster ikke.\n\nMed vennlig "
        "hilsen\nRandi Aune\nTrøndelag Frukt og Grønt AS",
        _wk1(FRI, "13:00", "survey", _g("sykehjem")),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "Ka syns du? → barnehagan, every friday 2pm 🙏",
        _wk1(FRI, "14:00", "survey", _g("barnehager")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "every tuesday 10am send this weeks deals to the juice bars",
        _wk1(TUE, "10:00", "tilbud", _g("juicebarer")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "månedsbrevet skal gå ut te alle den 5. kvar måned kl 9",
        _monthly("09:00", day_of_month=5, **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send ukens priser pa frukt og gront til kantinene hver sondag kl 17",
        _wk1("sunday", "17:00", "prisliste", _g("kantiner")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "kampanje til cateringfirmaene hver onsdag kl 8",
        _wk1(WED, "08:00", "tilbud", _g("catering")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Jeg vil sende prisliste til torghandlerne hver fredag klokken 6 om morgen",
        _wk1(FRI, "06:00", "prisliste", _g("torg")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Send Grønne nyheter te alle den siste i måneden kl 12",
        _monthly("12:00", day_of_month="last", **_one("newsletter", _all())),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Send the welcome letter to catering firms every monday at 11",
        _wk1(MON, "11:00", "velkomst", _g("catering")),
        category="templates_by_meaning",
    ),
    # --- new_templates --------------------------------------------------------------------------
    # nb
    Case(
        "Hver fredag kl 10 send betalingspåminnelse for ubetalte fakturaer til cateringfirmaene",
        _wk1(FRI, "10:00", "new", _g("catering")),
        category="new_templates",
    ),
    # nb
    Case(
        "Send info om endra leveringsdager i påska te alle kvar mandag kl 8",
        _wk1(MON, "08:00", "new", _all()),
        category="new_templates",
    ),
    # en
    Case(
        "Every first Monday of the month at 9 send the allergen list to the kindergartens",
        _monthly("09:00", weekday=MON, nth=1, **_one("new", _g("barnehager"))),
        category="new_templates",
    ),
    # nb
    Case(
        "Kvar torsdag kl 15 send påminnelse om å levere tilbake tomkassene (pant) te butikkan",
        _wk1(THU, "15:00", "new", _g("butikker")),
        category="new_templates",
    ),
    # mix
    Case(
        "send sesongkalender for norsk frukt te restaurantan, first day of every month kl 8",
        _monthly("08:00", day_of_month=1, **_one("new", _g("restauranter"))),
        category="new_templates",
    ),
    # en
    Case(
        "every wednesday at 11 send the delivery route plan to the canteens",
        _wk1(WED, "11:00", "new", _g("kantiner")),
        category="new_templates",
    ),
    # nb
    Case(
        "Hver mandag kl 7 send oppskrift på ukas suppe til sykehjemmene",
        _wk1(MON, "07:00", "new", _g("sykehjem")),
        category="new_templates",
    ),
    # --- must_ask -------------------------------------------------------------------------------
    # nb
    Case("Send skjema te hotellan kvar mandag kl 9", Q, category="must_ask"),
    # en
    Case("send the price list to the schools every friday at 8", Q, category="must_ask"),
    # nb
    Case("Send tilbud til bakeriene hver onsdag kl 10", Q, category="must_ask"),
    # nb
    Case("Send skjema te kundan i Steinkjer kvar tysdag kl 8", Q, category="must_ask"),
    # mix
    Case("send reminder til de store kundene hver fredag kl 11", Q, category="must_ask"),
    # nb
    Case("Send skjema til sykehusene hver mandag kl 8", Q, category="must_ask"),
    # nb
    Case("send sms til alle kunder hver mandag kl 9 om at skjemaet er ute", Q, category="must_ask"),
    # en
    Case(
        "Call the nursing homes every thursday at 10 to remind them to order",
        Q,
        category="must_ask",
    ),
    # mix
    Case("send påminnelse på whatsapp te restaurantan fredag kl 12", Q, category="must_ask"),
    # nb
    Case(
        "Send skjema til alle hver mandag kl 9, men ikke send noe på mandager",
        Q,
        category="must_ask",
    ),
    # nb
    Case("Send skjema til alle hver mandag kl 9. Nei forresten, glem det.", Q, category="must_ask"),
    # nb
    Case("Send prislista te alle kl 26 hver dag", Q, category="must_ask"),
    # en
    Case("order form to everyone every tuesday at 24:15", Q, category="must_ask"),
    # nb
    Case("send nyhetsbrevet til alle 30. februar kl 10", Q, category="must_ask"),
    # nb
    Case("femte mandag i måneden kl 9 send skjema til alle", Q, category="must_ask"),
    # nb
    Case("hver tiende uke på mandag kl 9 send tilbud til alle", Q, category="must_ask"),
    # nb
    Case("Når en kunde endrer adressen sin, send bekreftelse", Q, category="must_ask"),
    # en
    Case("when a customer cancels an order, send them the survey", Q, category="must_ask"),
    # nb
    Case("Når kunden betaler fakturaen, send en takk", Q, category="must_ask"),
    # nb
    Case("Oppdater telefonnummeret til Bakklandet Bistro", Q, category="must_ask"),
    # nb
    Case("Send Røverkjøp te juicebaran", Q, category="must_ask"),
    # en
    Case("send the order form to the canteens pls", Q, category="must_ask"),
    # nb
    Case("Kjøp 20 kasser epler fra Lier", Q, category="must_ask"),
    # nb
    Case("ka e været i Steinkjer i mårra?", Q, category="must_ask"),
    # nb
    Case(
        "Hei! Håper alt står bra til. Jeg lurer på om du kan sende meg fakturaoversikten for "
        "februar når du får tid. Mvh Randi",
        Q,
        category="must_ask",
    ),
    # en
    Case(
        "Please tomorrow the truck go to Steinkjer at 6, is broken the door", Q, category="must_ask"
    ),
]


HELD_OUT_V11_CONVERSATIONS: list[EditCase] = [
    # --- answers: the start makes the assistant ask, the follow-up answers ---------------------
    # nb
    EditCase(
        "Send nyhetsbrevet te alle kundan kvar måned",
        "den første kl 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # nb
    EditCase(
        "Send prislista til kantinene",
        "fredag kl 12",
        _wk1(FRI, "12:00", "prisliste", _g("kantiner")),
        category="answers",
    ),
    # nb
    EditCase(
        "send tilbud te hotellan hver tysdag kl 8",
        "restaurantan",
        _wk1(TUE, "08:00", "tilbud", _g("restauranter")),
        category="answers",
    ),
    # nb
    EditCase(
        "Skjema til barnehagan",
        "mandag kl 7",
        _wk1(MON, "07:00", "bestilling", _g("barnehager")),
        category="answers",
    ),
    # en
    EditCase(
        "send the survey to the nursing homes",
        "every other friday at 2pm",
        _weekly(FRI, "14:00", every_weeks=2, anchor="2028-03-24", **_one("survey", _g("sykehjem"))),
        category="answers",
    ),
    # nb
    EditCase(
        "Send kvittering te kunden",
        "når dem har bestilt",
        _event("order.created", **_one("confirmation", _ev(), triggers=[None])),
        category="answers",
    ),
    # en
    EditCase(
        "send the welcome email",
        "when a new customer signs up",
        _event("customer.created", **_one("velkomst", _ev(), triggers=[None])),
        category="answers",
    ),
    # nb
    EditCase(
        "Røverkjøp te torghandleran",
        "hver dag kl 6",
        _daily("06:00", **_one("tilbud", _g("torg"))),
        category="answers",
    ),
    # nb
    EditCase(
        "Send ukesprisene til bakeriene hver mandag kl 8",
        "alle",
        _wk1(MON, "08:00", "prisliste", _all()),
        category="answers",
    ),
    # mix
    EditCase(
        "send order form til juicebarene hver onsdag",
        "kl 9",
        _wk1(WED, "09:00", "bestilling", _g("juicebarer")),
        category="answers",
    ),
    # --- edits: the start is a draft, the follow-up changes it -------------------------------
    # nb
    EditCase(
        "Skjema mandag kl 9, påminnelse torsdag kl 14 te restaurantan som itj har bestilt",
        "flytt påminnelsen te onsdag kl 12",
        _weekly(
            MON, "09:00", **_form_remind(_at(MON, "09:00"), _at(WED, "12:00"), _g("restauranter"))
        ),
        category="edits",
    ),
    # nb
    EditCase(
        "Skjema mandag kl 9 og purring onsdag kl 13 te butikkan, purringa bare te dem som itj "
        "har bestilt",
        "legg te at dem som fortsatt itj har bestilt fredag kl 10 får standardbestillinga si",
        _weekly(
            MON,
            "09:00",
            **_chain(
                ["bestilling", "reminder", None],
                [_at(MON, "09:00"), _at(WED, "13:00"), _at(FRI, "10:00")],
                _g("butikker"),
            ),
        ),
        category="edits",
    ),
    # nb
    EditCase(
        "send tilbud til restaurantene og juicebarene hver fredag kl 9",
        "fjern juicebarene",
        _wk1(FRI, "09:00", "tilbud", _g("restauranter")),
        category="edits",
    ),
    # nb
    EditCase(
        "Nyhetsbrev til alle første mandag i måneden kl 10",
        "gjør det kl halv ni i stedet",
        _monthly("08:30", weekday=MON, nth=1, **_one("newsletter", _all())),
        category="edits",
    ),
    # nb
    EditCase(
        "Skjema hver mandag kl 9 til butikkene",
        "ikke send på helligdager",
        _weekly(MON, "09:00", holiday_policy="skip", **_one("bestilling", _g("butikker"))),
        category="edits",
    ),
    # nb
    EditCase(
        "Send Røverkjøp til juicebarene hver onsdag kl 10",
        "nei, send prislista i stedet",
        _wk1(WED, "10:00", "prisliste", _g("juicebarer")),
        category="edits",
    ),
    # en
    EditCase(
        "Order form to the canteens every Tuesday 8am",
        "and a reminder Thursday 1pm to those who havent ordered",
        _weekly(TUE, "08:00", **_form_remind(_at(TUE, "08:00"), _at(THU, "13:00"), _g("kantiner"))),
        category="edits",
    ),
    # en
    EditCase(
        "Survey every friday 3pm to the kindergartens",
        "make it monday instead",
        _wk1(MON, "15:00", "survey", _g("barnehager")),
        category="edits",
    ),
    # nb
    EditCase(
        "Prisliste kvar mandag kl 6 te butikkan",
        "om det e fridag, send neste virkedag",
        _weekly(
            MON, "06:00", holiday_policy="next_business_day", **_one("prisliste", _g("butikker"))
        ),
        category="edits",
    ),
    # nb
    EditCase(
        "Når en ordre kommer inn, send kvittering",
        "vent en time først",
        _event("order.created", **_one("confirmation", _ev(), triggers=[_delay(HOUR)])),
        category="edits",
    ),
    # nb
    EditCase(
        "skjema te sykehjemman tysdag kl 8, påminnelse torsdag kl 12 te dem som itj har bestilt",
        "fjern påminnelsen",
        _wk1(TUE, "08:00", "bestilling", _g("sykehjem")),
        category="edits",
    ),
]
