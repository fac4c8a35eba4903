"""Held-out phrasing set v16 for the offline assistant: measured once, at the end, untuned.

Written by a new writer who never looked at the parser nor at the cases of any other phrasing
or held-out set, so that it measures how the parser generalises to phrasings nobody tuned it
on. What the writer read, and nothing else of the repository: ``/work/shared/docs/
workflow-format.md`` and ``/work/shared/docs/nl-examples.md`` (whole); of
``benchmarks/parser_accuracy.py`` ``Case``, ``key_facts`` and ``compare``;
``tests/ai_assistant/expected_facts.py`` whole (the shared fact builders; no file under
``ai_assistant/`` was opened, ``ai_assistant/context.py`` is only imported); of
``tests/ai_assistant/held_out_v15.py`` only the part above ``HELD_OUT_V15: list[Case] = [``
(docstring with the conventions, imports, templates, groups, context builder, fact-building
helpers); of ``tests/ai_assistant/parser_phrasings_v2.py`` lines 1150-1200 (``class
EditCase``); of ``benchmarks/bench_offline_parser.py`` the lines of v15's imports and rows (to
add this set's rows) and, of ``tests/ai_assistant/test_parser_accuracy.py``, the benchmark
test's list of metric names (to add this set's two). The parser was never run on these cases
(only an import of this module, to check that it is well-formed) before the one measurement.

The business: Nordlys Byggvare Engros AS, a wholesaler of building materials, hardware, paint
and pipe fittings in Bodø with a warehouse at Mørkved. Customers: hardware stores
(jernvarehandler), painters (malere, maleran, malarar), carpenters (snekkere, snekkeran),
plumbers (rørleggere, rørleggeran, røyrleggjarar), housing cooperatives (borettslag), farms
(gårdsbruk, gardsbruk), boat harbours (båthavner, båthavnan, båthamner, marinas) and cabin
owners' associations (hytteforeninger, hytteforeiningan, hyttelag). Its writers: the owner in
Nordland dialect ("æ", "ikkje", "kor", "førr", "ska", "dokker", "kvar", "te", definite plurals
in "-an"); a Polish-born foreman writing simple Norwegian (missing articles and auxiliaries,
wrong gender and number: "til alle snekker", "som ikke bestilt"); a young salesperson writing
chat-style English-Norwegian mix with emojis and arrows; someone writing long run-on sentences
chained with "og så"; someone giving instructions as numbered lists, "felt: verdi" lines or
arrows ("mandag 07 -> skjema"); someone writing in the polite conditional ("Kunne dere sørget
for at ..."); voice dictation with spelled-out numbers and no punctuation; a Nynorsk writer
("kvar", "måndag", "tysdag", "veke", "ikkje", "dei", "påminning", "stadfesting"); plain
English.

Webhooks named in texts: ``anbud`` (a customer asks for a quote through our web form; its data
names that customer, so "kunden" is the event's customer) and ``prisfil`` (our supplier's new
price file has been imported; it is about no customer, so "send it to the customer" after it is
a question).

Each case has a language tag in the comment above it: ``nb``, ``dial`` (Nordland dialect),
``pl`` (Polish-born writer's Norwegian), ``mix`` (chat English-Norwegian with emojis),
``run`` (run-on "og så" chains), ``list`` (bullets, numbered lines, arrows), ``polite``
(conditional Bokmål), ``dict`` (dictated, no punctuation, spelled-out numbers), ``nn``
(Nynorsk) or ``en``. Categories, as v15's: ``basic``, ``chains``, ``multi_day``,
``conditions``, ``calendar``, ``events``, ``delays``, ``templates_by_meaning``,
``new_templates``, ``must_ask``. The conversations (``HELD_OUT_V16_CONVERSATIONS``) are
``answers`` or ``edits``; their ``expected`` is the draft after the follow-up.

``expected`` is ``"question"`` or the key facts the text clearly determines; the conventions are
v15's, restated briefly: weekly single sends and chains give ``triggers`` equal to the first
step's day and time, none for daily, monthly, several-day or calendar-kind schedules (a weekly
send with a holiday policy lists no triggers either); event steps "med en gang" / "straks" /
"right away" / "asap" have trigger ``None``, "N minutter / timer / døgn / dager / uke after" a
``delay_minutes`` (relative to the step before); telling a staff group gives only the event and
``staff_group``; later chain steps go to the first step's audience with ``orders_missing``
since ``execution_start``; "standardordre" / "vanlig ordre" / "usual order" is
``create_order`` ``repeat_last``; a reminder without a time is at 15:00; windows "siden
mandag" ``last_monday``, "siden tirsdag" ``last_tuesday``, "to uker" 14 days, "tre veker" 21,
"4 weeks" 28, "30 dager" 30; a single reminder without a stated window lists no condition;
"hver hverdag" ``weekdays_only``, "hver virkedag" ``business_days_only``; "siste dag i
måneden" ``day_of_month`` ``"last"``, "siste virkedag" ``business_day`` -1; ``every_weeks``
anchored on the date given (a relative day such as "i morgen" or "onsdag i neste uke" is
resolved against today), otherwise on the next such weekday after today (today is a Monday, so
no unanchored case uses Monday); holiday policy only where the text says what happens on a
public holiday ("rød dag" / "raud dag" / "helligdag" is one): "hopp over" ``skip``, "dagen
etter" ``next_business_day``, "dagen før" / "siste virkedag før" ``previous_business_day``.
"Klokka halv ni" is 08:30; "søndag kveld klokka åtte" 20:00.

What the format cannot express is a question: the school or season calendar ("fellesferien",
"når snøen har gått", "når båtsesongen starter"), the weather, invoice amounts or payment
status, order amounts or order counts, places that are not groups ("kundene i Lofoten",
"Fauske og Saltdal"), "everyone except a group", every 10th week (``every_weeks`` is 1..8), a
5th weekday of the month (``nth`` is 1..4 or -1), other channels (SMS, phone calls), a time
such as 25:00, a choice left open ("torsdag eller fredag"), switching audiences by season; and
so are destructive or out-of-scope requests (deleting every workflow, buying goods for our own
warehouse, changing prices), a request with no "when" at all, and a request whose group could
be several ("håndverkerne": painters, carpenters or plumbers).

Group slugs: jernvarehandler / jernvarehandlene / hardware stores ``jernvare``; malere /
malerne / maleran / malarane / painters ``maler``; snekkere / snekkerne / snekkeran /
carpenters ``snekker``; rørleggere / rørleggerne / rørleggeran / røyrleggjarane / plumbers
``rorlegger``; borettslag / borettslagene / borettslaga / borettslagan / housing co-ops
``borettslag``; gårdsbruk / gårdsbrukene / gardsbruka / farms ``gard``; båthavner /
båthavnene / båthamnene / båthavnan / marinas ``bathavn``; hytteforeninger /
hytteforeningene / hytteforeiningan / cabin associations ``hytteforening``.

Templates by meaning: ukeskjema / bestillingsskjema / skjemaet / order form ``bestilling``;
påminnelse / påminning / purring / "vi savner bestillingen deres"-mailen ``reminder``;
ordrebekreftelse / bekreftelse / stadfesting ``confirmation``; prisliste / prislista /
"mailen med de nye prisene" / "oppdaterte priser på trelast" ``prisliste``; nyhetsbrev /
Byggposten / "kundebladet" ``newsletter``; tilbud / ukas kupp / "rabatt på beis og skruer"
``tilbud``; velkomst ``velkomst``; "mailen om ubetalte fakturaer" / fakturapurring / "invoice
reminder" ``faktura``; vårkatalogen / sesongkatalogen / "forhåndsbestilling av terrassebord og
båtpuss" ``sesong``; "kjørerutene" / "mailen om når bilen kommer" / "delivery schedule"
``levering``. Safety data sheets, an open-day invitation, a satisfaction survey, Easter opening
hours, a product recall, HSE tips, a storm warning and fire-safety tips are ``"new"``.

Today is Monday 7 April 2031 (ISO week 15), the start of Easter week: the next Tuesday is
2031-04-08, Wednesday 2031-04-09, Thursday 2031-04-10 (skjærtorsdag), Friday 2031-04-11
(langfredag), Monday 2031-04-14 (2. påskedag, ISO week 16); Wednesday in the next week is
2031-04-16, and Friday 25 April and Friday 2 May 2031 are Fridays.
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

# Monday 7 April 2031 (ISO week 15), the start of Easter week.
HELD_OUT_V16_TODAY = dt.date(2031, 4, 7)

HELD_OUT_V16_TEMPLATES: list[TemplateInfo] = [
    {
        "id": 1601,
        "name": "Ukeskjema byggvare",
        "category": "bestilling",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Bestill materialer til neste uke",
    },
    {
        "id": 1602,
        "name": "Har dere glemt oss?",
        "category": "reminder",
        "variables": ["kunde_navn", "bestilling_link", "frist"],
        "subject": "Vi savner bestillingen deres",
    },
    {
        "id": 1603,
        "name": "Ordre mottatt",
        "category": "confirmation",
        "variables": ["kunde_navn", "ordre_nummer", "leveringsdato"],
        "subject": "Takk for ordren, vi plukker den nå",
    },
    {
        "id": 1604,
        "name": "Prisfil",
        "category": "prisliste",
        "variables": ["kunde_navn", "prisliste_link", "gyldig_fra"],
        "subject": "Oppdaterte priser på trelast, maling og rør",
    },
    {
        "id": 1605,
        "name": "Byggposten",
        "category": "newsletter",
        "variables": ["kunde_navn", "maaned"],
        "subject": "Nytt fra Nordlys Byggvare",
    },
    {
        "id": 1606,
        "name": "Ukas kupp",
        "category": "tilbud",
        "variables": ["kunde_navn", "tilbud_liste", "bestilling_link"],
        "subject": "Rabatt på beis, skruer og isolasjon",
    },
    {
        "id": 1607,
        "name": "Velkommen om bord",
        "category": "velkomst",
        "variables": ["kunde_navn", "kontaktperson", "portal_link"],
        "subject": "Velkommen som kunde hos Nordlys Byggvare",
    },
    {
        "id": 1608,
        "name": "Forfalt faktura",
        "category": "faktura",
        "variables": ["kunde_navn", "faktura_nummer", "belop", "forfallsdato"],
        "subject": "Påminnelse om ubetalt faktura",
    },
    {
        "id": 1609,
        "name": "Vårsesongen",
        "category": "sesong",
        "variables": ["kunde_navn", "sesong", "forhandsbestilling_link"],
        "subject": "Forhåndsbestill beis, terrassebord og båtpuss før våren",
    },
    {
        "id": 1610,
        "name": "Kjøreruter",
        "category": "levering",
        "variables": ["kunde_navn", "rute", "leveringsdag"],
        "subject": "Når kommer bilen til deg? Ukens kjøreruter",
    },
]

HELD_OUT_V16_GROUPS: list[GroupInfo] = [
    {"slug": "jernvare", "name": "Jernvarehandler", "size": 23},
    {"slug": "maler", "name": "Malere", "size": 48},
    {"slug": "snekker", "name": "Snekkere", "size": 64},
    {"slug": "rorlegger", "name": "Rørleggere", "size": 29},
    {"slug": "borettslag", "name": "Borettslag", "size": 17},
    {"slug": "gard", "name": "Gårdsbruk", "size": 36},
    {"slug": "bathavn", "name": "Båthavner", "size": 11},
    {"slug": "hytteforening", "name": "Hytteforeninger", "size": 14},
]

HELD_OUT_V16_STAFF_GROUPS = ["lager", "salg", "sjåfører", "kundeservice", "regnskap"]


def held_out_v16_context() -> ParseContext:
    """Nordlys Byggvare's templates, groups and staff groups, on ``HELD_OUT_V16_TODAY``."""
    return facts.business_context(
        HELD_OUT_V16_TEMPLATES, HELD_OUT_V16_GROUPS, HELD_OUT_V16_STAFF_GROUPS, HELD_OUT_V16_TODAY
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


def _anbud(templates: list[str], triggers: list[dict[str, Any] | None]) -> dict[str, Any]:
    """Sends to the customer the ``anbud`` webhook names."""
    return _event_sends("webhook", templates, triggers, event_name="anbud")


def _cal(kind: Any, time: str, template: str, recipients: dict[str, Any], **cfg: Any) -> Any:
    """A calendar-kind schedule (no ``triggers``): weekly on ``kind`` (a day) or monthly."""
    if kind == "monthly":
        return _monthly(time, **cfg, **_one(template, recipients))
    return _weekly(kind, time, **cfg, **_one(template, recipients))


# --- The cases ---------------------------------------------------------------------------------

HELD_OUT_V16: list[Case] = [
    # ---- basic ----
    # dial
    Case(
        "Kvar mandag klokka åtte ska dokker send ukeskjemaet te alle kundan",
        _wk1(MON, "08:00", "bestilling", _all()),
        category="basic",
    ),
    # pl
    Case(
        "Hver tirsdag kl 7 send bestillingsskjema til alle snekker",
        _wk1(TUE, "07:00", "bestilling", _g("snekker")),
        category="basic",
    ),
    # mix
    Case(
        "every thursday 2pm send ukas kupp to the painters 🎨👍",
        _wk1(THU, "14:00", "tilbud", _g("maler")),
        category="basic",
    ),
    # dict
    Case(
        "hver fredag klokka ti send prislista til jernvarehandlene",
        _wk1(FRI, "10:00", "prisliste", _g("jernvare")),
        category="basic",
    ),
    # nn
    Case(
        "Kvar onsdag klokka 11 skal nyheitsbrevet sendast til alle borettslaga",
        _wk1(WED, "11:00", "newsletter", _g("borettslag")),
        category="basic",
    ),
    # polite
    Case(
        "Kunne dere sørget for at rørleggerne får bestillingsskjemaet hver tirsdag klokken "
        "halv ni?",
        _wk1(TUE, "08:30", "bestilling", _g("rorlegger")),
        category="basic",
    ),
    # en
    Case(
        "Send the order form to the marinas every Saturday at 10",
        _wk1(SAT, "10:00", "bestilling", _g("bathavn")),
        category="basic",
    ),
    # list
    Case(
        "- dag: søndag\n- tid: 18:00\n- hva: nyhetsbrevet\n- til: hytteforeningene",
        _wk1(SUN, "18:00", "newsletter", _g("hytteforening")),
        category="basic",
    ),
    # dial
    Case(
        "Kvar dag klokka sju ska maleran få ukas kupp",
        _daily("07:00", **_one("tilbud", _g("maler"))),
        category="basic",
    ),
    # nb
    Case(
        "Hver hverdag kl 06:30 send ukas kupp til snekkerne",
        _daily("06:30", weekdays_only=True, **_one("tilbud", _g("snekker"))),
        category="basic",
    ),
    # pl
    Case(
        "Den 5. hver måned kl 10 send fakturapurring til alle gårdsbruk",
        _monthly("10:00", day_of_month=5, **_one("faktura", _g("gard"))),
        category="basic",
    ),
    # mix
    Case(
        "1st of every month 9am prislista → all customers pls 🙏",
        _monthly("09:00", day_of_month=1, **_one("prisliste", _all())),
        category="basic",
    ),
    # nb
    Case(
        "Hver fredag kl 16 send ukesrapport over bestillingene til sjef@nordlysbygg.no",
        _weekly(FRI, "16:00", **_report(["sjef@nordlysbygg.no"], "weekly_orders")),
        category="basic",
    ),
    # dict
    Case(
        "siste dag i måneden klokka femten send rapport over hvem som ikke har bestilt til "
        "innkjop@nordlysbygg.no",
        _monthly(
            "15:00", day_of_month="last", **_report(["innkjop@nordlysbygg.no"], "orders_missing")
        ),
        category="basic",
    ),
    # ---- chains ----
    # nb
    Case(
        "Mandag kl 8 skjema til snekkerne, onsdag kl 12 påminnelse, fredag kl 9 legg inn "
        "vanlig ordre for dem som fortsatt ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "08:00"), _at(WED, "12:00"), _at(FRI, "09:00")],
            _g("snekker"),
        ),
        category="chains",
    ),
    # list
    Case(
        "mandag 07 -> skjema til maleran\ntorsdag 13 -> purring\nfredag 08 -> standardordre",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "07:00"), _at(THU, "13:00"), _at(FRI, "08:00")],
            _g("maler"),
        ),
        category="chains",
    ),
    # run
    Case(
        "Send bestillingsskjemaet til rørleggerne tirsdag kl 9 og så en påminnelse onsdag kl 14 "
        "og så en ny påminnelse torsdag kl 10 og så legger du inn den vanlige ordren fredag "
        "kl 8 for dem som ennå ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", "reminder", None],
            [_at(TUE, "09:00"), _at(WED, "14:00"), _at(THU, "10:00"), _at(FRI, "08:00")],
            _g("rorlegger"),
        ),
        category="chains",
    ),
    # pl
    Case(
        "Mandag klokka 9 send skjema til alle borettslag. Torsdag send påminnelse til de som "
        "ikke bestilt.",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(THU, "15:00")], _g("borettslag")
        ),
        category="chains",
    ),
    # mix
    Case(
        "tue 10am order form to the hardware stores, thu 4pm reminder if no order yet 😅",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "10:00"), _at(THU, "16:00")], _g("jernvare")
        ),
        category="chains",
    ),
    # nn
    Case(
        "Send bestillingsskjemaet til gardsbruka tysdag klokka 8, og påminning fredag klokka 12 "
        "til dei som ikkje har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(TUE, "08:00"), _at(FRI, "12:00")], _g("gard")
        ),
        category="chains",
    ),
    # polite
    Case(
        "Kunne dere sendt skjemaet til båthavnene onsdager kl 10, og deretter en påminnelse "
        "fredag kl 11 til dem som ikke har bestilt innen da?",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(WED, "10:00"), _at(FRI, "11:00")], _g("bathavn")
        ),
        category="chains",
    ),
    # dict
    Case(
        "mandag klokka sju send skjema til alle kundene torsdag klokka tolv påminnelse og "
        "fredag klokka ti standardordre til de som ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(MON, "07:00"), _at(THU, "12:00"), _at(FRI, "10:00")],
            _all(),
        ),
        category="chains",
    ),
    # en
    Case(
        "Wednesday 9:15 send the weekly order form to the cabin associations; Friday 1pm remind "
        "those who haven't ordered; Saturday 9am place their usual order",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(WED, "09:15"), _at(FRI, "13:00"), _at(SAT, "09:00")],
            _g("hytteforening"),
        ),
        category="chains",
    ),
    # dial
    Case(
        "Søndag kveld klokka åtte skjema te hytteforeiningan, og mandag klokka ti ei "
        "påminnels te dem som ikkje har bestilt",
        _weekly_chain(
            ["bestilling", "reminder"],
            [_at(SUN, "20:00"), _at(MON, "10:00")],
            _g("hytteforening"),
        ),
        category="chains",
    ),
    # list
    Case(
        "1. Tirsdag kl 06:45: bestillingsskjema til rørleggerne\n"
        "2. Onsdag kl 15: påminnelse til dem som ikke har bestilt\n"
        "3. Torsdag kl 07: legg inn vanlig ordre for resten",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "06:45"), _at(WED, "15:00"), _at(THU, "07:00")],
            _g("rorlegger"),
        ),
        category="chains",
    ),
    # run
    Case(
        "Hver onsdag kl 8 sender dere skjemaet til gårdsbrukene og så på fredag kl 12 en "
        "påminnelse til de som ikke har bestilt og så lørdag kl 9 legger dere inn den vanlige "
        "ordren deres",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(WED, "08:00"), _at(FRI, "12:00"), _at(SAT, "09:00")],
            _g("gard"),
        ),
        category="chains",
    ),
    # ---- multi_day ----
    # nb
    Case(
        "Send skjema mandag og torsdag kl 9 til malerne",
        _days([MON, THU], "09:00", **_one("bestilling", _g("maler"))),
        category="multi_day",
    ),
    # dial
    Case(
        "Tirsdag og fredag klokka sju ska snekkeran få tilbudsmailen",
        _days([TUE, FRI], "07:00", **_one("tilbud", _g("snekker"))),
        category="multi_day",
    ),
    # mix
    Case(
        "mon+wed+fri 8am ukas kupp til alle 🔥",
        _days([MON, WED, FRI], "08:00", **_one("tilbud", _all())),
        category="multi_day",
    ),
    # pl
    Case(
        "Onsdag og lørdag kl 10 send prisliste til båthavn",
        _days([WED, SAT], "10:00", **_one("prisliste", _g("bathavn"))),
        category="multi_day",
    ),
    # nn
    Case(
        "Måndag, onsdag og fredag klokka 7 skal røyrleggjarane få bestillingsskjemaet",
        _days([MON, WED, FRI], "07:00", **_one("bestilling", _g("rorlegger"))),
        category="multi_day",
    ),
    # list
    Case(
        "Dager: tirsdag, torsdag\nKlokkeslett: 14:30\nMal: prislista\nMottakere: jernvarehandlerne",
        _days([TUE, THU], "14:30", **_one("prisliste", _g("jernvare"))),
        category="multi_day",
    ),
    # dict
    Case(
        "hver tirsdag og hver fredag klokka halv åtte send skjemaet til borettslagene",
        _days([TUE, FRI], "07:30", **_one("bestilling", _g("borettslag"))),
        category="multi_day",
    ),
    # en
    Case(
        "Twice a week, Monday and Thursday at 11, send the newsletter to the farms",
        _days([MON, THU], "11:00", **_one("newsletter", _g("gard"))),
        category="multi_day",
    ),
    # ---- conditions ----
    # nb
    Case(
        "Hver fredag kl 12 send tilbud til snekkerne som ikke har bestilt på to uker",
        _wk1(FRI, "12:00", "tilbud", _g("snekker"), conditions=[_missing(days_back=14)]),
        category="conditions",
    ),
    # dial
    Case(
        "Kvar torsdag klokka 14 send påminnelse te alle som ikkje har bestilt sia mandag",
        _wk1(THU, "14:00", "reminder", _all(), conditions=[_missing(since="last_monday")]),
        category="conditions",
    ),
    # pl
    Case(
        "Hver onsdag kl 9 send prisliste til maler som har bestilt siste 30 dager",
        _wk1(WED, "09:00", "prisliste", _g("maler"), conditions=[_ordered(days_back=30)]),
        category="conditions",
    ),
    # mix
    Case(
        "every day at 11 remind kunder who havent ordered in 10 days 🙄",
        _daily("11:00", **_one("reminder", _all(), conditions=[_missing(days_back=10)])),
        category="conditions",
    ),
    # nn
    Case(
        "Kvar måndag klokka 10: send påminning til borettslaga som ikkje har bestilt på tre veker",
        _wk1(MON, "10:00", "reminder", _g("borettslag"), conditions=[_missing(days_back=21)]),
        category="conditions",
    ),
    # polite
    Case(
        "Kunne dere hver fredag klokken 15 sendt ukas kupp til de kundene som har bestilt "
        "siden tirsdag?",
        _wk1(FRI, "15:00", "tilbud", _all(), conditions=[_ordered(since="last_tuesday")]),
        category="conditions",
    ),
    # en
    Case(
        "Every Monday 8am send the order form only to plumbers who haven't ordered for 4 weeks",
        _wk1(MON, "08:00", "bestilling", _g("rorlegger"), conditions=[_missing(days_back=28)]),
        category="conditions",
    ),
    # dict
    Case(
        "hver torsdag klokka ni send tilbudet til gårdsbrukene som ikke har bestilt på sju dager",
        _wk1(THU, "09:00", "tilbud", _g("gard"), conditions=[_missing(days_back=7)]),
        category="conditions",
    ),
    # nb
    Case(
        "Hver lørdag kl 9 skal båthavnene få nyhetsbrevet, men bare de som har bestilt noe de "
        "siste 14 dagene",
        _wk1(SAT, "09:00", "newsletter", _g("bathavn"), conditions=[_ordered(days_back=14)]),
        category="conditions",
    ),
    # ---- calendar ----
    # nb
    Case(
        "Annenhver tirsdag kl 10 send prislista til jernvarehandlene",
        _cal(TUE, "10:00", "prisliste", _g("jernvare"), every_weeks=2, anchor="2031-04-08"),
        category="calendar",
    ),
    # dial
    Case(
        "Annakvar fredag klokka ni ska maleran få skjemaet, første gang 25. april",
        _cal(FRI, "09:00", "bestilling", _g("maler"), every_weeks=2, anchor="2031-04-25"),
        category="calendar",
    ),
    # pl
    Case(
        "Hver tredje uke på torsdag kl 8 send tilbud til alle snekker",
        _cal(THU, "08:00", "tilbud", _g("snekker"), every_weeks=3, anchor="2031-04-10"),
        category="calendar",
    ),
    # mix
    Case(
        "every 2nd week on wed 9am newsletter → cabin associations, starting onsdag i neste uke 🗓️",
        _cal(WED, "09:00", "newsletter", _g("hytteforening"), every_weeks=2, anchor="2031-04-16"),
        category="calendar",
    ),
    # nb
    Case(
        "Første mandag i måneden kl 08 send nyhetsbrevet til alle",
        _cal("monthly", "08:00", "newsletter", _all(), weekday=MON, nth=1),
        category="calendar",
    ),
    # nn
    Case(
        "Siste fredag i kvar månad klokka 14 skal prislista sendast til gardsbruka",
        _cal("monthly", "14:00", "prisliste", _g("gard"), weekday=FRI, nth=-1),
        category="calendar",
    ),
    # en
    Case(
        "Last business day of every month at 12, send the invoice reminder to all customers",
        _cal("monthly", "12:00", "faktura", _all(), business_day=-1),
        category="calendar",
    ),
    # dict
    Case(
        "første virkedag i måneden klokka åtte send prislista til alle kundene",
        _cal("monthly", "08:00", "prisliste", _all(), business_day=1),
        category="calendar",
    ),
    # polite
    Case(
        "Kunne dere sendt bestillingsskjemaet til borettslagene hver mandag klokken 9, men når "
        "mandagen er en helligdag, heller dagen etter?",
        _cal(MON, "09:00", "bestilling", _g("borettslag"), holiday_policy="next_business_day"),
        category="calendar",
    ),
    # dial
    Case(
        "Kvar torsdag klokka ti tilbud te snekkeran, men hopp over raude daga",
        _cal(THU, "10:00", "tilbud", _g("snekker"), holiday_policy="skip"),
        category="calendar",
    ),
    # nb
    Case(
        "Hver fredag kl 9 skjema til rørleggerne; faller fredagen på en rød dag, send dagen før",
        _cal(FRI, "09:00", "bestilling", _g("rorlegger"), holiday_policy="previous_business_day"),
        category="calendar",
    ),
    # list
    Case(
        "Hver virkedag kl 07:00 → ukas kupp → malerne",
        _daily("07:00", business_days_only=True, **_one("tilbud", _g("maler"))),
        category="calendar",
    ),
    # nn
    Case(
        "Kvar andre veke på måndag klokka 9 skal skjemaet til alle kundane, fyrste gong "
        "2. påskedag",
        _cal(MON, "09:00", "bestilling", _all(), every_weeks=2, anchor="2031-04-14"),
        category="calendar",
    ),
    # nb
    Case(
        "Bare i oddetallsuker: tirsdag kl 11 send prislista til rørleggerne",
        _cal(TUE, "11:00", "prisliste", _g("rorlegger"), iso_weeks="odd"),
        category="calendar",
    ),
    # pl
    Case(
        "Annenhver onsdag kl 12 send påminnelse til gårdsbruk som ikke bestilt på 14 dager, "
        "start 16. april",
        _weekly(
            WED,
            "12:00",
            every_weeks=2,
            anchor="2031-04-16",
            **_one("reminder", _g("gard"), conditions=[_missing(days_back=14)]),
        ),
        category="calendar",
    ),
    # en
    Case(
        "Second Tuesday of each month at 10am, send the season catalogue to the marinas",
        _cal("monthly", "10:00", "sesong", _g("bathavn"), weekday=TUE, nth=2),
        category="calendar",
    ),
    # dict
    Case(
        "hver fjerde fredag klokka tolv send nyhetsbrevet til hytteforeningene første gang "
        "fredag andre mai",
        _cal(FRI, "12:00", "newsletter", _g("hytteforening"), every_weeks=4, anchor="2031-05-02"),
        category="calendar",
    ),
    # mix
    Case(
        "annenhver torsdag kl 13 ukas kupp til the carpenters, first one skjærtorsdag 🐣",
        _cal(THU, "13:00", "tilbud", _g("snekker"), every_weeks=2, anchor="2031-04-10"),
        category="calendar",
    ),
    # nb
    Case(
        "Fra og med i morgen: annenhver tirsdag kl 07 send skjemaet til snekkerne",
        _cal(TUE, "07:00", "bestilling", _g("snekker"), every_weeks=2, anchor="2031-04-08"),
        category="calendar",
    ),
    # dial
    Case(
        "Annakvar fredag klokka 12 ska prislista te båthavnan, og vi starte på fredag",
        _cal(FRI, "12:00", "prisliste", _g("bathavn"), every_weeks=2, anchor="2031-04-11"),
        category="calendar",
    ),
    # ---- events ----
    # nb
    Case(
        "Når en kunde legger inn en ordre, send ordrebekreftelse med en gang",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # pl
    Case(
        "Når ny kunde registrert, gi beskjed til salg",
        _event("customer.created", staff_group="salg"),
        category="events",
    ),
    # mix
    Case(
        "new order in → ping lager asap 📦",
        _event("order.created", staff_group="lager"),
        category="events",
    ),
    # nb
    Case(
        "Når det kommer en anbudsforespørsel via anbud-webhooken, send prislista til kunden straks",
        _anbud(["prisliste"], [None]),
        category="events",
    ),
    # en
    Case(
        "When the prisfil webhook fires (new supplier prices imported), email the price list to "
        "all hardware stores",
        _event(
            "webhook",
            event_name="prisfil",
            steps=[SEND],
            templates=["prisliste"],
            recipients=[_g("jernvare")],
        ),
        category="events",
    ),
    # nn
    Case(
        "Når ein kunde legg inn ei bestilling, send stadfesting til kunden straks",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # polite
    Case(
        "Kunne dere varslet regnskap hver gang en ny kunde blir opprettet?",
        _event("customer.created", staff_group="regnskap"),
        category="events",
    ),
    # list
    Case(
        "Trigger: ny ordre\nHandling: send ordrebekreftelse\nNår: med en gang\nTil: kunden",
        _event_sends("order.created", ["confirmation"], [None]),
        category="events",
    ),
    # dial
    Case(
        "Kvar gang en ny kunde blir lagt inn ska kundeservice få beskjed",
        _event("customer.created", staff_group="kundeservice"),
        category="events",
    ),
    # ---- delays ----
    # nb
    Case(
        "To timer etter at en kunde har lagt inn en ordre, send ordrebekreftelsen",
        _event_sends("order.created", ["confirmation"], [_delay(2 * HOUR)]),
        category="delays",
    ),
    # dial
    Case(
        "Tre døgn etter at en ny kunde e registrert, send dem prislista",
        _event_sends("customer.created", ["prisliste"], [_delay(3 * DAY)]),
        category="delays",
    ),
    # en
    Case(
        "45 minutes after an order comes in, send the confirmation to the customer",
        _event_sends("order.created", ["confirmation"], [_delay(45)]),
        category="delays",
    ),
    # nn
    Case(
        "Ei veke etter at ein ny kunde er oppretta, send nyheitsbrevet til kunden",
        _event_sends("customer.created", ["newsletter"], [_delay(7 * DAY)]),
        category="delays",
    ),
    # pl
    Case(
        "Når kunde sender anbud (webhook anbud), send prisliste til kunde etter 30 minutter",
        _anbud(["prisliste"], [_delay(30)]),
        category="delays",
    ),
    # mix
    Case(
        "new customer → velkomst right away, then sesongkatalogen 5 days later 🌱",
        _event_sends("customer.created", ["velkomst", "sesong"], [None, _delay(5 * DAY)]),
        category="delays",
    ),
    # run
    Case(
        "Når det kommer en ny kunde så send velkomstmailen med en gang og så en dag etter det "
        "prislista og så en uke etter det igjen nyhetsbrevet",
        _event_sends(
            "customer.created",
            ["velkomst", "prisliste", "newsletter"],
            [None, _delay(DAY), _delay(7 * DAY)],
        ),
        category="delays",
    ),
    # polite
    Case(
        "Kunne dere sendt kunden en bekreftelse 90 minutter etter at ordren er lagt inn?",
        _event_sends("order.created", ["confirmation"], [_delay(90)]),
        category="delays",
    ),
    # ---- templates_by_meaning ----
    # nb
    Case(
        "Hver mandag kl 9 send mailen om ubetalte fakturaer til borettslagene",
        _wk1(MON, "09:00", "faktura", _g("borettslag")),
        category="templates_by_meaning",
    ),
    # dial
    Case(
        "Kvar torsdag klokka tolv send mailen med de nye prisan te alle",
        _wk1(THU, "12:00", "prisliste", _all()),
        category="templates_by_meaning",
    ),
    # mix
    Case(
        "every friday 3pm send the 'vi savner bestillingen deres' mail til snekkerne",
        _wk1(FRI, "15:00", "reminder", _g("snekker")),
        category="templates_by_meaning",
    ),
    # nn
    Case(
        "Kvar tysdag klokka 9 skal vårkatalogen sendast til båthamnene",
        _wk1(TUE, "09:00", "sesong", _g("bathavn")),
        category="templates_by_meaning",
    ),
    # en
    Case(
        "Every Wednesday at 10 send the delivery schedule email to the farms",
        _wk1(WED, "10:00", "levering", _g("gard")),
        category="templates_by_meaning",
    ),
    # pl
    Case(
        "Hver fredag kl 14 send rabatt mail på beis og skruer til maler",
        _wk1(FRI, "14:00", "tilbud", _g("maler")),
        category="templates_by_meaning",
    ),
    # polite
    Case(
        "Kunne dere sendt kundebladet vårt til hytteforeningene den 15. hver måned klokken 10?",
        _monthly("10:00", day_of_month=15, **_one("newsletter", _g("hytteforening"))),
        category="templates_by_meaning",
    ),
    # dict
    Case(
        "hver mandag klokka ni send mailen om når bilen kommer til alle gårdsbrukene",
        _wk1(MON, "09:00", "levering", _g("gard")),
        category="templates_by_meaning",
    ),
    # nb
    Case(
        "Hver torsdag kl 11 send Byggposten til malerne",
        _wk1(THU, "11:00", "newsletter", _g("maler")),
        category="templates_by_meaning",
    ),
    # dial
    Case(
        "Kvar mandag klokka sju send forhåndsbestillinga av terrassebord og båtpuss te båthavnan",
        _wk1(MON, "07:00", "sesong", _g("bathavn")),
        category="templates_by_meaning",
    ),
    # list
    Case(
        "tirsdag 10:00 -> mailen med oppdaterte priser på trelast -> snekkerne",
        _wk1(TUE, "10:00", "prisliste", _g("snekker")),
        category="templates_by_meaning",
    ),
    # ---- new_templates ----
    # nb
    Case(
        "Hver mandag kl 9 send sikkerhetsdatablad for malingen til malerne",
        _wk1(MON, "09:00", "new", _g("maler")),
        category="new_templates",
    ),
    # dial
    Case(
        "Første fredag i måneden klokka ti send invitasjon te kaffe og vafler på lageret te "
        "snekkeran",
        _cal("monthly", "10:00", "new", _g("snekker"), weekday=FRI, nth=1),
        category="new_templates",
    ),
    # en
    Case(
        "Every Monday at 8 send a customer satisfaction survey to the plumbers",
        _wk1(MON, "08:00", "new", _g("rorlegger")),
        category="new_templates",
    ),
    # nn
    Case(
        "Kvar dag klokka 8 send ei melding om opningstidene i påska til alle kundane",
        _daily("08:00", **_one("new", _all())),
        category="new_templates",
    ),
    # pl
    Case(
        "Hver tirsdag kl 10 send info om tilbakekalling av produkt til jernvarehandel",
        _wk1(TUE, "10:00", "new", _g("jernvare")),
        category="new_templates",
    ),
    # mix
    Case(
        "every thu 1pm send HMS-tips to the snekkere 👷",
        _wk1(THU, "13:00", "new", _g("snekker")),
        category="new_templates",
    ),
    # polite
    Case(
        "Kunne dere sendt et stormvarsel med tips om sikring av båter til båthavnene hver "
        "fredag klokken 12?",
        _wk1(FRI, "12:00", "new", _g("bathavn")),
        category="new_templates",
    ),
    # dict
    Case(
        "hver lørdag klokka ni send brannverntips til alle hytteforeningene",
        _wk1(SAT, "09:00", "new", _g("hytteforening")),
        category="new_templates",
    ),
    # run
    Case(
        "Hver mandag kl 10 og så hver uke fremover skal rørleggerne få en mail med tips om "
        "frostsikring av rør",
        _wk1(MON, "10:00", "new", _g("rorlegger")),
        category="new_templates",
    ),
    # ---- must_ask ----
    # run: a chain with no day or time at all
    Case(
        "Send skjema til alle og så en påminnelse og så den vanlige ordren til de som ikke har "
        "bestilt",
        Q,
        category="must_ask",
    ),
    # dial: a season the format does not know
    Case("Send sesongkatalogen te alle kundan når snøen har gått", Q, category="must_ask"),
    # nb: "håndverkerne" could be painters, carpenters or plumbers
    Case("Send prislista til håndverkerne hver fredag kl 9", Q, category="must_ask"),
    # pl: destructive
    Case("Slett alle workflow før påske", Q, category="must_ask"),
    # nb: no day of the month, no time
    Case("Send nyhetsbrevet til båthavnene hver måned", Q, category="must_ask"),
    # mix: out of scope (buying for our own warehouse)
    Case("kjøp 20 sekker sement til lageret asap 😬", Q, category="must_ask"),
    # nn: the holiday season, not a public holiday
    Case("Send vårkatalogen fyrste dag i fellesferien", Q, category="must_ask"),
    # en: invoice amounts cannot be checked
    Case(
        "Send the invoice reminder to customers who owe us more than 10 000 kr",
        Q,
        category="must_ask",
    ),
    # dict: every 10th week is beyond every_weeks 1..8
    Case("send skjema til malerne hver tiende uke på tirsdag klokka ni", Q, category="must_ask"),
    # polite: a fifth Thursday is beyond nth 1..4
    Case(
        "Kunne dere sendt tilbud til snekkerne den femte torsdagen i måneden klokken 10?",
        Q,
        category="must_ask",
    ),
    # dial: another channel
    Case("Send SMS te rørleggeran kvar mandag klokka åtte", Q, category="must_ask"),
    # nb: phone calls
    Case("Ring de kundene som ikke har bestilt på en måned", Q, category="must_ask"),
    # pl: no "when" at all
    Case("Send bestillingsskjema til rørlegger", Q, category="must_ask"),
    # mix: "everyone except a group"
    Case("send tilbud til alle unntatt rørleggerne every friday 10am 🙏", Q, category="must_ask"),
    # nb: a choice left open
    Case(
        "Send påminnelse til borettslagene torsdag eller fredag, samme for meg",
        Q,
        category="must_ask",
    ),
    # en: a place, not a group
    Case(
        "Send the newsletter to the customers in Lofoten every Monday at 9", Q, category="must_ask"
    ),
    # dict: order counts
    Case(
        "send tilbud til kundene som har bestilt mer enn tre ganger i år hver fredag klokka tolv",
        Q,
        category="must_ask",
    ),
    # nn: changing prices is out of scope
    Case("Gje alle malarane 10 prosent rabatt frå måndag", Q, category="must_ask"),
    # run: switching the audience by season
    Case(
        "Send skjema til snekkerne hver mandag kl 9 og så når det er påske send det bare til "
        "gårdsbrukene og så etter påske tilbake til snekkerne igjen",
        Q,
        category="must_ask",
    ),
    # list: the prisfil webhook is about no customer
    Case(
        "Webhook: prisfil\nHandling: send prislista\nTil: kunden",
        Q,
        category="must_ask",
    ),
    # polite: vague
    Case(
        "Kunne dere ordnet noe lurt for de kundene som har klaget i det siste?",
        Q,
        category="must_ask",
    ),
    # en: no such time
    Case("Send the order form to the carpenters at 25:00 every Tuesday", Q, category="must_ask"),
    # nb: the weather
    Case(
        "Send tilbud på beis til malerne hver fredag kl 10 når det er meldt oppholdsvær",
        Q,
        category="must_ask",
    ),
    # mix: order amounts
    Case(
        "send velkomst to new customers som bestiller for over 5000 kr 💰",
        Q,
        category="must_ask",
    ),
    # pl: places, not groups
    Case(
        "Send skjema til alle kunder i Fauske og Saltdal hver mandag kl 8", Q, category="must_ask"
    ),
    # dial: no when, no who
    Case("Æ vil ha nå som minne kundan på å bestill", Q, category="must_ask"),
    # en: payment status
    Case(
        "Every Friday at 9, send the price list only to customers who have paid their last invoice",
        Q,
        category="must_ask",
    ),
]


HELD_OUT_V16_CONVERSATIONS: list[EditCase] = [
    # ---- answers to the assistant's question ----
    # nb: the day of the month and time
    EditCase(
        "Send nyhetsbrevet til alle kundene hver måned",
        "den 1. klokka 10",
        _monthly("10:00", day_of_month=1, **_one("newsletter", _all())),
        category="answers",
    ),
    # dial: the group, one word
    EditCase(
        "Send prislista te håndverkeran kvar fredag klokka ni",
        "maleran",
        _wk1(FRI, "09:00", "prisliste", _g("maler")),
        category="answers",
    ),
    # pl: the when
    EditCase(
        "Send skjema til rørlegger",
        "tirsdager kl 8",
        _wk1(TUE, "08:00", "bestilling", _g("rorlegger")),
        category="answers",
    ),
    # en: the group, one word
    EditCase(
        "Send the weekly deals to the customers in Lofoten every Thursday at 10",
        "everyone",
        _wk1(THU, "10:00", "tilbud", _all()),
        category="answers",
    ),
    # nn: day and time of an every-other-week send
    EditCase(
        "Send bestillingsskjemaet til gardsbruka annakvar veke",
        "tysdag klokka 9",
        _cal(TUE, "09:00", "bestilling", _g("gard"), every_weeks=2, anchor="2031-04-08"),
        category="answers",
    ),
    # dial: a season replaced by a calendar rule
    EditCase(
        "Send sesongkatalogen te alle når snøen har gått",
        "ta heller første mandag i måneden klokka 9",
        _cal("monthly", "09:00", "sesong", _all(), weekday=MON, nth=1),
        category="answers",
    ),
    # mix: an impossible time corrected
    EditCase(
        "send ukas kupp til the painters every friday at 25",
        "15 sorry 😅",
        _wk1(FRI, "15:00", "tilbud", _g("maler")),
        category="answers",
    ),
    # dict: every tenth week corrected to every eighth
    EditCase(
        "send skjema til borettslagene hver tiende uke",
        "ok hver åttende uke da torsdag klokka ni",
        _cal(THU, "09:00", "bestilling", _g("borettslag"), every_weeks=8, anchor="2031-04-10"),
        category="answers",
    ),
    # ---- edits of a draft ----
    # nb: move a step
    EditCase(
        "Mandag kl 9 skjema til malerne, torsdag kl 15 påminnelse til de som ikke har bestilt",
        "flytt påminnelsen til onsdag kl 13",
        _weekly_chain(
            ["bestilling", "reminder"], [_at(MON, "09:00"), _at(WED, "13:00")], _g("maler")
        ),
        category="edits",
    ),
    # nb: add a step
    EditCase(
        "Hver tirsdag kl 8 skjema til snekkerne og påminnelse torsdag kl 12 til de som ikke "
        "har bestilt",
        "legg til vanlig ordre fredag kl 9 for dem som fortsatt ikke har bestilt",
        _weekly_chain(
            ["bestilling", "reminder", None],
            [_at(TUE, "08:00"), _at(THU, "12:00"), _at(FRI, "09:00")],
            _g("snekker"),
        ),
        category="edits",
    ),
    # dial: remove a group
    EditCase(
        "Kvar fredag klokka ti send ukas kupp te maleran og prislista te jernvarehandlan",
        "dropp jernvarehandlan",
        _wk1(FRI, "10:00", "tilbud", _g("maler")),
        category="edits",
    ),
    # nn: change the time
    EditCase(
        "Kvar onsdag klokka 11 send nyheitsbrevet til borettslaga",
        "gjer det klokka 14 i staden",
        _wk1(WED, "14:00", "newsletter", _g("borettslag")),
        category="edits",
    ),
    # polite: skip holidays
    EditCase(
        "Kunne dere sendt skjemaet til gårdsbrukene hver torsdag klokken 10?",
        "Og kunne dere hoppet over de gangene det er rød dag?",
        _cal(THU, "10:00", "bestilling", _g("gard"), holiday_policy="skip"),
        category="edits",
    ),
    # en: change the audience of a chain
    EditCase(
        "Every Monday 9am order form to the marinas, Thursday 3pm reminder to those who "
        "haven't ordered",
        "actually make it the cabin associations instead",
        _weekly_chain(
            ["bestilling", "reminder"],
            [_at(MON, "09:00"), _at(THU, "15:00")],
            _g("hytteforening"),
        ),
        category="edits",
    ),
    # mix: weekdays only
    EditCase(
        "daily 7am ukas kupp til alle",
        "only weekdays pls",
        _daily("07:00", weekdays_only=True, **_one("tilbud", _all())),
        category="edits",
    ),
    # pl: change the day
    EditCase(
        "Hver mandag kl 9 send skjema til alle snekker",
        "ikke mandag, tirsdag",
        _wk1(TUE, "09:00", "bestilling", _g("snekker")),
        category="edits",
    ),
    # nb: the last business day before a holiday
    EditCase(
        "Hver fredag kl 12 send prislista til rørleggerne",
        "er fredagen en helligdag, send den siste virkedag før i stedet",
        _cal(FRI, "12:00", "prisliste", _g("rorlegger"), holiday_policy="previous_business_day"),
        category="edits",
    ),
    # nb: add a delayed step to an event
    EditCase(
        "Når en ny kunde blir registrert, send velkomstmail med en gang",
        "og send prislista tre dager etter",
        _event_sends("customer.created", ["velkomst", "prisliste"], [None, _delay(3 * DAY)]),
        category="edits",
    ),
    # run: remove a step
    EditCase(
        "Mandag kl 8 skjema til alle og så onsdag kl 12 påminnelse og så fredag kl 9 vanlig "
        "ordre til de som ikke har bestilt",
        "fjern standardordren",
        _weekly_chain(["bestilling", "reminder"], [_at(MON, "08:00"), _at(WED, "12:00")], _all()),
        category="edits",
    ),
    # dict: swap the template
    EditCase(
        "hver tirsdag klokka ti send tilbudet til malerne",
        "bytt til prislista",
        _wk1(TUE, "10:00", "prisliste", _g("maler")),
        category="edits",
    ),
]
