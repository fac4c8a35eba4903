"""Held-out phrasing set v15 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: of the format doc
``/work/shared/docs/workflow-format.md`` the section "Calendar schedules", the event types and
the checks (``/work/shared/docs/nl-examples.md`` was not read; its defaults are taken from v14's
conventions); of ``benchmarks/parser_accuracy.py`` ``Case`` and ``key_facts``;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders; no file under
``ai_assistant/`` was opened, ``ai_assistant/context.py`` is only imported); of
``tests/ai_assistant/held_out_v14.py`` only the part above ``HELD_OUT_V14: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class
EditCase``); of ``benchmarks/bench_offline_parser.py`` the lines of v14's imports and rows (to
add this set's rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark
test's list of metric names (to add this set's two). The parser was never run on these cases
(only an import of this module, to check that it is well-formed) before the one measurement.

The business: Karmøy Skole & Hobby Engros AS, a wholesaler of school supplies, craft materials
and toys in Haugesund with a warehouse in Kopervik. Customers: schools (skoler, skulane), SFO
(after-school care), kindergartens (barnehager, barnehagane), bookshops (bokhandler), toy shops
(leketøysbutikker), libraries (bibliotek), municipal offices (kommuner) and craft shops
(hobbybutikker). Its people write Haugesund dialect ("eg", "ikkje", "ka", "me", "kvar",
"skulane", "te"), a German-born buyer writes Norwegian with German word order ("sende vi",
"som ikke bestilt har", "direkt"), the principal of a customer school writes formal
bureaucratic Bokmål ("vedrørende", "iht.", "utsendes", passive voice), an intern writes English
with Norwegian words mixed in ("the bestillingsskjema", "the SFOs", "the kommuner"), some
dictate without punctuation (spelled-out times), some type with typos (swapped letters, missing
spaces). Webhooks named in texts: ``handleliste`` (a school's or shop's purchasing system sends
us its supply list; the webhook's data names that customer, so "kunden" is the event's
customer) and ``katalog-import`` (our supplier's new catalogue has been imported; it is about no
customer).

Each case has a language tag in the comment above it: ``nb``, ``dial`` (Haugesund dialect),
``de`` (German-born writer's Norwegian), ``formal`` (bureaucratic Bokmål), ``en`` (English with
Norwegian words), ``dict`` (dictated, no punctuation) or ``typo``. Categories, as v14's:
``basic``, ``chains``, ``multi_day``, ``conditions``, ``calendar``, ``events``, ``delays``,
``templates_by_meaning``, ``new_templates``, ``must_ask``. The conversations
(``HELD_OUT_V15_CONVERSATIONS``) are ``answers`` or ``edits``; their ``expected`` is the draft
after the follow-up.

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v14's (and so v13's), restated briefly: weekly single sends and chains give ``triggers`` equal to
the first step's day and time, none for daily, monthly, several-day or calendar-kind schedules;
event steps "med en gang" / "straks" / "direkt" / "right away" have trigger ``None``, "N minutes
/ hours / døgn / weeks after" a ``delay_minutes``; telling a staff group gives only the event
and ``staff_group``; later chain steps go to the first step's audience with ``orders_missing``
since ``execution_start``; "standardordre" / "vanlig ordre" / "usual order" is ``create_order``
``repeat_last``; a reminder without a time is at 15:00; windows "siden mandag" ``last_monday``,
"to uker" 14 days, "3 weeks" 21, "30 dager" 30; "hver hverdag" ``weekdays_only``, "hver
virkedag" ``business_days_only``; ``every_weeks`` anchored on the date given, otherwise on the
next such weekday after today (no unanchored case uses Wednesday); holiday policy only where the
text says what happens on a public holiday ("rød dag" / "raud dag" is one).

School-year timing ("første skoledag", "høstferien", "siste skoledag før sommerferien") cannot
be written in the format (it knows public holidays and closed days, not a school calendar), so
such a request is a question.

Group slugs: skoler / skolene / skulane ``skole``; SFO / SFO-ene / SFO-ane ``sfo``; barnehager /
barnehagene / barnehagane / kindergartens ``barnehage``; bokhandler / bokhandlene / bokhandlane
``bokhandel``; leketøysbutikker / leketøysbutikkene / toy shops ``leketoy``; bibliotek /
bibliotekene / bibliotekå / libraries ``bibliotek``; kommuner / kommunene / kommunane
``kommune``; hobbybutikker / hobbybutikkene / hobbybutikkane / craft shops ``hobby``.
"Butikkene" (bookshops, toy shops or craft shops?), universities and "kundene i Kopervik" are
not groups: a question.

Templates by meaning: bestillingsskjema / skjemaet ``bestilling``; påminnelse / påminning /
"har dere glemt å bestille"-mailen ``reminder``; ordrebekreftelse ``confirmation``; prisliste /
"mailen med de nye prisene" ``prisliste``; nyhetsbrev ``newsletter``; tilbud / kampanje /
"månedens rabatter" ``tilbud``; velkomst ``velkomst``; overdue invoices / fakturapurring
``faktura``; påfyll / "mailen om at de snart går tom" ``påfyll``; pre-order for school start
``sesong``. A fair invitation, delivery routes, a survey or toy-safety labelling is ``"new"``.

Today is Wednesday 14 August 2030 (ISO week 33), a few days before the schools start; the next
Thursday is 2030-08-15, Friday 2030-08-16, Monday 2030-08-19, Tuesday 2030-08-20.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ai_assistant.context import GroupInfo, ParseContext, TemplateInfo
from benchmarks.parser_accuracy import Case
from tests.ai_assistant import expected_facts as facts
from tests.ai_assistant.expected_facts import DAY, HOUR, ORDER, REPORT, SEND
from tests.ai_assistant.parser_phrasings_v2 import EditCase

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

# Wednesday 14 August 2030 (ISO week 33), just before the school year starts.
HELD_OUT_V15_TODAY = dt.date(2030, 8, 14)

HELD_OUT_V15_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1501,
        "name": "Ukens innkjøpsliste",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill skole- og hobbymateriell for neste uke",
    },
    {
        "id": 1502,
        "name": "Ikke glem oss",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi har ikke fått bestillingen deres ennå",
    },
    {
        "id": 1503,
        "name": "Mottatt med takk",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Ordren din er registrert",
    },
    {
        "id": 1504,
        "name": "Prisoversikt",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Priser på skrivesaker, formingsmateriell og leker",
    },
    {
        "id": 1505,
        "name": "Karmøybladet",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Karmøy Skole & Hobby",
    },
    {
        "id": 1506,
        "name": "Ukens røverkjøp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Rabatt på fargeblyanter, perler og brettspill",
    },
    {
        "id": 1507,
        "name": "Hyggelig å ha deg med",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde hos Karmøy Skole & Hobby",
    },
    {
        "id": 1508,
        "name": "Utestående beløp",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Fakturaen din har forfalt",
    },
    {
        "id": 1509,
        "name": "Tomt i skuffen?",
        "category": "påfyll",
        "variables": ["kunde_navn", "produkt_liste", "bestilling_link"],
        "subject": "Trenger dere mer papir, lim og tusjer?",
    },
    {
        "id": 1510,
        "name": "Klar til skolestart",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Forhåndsbestill skolesekker, kladdebøker og penal før skolestart",
    },
]

HELD_OUT_V15_GROUPS: list[GroupInfo] = [
    {"slug": "skole", "name": "Skoler", "size": 42},
    {"slug": "sfo", "name": "SFO", "size": 31},
    {"slug": "barnehage", "name": "Barnehager", "size": 57},
    {"slug": "bokhandel", "name": "Bokhandler", "size": 12},
    {"slug": "leketoy", "name": "Leketøysbutikker", "size": 16},
    {"slug": "bibliotek", "name": "Bibliotek", "size": 9},
    {"slug": "kommune", "name": "Kommuner", "size": 7},
    {"slug": "hobby", "name": "Hobbybutikker", "size": 21},
]

HELD_OUT_V15_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "økonomi"]


def held_out_v15_context() -> ParseContext:
    """Karmøy Skole & Hobby's templates, groups and staff groups, on ``HELD_OUT_V15_TODAY``."""
    return facts.business_context(
        HELD_OUT_V15_TEMPLATES, HELD_OUT_V15_GROUPS, HELD_OUT_V15_STAFF_GROUPS, HELD_OUT_V15_TODAY
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


def _handleliste(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``handleliste`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="handleliste")


def _cal(kind: Any, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V15: list[Case] = [
    # --- basic ---
    # nb
    Case(
        "Send bestillingsskjemaet til skolene hver mandag klokka 08:00.",
        _wk1(MON, "08:00", "bestilling", _g("skole")),
    ),
    # dial
    Case(
        "Eg vil at barnehagane får prislista kvar fredag kl 10",
        _wk1(FRI, "10:00", "prisliste", _g("barnehage")),
    ),
    # de
    Case(
        "Hver tirsdag klokken 09.30 sende vi nyhetsbrevet til alle kundene.",
        _wk1(TUE, "09:30", "newsletter", _all()),
    ),
    # en
    Case(
        "Send the tilbud to the bokhandlere every Thursday at 11am",
        _wk1(THU, "11:00", "tilbud", _g("bokhandel")),
    ),
    # dict
    Case(
        "send bestillingsskjemaet til bibliotekene hver onsdag klokka ti over ni",
        _wk1(WED, "09:10", "bestilling", _g("bibliotek")),
    ),
    # typo
    Case(
        "Sendprislista til hobbybutikkene hver torsdga kl 13:00",
        _wk1(THU, "13:00", "prisliste", _g("hobby")),
    ),
    # formal
    Case(
        "Det bes om at nyhetsbrev vedrørende nytt sortiment utsendes til kommunene hver mandag "
        "kl. 12.00.",
        _wk1(MON, "12:00", "newsletter", _g("kommune")),
    ),
    # nb
    Case(
        "Send påfyllsmailen til SFO-ene hver dag kl 07:30",
        _daily("07:30", **_one("påfyll", _g("sfo"))),
    ),
    # nb
    Case(
        "Hver fredag kl 14:00 vil jeg ha en rapport på e-post til leder@karmoy-skole.no over "
        "hvem som ikke har bestilt.",
        _weekly(FRI, "14:00", **_report(["leder@karmoy-skole.no"], "orders_missing")),
    ),
    # --- chains ---
    # nb
    Case(
        "Hver mandag kl 08:00 sender vi bestillingsskjema til skolene, dagen etter kl 12:00 en "
        "påminnelse til dem som ikke har bestilt, og onsdag kl 10:00 legger vi inn vanlig ordre "
        "for dem som fortsatt ikke har bestilt.",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(TUE, "12:00"), _at(WED, "10:00")],
            _g("skole"),
        ),
        "chains",
    ),
    # dial
    Case(
        "Kvar tysdag klokka ni sende me skjemaet te barnehagane, og dagen etter klokka 14 ei "
        "påminning te dei som ikkje har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "09:00"), _at(WED, "14:00")], _g("barnehage")
        ),
        "chains",
    ),
    # de
    Case(
        "Hver mandag klokken 07.30 skal skjemaet til leketøysbutikkene gå ut, to dager senere "
        "klokken 15.00 kommer påminnelsen til dem som ikke bestilt har, og fredag klokken 10.00 "
        "lager vi standardordren for dem som fortsatt ikke bestilt har.",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "07:30"), _at(WED, "15:00"), _at(FRI, "10:00")],
            _g("leketoy"),
        ),
        "chains",
    ),
    # en
    Case(
        "Every Tuesday 8am send the bestillingsskjema to the SFOs, the day after at 3pm a "
        "reminder to those who haven't ordered, Thursday at noon a second reminder, and Friday "
        "at 9am place their usual order if they still haven't ordered",
        _weekly(
            TUE,
            "08:00",
            **facts.form_two_reminders_order(
                [_at(TUE, "08:00"), _at(WED, "15:00"), _at(THU, "12:00"), _at(FRI, "09:00")],
                _g("sfo"),
            ),
        ),
        "chains",
    ),
    # formal
    Case(
        "Iht. vedtatt rutine skal bestillingsskjema utsendes til bibliotekene hver torsdag kl. "
        "08.30, med påfølgende påminnelse til de bibliotek som ikke har bestilt mandagen etter "
        "kl. 12.00.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(THU, "08:30"), _at(MON, "12:00")], _g("bibliotek")
        ),
        "chains",
    ),
    # dict
    Case(
        "hver fredag klokka ni send bestillingsskjema til hobbybutikkene og så mandagen etter "
        "klokka elleve en påminnelse til de som ikke har bestilt og tirsdagen etter klokka ti "
        "legg inn standardordren til de som fortsatt ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(FRI, "09:00"), _at(MON, "11:00"), _at(TUE, "10:00")],
            _g("hobby"),
        ),
        "chains",
    ),
    # typo
    Case(
        "Hver mandga kl 09:00 send bestilingsskjema til kommunene, samme dag kl 15:00 "
        "påminelse til de som ikke har bestillt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(MON, "15:00")], _g("kommune")
        ),
        "chains",
    ),
    # nb
    Case(
        "Hver onsdag kl 08:00 går bestillingsskjemaet til bokhandlene, og på torsdag får de som "
        "ikke har bestilt en påminnelse.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(WED, "08:00"), _at(THU, "15:00")], _g("bokhandel")
        ),
        "chains",
    ),
    # --- multi_day ---
    # nb
    Case(
        "Send prislista til leketøysbutikkene mandag og torsdag kl 10:00",
        _days([MON, THU], "10:00", **_one("prisliste", _g("leketoy"))),
        "multi_day",
    ),
    # dial
    Case(
        "Skjemaet ska gå te skulane måndag, onsdag og fredag klokka åtte",
        _days([MON, WED, FRI], "08:00", **_one("bestilling", _g("skole"))),
        "multi_day",
    ),
    # de
    Case(
        "Fra mandag til torsdag klokken 14.00 sende vi påfyllmailen til bibliotekene.",
        _days([MON, TUE, WED, THU], "14:00", **_one("påfyll", _g("bibliotek"))),
        "multi_day",
    ),
    # en
    Case(
        "Send the tilbud to the hobbybutikker on Tuesdays and Fridays at 1pm",
        _days([TUE, FRI], "13:00", **_one("tilbud", _g("hobby"))),
        "multi_day",
    ),
    # dict
    Case(
        "nyhetsbrevet til barnehagene tirsdag og torsdag klokka halv elleve",
        _days([TUE, THU], "10:30", **_one("newsletter", _g("barnehage"))),
        "multi_day",
    ),
    # typo
    Case(
        "Send bestillingsskjemaet til SFO-enehver mandag og onsdga kl 08:15",
        _days([MON, WED], "08:15", **_one("bestilling", _g("sfo"))),
        "multi_day",
    ),
    # --- conditions ---
    # nb
    Case(
        "Hver mandag kl 09:00: send tilbudet til bokhandlene som ikke har bestilt de siste 14 "
        "dagene.",
        _wk1(MON, "09:00", "tilbud", _g("bokhandel"), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # dial
    Case(
        "Kvar fredag klokka ti ska skulane som ikkje har bestilt sia måndag få ei påminning",
        _wk1(FRI, "10:00", "reminder", _g("skole"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # en
    Case(
        "Every Thursday at 2pm send the reminder to the barnehager that haven't ordered in 3 weeks",
        _wk1(THU, "14:00", "reminder", _g("barnehage"), conditions=[_missing(days_back=21)]),
        "conditions",
    ),
    # de
    Case(
        "Hver tirsdag klokken 08.00 sende vi prislista til kommunene som de siste 30 dagene "
        "bestilt har.",
        _wk1(TUE, "08:00", "prisliste", _g("kommune"), conditions=[_ordered(days_back=30)]),
        "conditions",
    ),
    # formal
    Case(
        "Det skal hver onsdag kl. 11.00 utsendes tilbud til de bokhandler som ikke har foretatt "
        "bestilling siden mandag.",
        _wk1(WED, "11:00", "tilbud", _g("bokhandel"), conditions=[_missing(since="last_monday")]),
        "conditions",
    ),
    # typo
    Case(
        "Hver fredga kl 12:00 send kampanjen til leketøysbutikkene som ikke har bestillt på to "
        "uker",
        _wk1(FRI, "12:00", "tilbud", _g("leketoy"), conditions=[_missing(days_back=14)]),
        "conditions",
    ),
    # dict
    Case(
        "hver mandag klokka sju send påfyllmailen til hobbybutikkene som har bestilt de siste ti "
        "dagene",
        _wk1(MON, "07:00", "påfyll", _g("hobby"), conditions=[_ordered(days_back=10)]),
        "conditions",
    ),
    # --- calendar ---
    # nb
    Case(
        "Annenhver tirsdag kl 09:00 sender vi prislista til skolene.",
        _cal(TUE, "09:00", "prisliste", _g("skole"), every_weeks=2, anchor="2030-08-20"),
        "calendar",
    ),
    # dial
    Case(
        "Kvar tredje fredag klokka ti, frå 6. september, ska bokhandlane få nyhetsbrevet",
        _cal(FRI, "10:00", "newsletter", _g("bokhandel"), every_weeks=3, anchor="2030-09-06"),
        "calendar",
    ),
    # en
    Case(
        "Send the newsletter to the bibliotek every other Monday at 8am starting 2 September",
        _cal(MON, "08:00", "newsletter", _g("bibliotek"), every_weeks=2, anchor="2030-09-02"),
        "calendar",
    ),
    # de
    Case(
        "I oddetallsuker på torsdag klokken 10.00 sende vi tilbudet til leketøysbutikkene.",
        _cal(THU, "10:00", "tilbud", _g("leketoy"), iso_weeks="odd"),
        "calendar",
    ),
    # formal
    Case(
        "Prisliste utsendes til kommunene mandager i partallsuker kl. 08.00.",
        _cal(MON, "08:00", "prisliste", _g("kommune"), iso_weeks="even"),
        "calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08:00 sender vi nyhetsbrevet til alle kundene.",
        _cal("monthly", "08:00", "newsletter", _all(), weekday=MON, nth=1),
        "calendar",
    ),
    # dial
    Case(
        "Siste fredag i månaden klokka tolv ska kommunane få fakturapurringa",
        _cal("monthly", "12:00", "faktura", _g("kommune"), weekday=FRI, nth=-1),
        "calendar",
    ),
    # en
    Case(
        "Send the prisliste to all customers on the first business day of every month at 7am",
        _cal("monthly", "07:00", "prisliste", _all(), business_day=1),
        "calendar",
    ),
    # de
    Case(
        "Den siste virkedagen i måneden klokken 14.00 sende vi fakturapurringen til bokhandlene.",
        _cal("monthly", "14:00", "faktura", _g("bokhandel"), business_day=-1),
        "calendar",
    ),
    # formal
    Case(
        "Nyhetsbrev utsendes barnehagene tredje virkedag i hver måned kl. 09.00.",
        _cal("monthly", "09:00", "newsletter", _g("barnehage"), business_day=3),
        "calendar",
    ),
    # nb
    Case(
        "Hver torsdag kl 09:00 skjema til skolene, men ikke på helligdager.",
        _cal(THU, "09:00", "bestilling", _g("skole"), holiday_policy="skip"),
        "calendar",
    ),
    # en
    Case(
        "Every Monday at 8am send the bestillingsskjema to the SFOs; if it's a public holiday, "
        "send it the business day before instead",
        _cal(MON, "08:00", "bestilling", _g("sfo"), holiday_policy="previous_business_day"),
        "calendar",
    ),
    # dial
    Case(
        "Prislista te hobbybutikkane kvar måndag klokka åtte, og e det raud dag så ta det dagen "
        "etter",
        _cal(MON, "08:00", "prisliste", _g("hobby"), holiday_policy="next_business_day"),
        "calendar",
    ),
    # nb
    Case(
        "Send påminnelse til SFO hver hverdag kl 15:00",
        {
            "type": "scheduled",
            "time": "15:00",
            "weekdays_only": True,
            **_one("reminder", _g("sfo")),
        },
        "calendar",
    ),
    # dict
    Case(
        "send påfyllmailen til bibliotekene hver virkedag klokka åtte",
        {
            "type": "scheduled",
            "time": "08:00",
            "business_days_only": True,
            **_one("påfyll", _g("bibliotek")),
        },
        "calendar",
    ),
    # typo
    Case(
        "annenhver fredga kl 10:00 nyhetsbrev til barnehagene, ogsåpå helligdager",
        _cal(
            FRI,
            "10:00",
            "newsletter",
            _g("barnehage"),
            every_weeks=2,
            anchor="2030-08-16",
            holiday_policy="run",
        ),
        "calendar",
    ),
    # formal
    Case(
        "Annenhver onsdag f.o.m. 21. august kl. 13.00 utsendes tilbud til bokhandlene.",
        _cal(WED, "13:00", "tilbud", _g("bokhandel"), every_weeks=2, anchor="2030-08-21"),
        "calendar",
    ),
    # --- events ---
    # nb
    Case(
        "Når en ny kunde blir registrert, send velkomstmailen med en gang.",
        _event_sends("customer.created", ["velkomst"], [None]),
        "events",
    ),
    # en
    Case(
        "When a new order is created, tell the lager right away",
        _event("order.created", staff_group="lager"),
        "events",
    ),
    # dial
    Case(
        "Når ein ny kunde kjem inn, send velkomsten med ein gong og prislista ein time etter",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(HOUR)]),
        "events",
    ),
    # nb
    Case(
        "Når webhooken handleliste kommer, send bestillingsskjemaet til kunden straks.",
        _handleliste(["bestilling"], [None]),
        "events",
    ),
    # nb
    Case(
        "Når katalog-import-webhooken kommer inn, gi beskjed til salg.",
        _event("webhook", event_name="katalog-import", staff_group="salg"),
        "events",
    ),
    # de
    Case(
        "Når en bestilling kommer inn, sende vi ordrebekreftelsen til kunden direkt.",
        _event_sends("order.created", ["confirmation"], [None]),
        "events",
    ),
    # formal
    Case(
        "Ved mottak av webhook «handleliste» skal kundeservice varsles umiddelbart.",
        _event("webhook", event_name="handleliste", staff_group="kundeservice"),
        "events",
    ),
    # --- delays ---
    # nb
    Case(
        "Når en kunde bestiller, send ordrebekreftelse med en gang og påfyllsmailen 2 uker etter.",
        _event_sends("order.created", ["confirmation", "påfyll"], [None, _delay(14 * DAY)]),
        "delays",
    ),
    # en
    Case(
        "When a new customer signs up, send the velkomst after 30 minutes and the prisliste 2 "
        "days later",
        _event_sends("customer.created", ["velkomst", "prisliste"], [_delay(30), _delay(2 * DAY)]),
        "delays",
    ),
    # dial
    Case(
        "Når handleliste-webhooken kjem, send skjemaet te kunden ein halvtime etter",
        _handleliste(["bestilling"], [_delay(30)]),
        "delays",
    ),
    # typo
    Case(
        "Når en ny kunde registreres send velkomstmail etter 1 time og tilbudet 3 døgn etterpå",
        _event_sends("customer.created", ["velkomst", "tilbud"], [_delay(HOUR), _delay(3 * DAY)]),
        "delays",
    ),
    # dict
    Case(
        "når det kommer en ny ordre send ordrebekreftelsen til kunden etter ti minutter",
        _event_sends("order.created", ["confirmation"], [_delay(10)]),
        "delays",
    ),
    # --- templates_by_meaning ---
    # nb
    Case(
        "Hver mandag kl 09:00 sender vi «har dere glemt å bestille?»-mailen til skolene.",
        _wk1(MON, "09:00", "reminder", _g("skole")),
        "templates_by_meaning",
    ),
    # en
    Case(
        "Every Friday at 10am send the email about overdue invoices to the kommuner",
        _wk1(FRI, "10:00", "faktura", _g("kommune")),
        "templates_by_meaning",
    ),
    # dial
    Case(
        "Kvar tysdag klokka åtte, send mailen om å forhåndsbestille te skulestart te SFO-ane",
        _wk1(TUE, "08:00", "sesong", _g("sfo")),
        "templates_by_meaning",
    ),
    # de
    Case(
        "Hver torsdag klokken 09.00 sende vi mailen med de nye prisene til bokhandlene.",
        _wk1(THU, "09:00", "prisliste", _g("bokhandel")),
        "templates_by_meaning",
    ),
    # formal
    Case(
        "Hver mandag kl. 10.00 utsendes oversikt over ukens rabatter til leketøysbutikkene.",
        _wk1(MON, "10:00", "tilbud", _g("leketoy")),
        "templates_by_meaning",
    ),
    # dict
    Case(
        "hver onsdag klokka elleve send mailen om at de snart går tom for papir og lim til "
        "bibliotekene",
        _wk1(WED, "11:00", "påfyll", _g("bibliotek")),
        "templates_by_meaning",
    ),
    # --- new_templates ---
    # nb
    Case(
        "Send en invitasjon til høstmessen vår til alle kundene hver mandag kl 10:00.",
        _wk1(MON, "10:00", "new", _all()),
        "new_templates",
    ),
    # en
    Case(
        "Every Tuesday at 9am email the skoler our delivery routes for the week",
        _wk1(TUE, "09:00", "new", _g("skole")),
        "new_templates",
    ),
    # dial
    Case(
        "Kvar fredag klokka tolv vil eg sende ei spørreundersøkelse te bibliotekå om kor "
        "fornøgde dei e med leveringane",
        _wk1(FRI, "12:00", "new", _g("bibliotek")),
        "new_templates",
    ),
    # formal
    Case(
        "Informasjon vedrørende CE-merking og sikkerhetskrav for leker utsendes "
        "leketøysbutikkene hver torsdag kl. 08.00.",
        _wk1(THU, "08:00", "new", _g("leketoy")),
        "new_templates",
    ),
    # --- must_ask ---
    # dial
    Case("Send ein SMS te skulane kvar måndag klokka åtte", Q, "must_ask"),
    # nb
    Case("Send bestillingsskjemaet til skolene første skoledag kl 08:00.", Q, "must_ask"),
    # formal
    Case(
        "Iht. skoleruta skal nyhetsbrev utsendes barnehagene første mandag i høstferien kl. 09.00.",
        Q,
        "must_ask",
    ),
    # en
    Case("Send the tilbud to the universities every Monday at 9am", Q, "must_ask"),
    # de
    Case(
        "Den femte mandagen i måneden klokken 08.00 sende vi prislista til bokhandlene.",
        Q,
        "must_ask",
    ),
    # typo
    Case("Send nyhetsbrevet til kommunene hver tirsdga kl 25:00", Q, "must_ask"),
    # dict
    Case("send tilbudet til bokhandlene", Q, "must_ask"),
    # nb
    Case("Slett alle kundene som ikke har bestilt på et år.", Q, "must_ask"),
    # dial
    Case("Når ein kunde har bursdag, send ei helsing", Q, "must_ask"),
    # en
    Case("When an order is cancelled, email the customer right away", Q, "must_ask"),
    # formal
    Case(
        "Det bes om at kundene oppfordres via Facebook til å bestille hver fredag kl. 10.00.",
        Q,
        "must_ask",
    ),
    # nb
    Case("Send prislista til butikkene hver mandag kl 08:00.", Q, "must_ask"),
    # de
    Case("Hver 10. uke på mandag klokken 09.00 sende vi nyhetsbrevet til skolene.", Q, "must_ask"),
    # en
    Case(
        "Send the newsletter to the SFOs every Monday at 8am, but never on Mondays",
        Q,
        "must_ask",
    ),
    # nb
    Case("Send tilbudet til kundene i Kopervik hver torsdag kl 10:00.", Q, "must_ask"),
    # dial
    Case("Ka e klokka no?", Q, "must_ask"),
    # typo
    Case("Send nyhetsbrevet til barnehagene 31. februra kl 09:00", Q, "must_ask"),
    # nb
    Case(
        "Send bestillingsskjemaet til skolene dagen etter siste skoledag før sommerferien.",
        Q,
        "must_ask",
    ),
    # dict
    Case("ring bibliotekene som ikke har bestilt hver fredag klokka ti", Q, "must_ask"),
]

HELD_OUT_V15_CONVERSATIONS: list[EditCase] = [
    # --- answers ---
    # nb
    EditCase(
        "Send nyhetsbrevet til barnehagene.",
        "hver torsdag kl 10:00",
        _wk1(THU, "10:00", "newsletter", _g("barnehage")),
        "answers",
    ),
    # nb
    EditCase(
        "Send tilbudet til butikkene hver fredag kl 09:00.",
        "leketøysbutikkene",
        _wk1(FRI, "09:00", "tilbud", _g("leketoy")),
        "answers",
    ),
    # dial
    EditCase(
        "Send prislista te kommunane",
        "kvar måndag klokka åtte",
        _wk1(MON, "08:00", "prisliste", _g("kommune")),
        "answers",
    ),
    # en
    EditCase(
        "Send the tilbud to the bokhandlere every Tuesday",
        "at 11am",
        _wk1(TUE, "11:00", "tilbud", _g("bokhandel")),
        "answers",
    ),
    # nb
    EditCase(
        "Send nyhetsbrevet hver onsdag kl 12:00 til kundene i Kopervik.",
        "Til hobbybutikkene",
        _wk1(WED, "12:00", "newsletter", _g("hobby")),
        "answers",
    ),
    # typo
    EditCase(
        "Send påminnelse til SFO hver mandga kl 25:00",
        "kl 15:00",
        _wk1(MON, "15:00", "reminder", _g("sfo")),
        "answers",
    ),
    # --- edits ---
    # nb
    EditCase(
        "Send bestillingsskjemaet til skolene hver mandag kl 08:00.",
        "Gjør det på tirsdag i stedet.",
        _wk1(TUE, "08:00", "bestilling", _g("skole")),
    ),
    # dial
    EditCase(
        "Send prislista te bibliotekå kvar fredag klokka ti",
        "endre tida te 13:30",
        _wk1(FRI, "13:30", "prisliste", _g("bibliotek")),
    ),
    # nb
    EditCase(
        "Send nyhetsbrevet til barnehagene hver torsdag kl 09:00.",
        "Nei, send det til bibliotekene i stedet.",
        _wk1(THU, "09:00", "newsletter", _g("bibliotek")),
    ),
    # nb
    EditCase(
        "Hver mandag kl 09:00 bestillingsskjema til hobbybutikkene.",
        "Legg til en påminnelse onsdag kl 15:00 til de som ikke har bestilt.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "15:00")], _g("hobby")
        ),
    ),
    # de
    EditCase(
        "Hver tirsdag klokken 08.00 sende vi tilbudet til leketøysbutikkene.",
        "Men bare annenhver uke.",
        _cal(TUE, "08:00", "tilbud", _g("leketoy"), every_weeks=2, anchor="2030-08-20"),
    ),
    # en
    EditCase(
        "When a new customer is registered, send the velkomst right away",
        "actually wait one hour first",
        _event_sends("customer.created", ["velkomst"], [_delay(HOUR)]),
    ),
]
